import { isValidPriority } from './mx-priority-range';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';
import { isDocumentedPriority, vendorOf } from './vendor-sets';

/** Largest preference before mx-priority-high warns. */
export const HIGH_PRIORITY = 100;

/** Preferences above 100 are legal but usually a typo (1000 for 10) or a copy from a UI that scaled them. */
export const mxPriorityHigh: Rule = {
  id: 'mx-priority-high',
  severity: 'warning',
  summary: 'MX preference above 100',
  why: 'Any value 0–65535 is legal (RFC 1035 §3.3.9), but real setups use small numbers; a preference above 100 is most often a typo (100 for 10, 1000 for 10) that silently demotes a primary host below its backup, and some DNS hosting panels cap the field at 100 or lower, so the record cannot be moved there as is. Values a vendor documents or assigns are exempt.',
  sources: ['RFC 1035 §3.3.9', 'RFC 5321 §5.1'],
  fix: 'Use preferences from 0 to 100 (e.g. 10, 20), keeping the order you meant.',
  *check({ zone }): Iterable<RuleHit> {
    for (const record of ZoneIndex.of(zone).routingMx) {
      if (!isValidPriority(record.priority) || record.priority <= HIGH_PRIORITY) continue;
      const claim = vendorOf(record);
      if (claim && isDocumentedPriority(claim, record.priority)) continue;
      yield { name: record.name, record, message: `MX ${record.priority} ${record.value}: preference ${record.priority} is above ${HIGH_PRIORITY}; check it is not a typo that reorders your hosts, and prefer values from 0 to ${HIGH_PRIORITY}.` };
    }
  },
};
