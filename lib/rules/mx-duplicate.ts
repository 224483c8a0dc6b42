import { routingMx, targetOf } from './mx-exchange';
import { Rule, RuleHit } from './rule';

/** The same exchange twice at one name is a typo or a merge gone wrong; Cloudflare rejects identical records. */
export const mxDuplicate: Rule = {
  id: 'mx-duplicate',
  severity: 'error',
  summary: 'the same MX exchange appears twice at one name',
  why: 'An exchange listed twice adds no redundancy, and at a different preference it makes the order ambiguous. Cloudflare refuses a second identical record ("An identical record already exists").',
  fix: 'Keep one record per exchange; remove the duplicate.',
  *check({ zone }): Iterable<RuleHit> {
    for (const name of zone.names()) {
      const seen = new Set<string>();
      for (const record of routingMx(zone.at(name))) {
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
