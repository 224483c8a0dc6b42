import { Rule, RuleHit } from './rule';
import { spfIncludeLoops } from './spf-includes';
import { SPF_MAX_LOOKUPS } from './spf-lookup-limit';
import { ZoneIndex } from './zone-index';

/** Longest loop shown in full in a message; longer ones are cut in the middle. */
const SHOWN = 8;

/**
 * An SPF record that includes (or redirects to) itself, directly or through other
 * in-zone names, can never finish evaluating: receivers stop at the lookup limit.
 */
export const spfIncludeLoop: Rule = {
  id: 'spf-include-loop',
  severity: 'error',
  summary: 'SPF include:/redirect= leads back to the same name (an include loop)',
  why: 'RFC 7208 §5.2 evaluates include: by running check_host() on the included domain, and §6.1 does the same for redirect=; a chain that comes back to a name it started from would recurse for ever. Receivers stop it at the limit of 10 DNS-querying terms (§4.6.4) with a permerror, so SPF fails for every message from every name on the loop (and from every name that includes one of them). spf-lookup-limit counts each name once per chain, so this rule is what reports the loop.',
  sources: ['RFC 7208 §4.6.4', 'RFC 7208 §5.2', 'RFC 7208 §6.1'],
  fix: 'Remove the include:/redirect= that points back (a domain never needs to include itself): list its own senders with ip4:/ip6:/a/mx in one record, and let other names include that record, not the other way round.',
  *check({ zone }): Iterable<RuleHit> {
    const index = ZoneIndex.of(zone);
    for (const { names, loop } of spfIncludeLoops(index)) {
      const shown = loop.length > SHOWN ? [...loop.slice(0, SHOWN - 2), '…', ...loop.slice(-2)] : loop;
      const path = shown.join(' → ');
      const related = names.flatMap((name) => index.at(name)?.spf.slice(0, 1) ?? []);
      for (const name of names) {
        const record = index.at(name)!.spf[0];
        const how = loop.length === 2 ? `includes itself (${path})` : `is on an include loop of ${names.length} name${names.length === 1 ? '' : 's'} (${path})`;
        yield { name, record, related, message: `SPF "${record.value}" at ${name} ${how}; receivers stop at ${SPF_MAX_LOOKUPS} DNS lookups with a permanent error (RFC 7208 §4.6.4), so SPF fails for all its mail. Remove the include:/redirect= that points back.` };
      }
    }
  },
};
