import { describeRecord } from './mx-exchange';
import { Rule, RuleHit } from './rule';
import { describeValue } from '../dns/errors';

/** Largest MX preference: the field is an unsigned 16-bit integer (RFC 1035 §3.3.9). */
export const MAX_MX_PRIORITY = 65535;

/** True for an integer 0–65535. */
export function isValidPriority(priority: unknown): priority is number {
  return typeof priority === 'number' && Number.isInteger(priority) && priority >= 0 && priority <= MAX_MX_PRIORITY;
}

/** The preference is a 16-bit unsigned integer; anything else cannot be published. */
export const mxPriorityRange: Rule = {
  id: 'mx-priority-range',
  severity: 'error',
  summary: 'MX preference is not an integer from 0 to 65535',
  why: 'RFC 1035 §3.3.9 defines PREFERENCE as a 16-bit unsigned integer; negative, fractional, missing or larger values cannot be published and Cloudflare rejects them.',
  sources: ['RFC 1035 §3.3.9'],
  fix: 'Use an integer from 0 to 65535; lower values are tried first.',
  *check({ zone }): Iterable<RuleHit> {
    for (const record of zone.ofType('MX')) {
      if (!isValidPriority(record.priority)) {
        const shown = describeValue(record.priority);
        yield { name: record.name, record, message: `${describeRecord(record)}: preference is ${shown}; it must be an integer from 0 to ${MAX_MX_PRIORITY} (lower is tried first).` };
      }
    }
  },
};
