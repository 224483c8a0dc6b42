import { Rule, RuleHit } from './rule';
import { spfGraph, spfLookupCount } from './spf-includes';
import { ZoneIndex } from './zone-index';

/** RFC 7208 §4.6.4: at most 10 terms that cause DNS lookups per SPF evaluation. */
export const SPF_MAX_LOOKUPS = 10;

/** Counting what the zone can see: this record's terms plus in-zone include:/redirect= targets. */
export const spfLookupLimit: Rule = {
  id: 'spf-lookup-limit',
  severity: 'error',
  summary: 'SPF record needs more than 10 DNS lookups',
  why: 'RFC 7208 §4.6.4 caps an SPF evaluation at 10 mechanisms and modifiers that query DNS (include, a, mx, ptr, exists, redirect), counted through every include. Past 10, receivers return permerror and SPF fails for all mail. The count here covers the record\'s own terms and includes that point into this zone; includes of other domains add more, so the real count is at least this.',
  sources: ['RFC 7208 §4.6.4'],
  fix: 'Remove includes you no longer use, replace a/mx terms with ip4:/ip6: ranges, or ask the vendors for a flatter include.',
  *check({ zone }): Iterable<RuleHit> {
    const index = ZoneIndex.of(zone);
    const graph = spfGraph(index);
    const memo = new Map<string, number>();
    for (const entry of index.names()) {
      for (const record of entry.spf) {
        const text = String(record.value);
        // Texts without in-zone includes count the same everywhere; others depend on where they are.
        const count = index.memo('spf-lookups', text.includes(zone.apex) ? `${entry.name} ${text}` : text, () => spfLookupCount(graph, entry.name, text, memo));
        if (count > SPF_MAX_LOOKUPS) {
          yield { name: record.name, record, message: `SPF "${record.value}" needs at least ${count} DNS lookups (in-zone includes counted); receivers stop at ${SPF_MAX_LOOKUPS} with a permanent error (RFC 7208 §4.6.4). Drop unused includes or replace a/mx with ip4:/ip6:.` };
        }
      }
    }
  },
};
