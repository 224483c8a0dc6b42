import { targetOf } from './mx-exchange';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** The same exchange twice at one name is a typo or a merge gone wrong; Cloudflare rejects identical records. */
export const mxDuplicate: Rule = {
  id: 'mx-duplicate',
  severity: 'error',
  summary: 'the same MX exchange appears twice at one name',
  sources: ['RFC 5321 §5.1', 'Cloudflare API error 81058'],
  why: 'An exchange listed twice adds no redundancy, and at a different preference it makes the order ambiguous. Cloudflare refuses a second identical record ("An identical record already exists").',
  fix: 'Keep one record per exchange; remove the duplicate.',
  *check({ zone }): Iterable<RuleHit> {
    for (const { name, routing } of ZoneIndex.of(zone).names()) {
      if (routing.length < 2) continue;
      const seen = new Set<string>();
      for (const record of routing) {
        const host = targetOf(record).ascii;
        if (host === undefined) continue;
        if (seen.has(host)) {
          yield { name, record, message: `${host} is listed more than once as MX of ${name}; keep one record per exchange.` };
        }
        seen.add(host);
      }
    }
  },
};
