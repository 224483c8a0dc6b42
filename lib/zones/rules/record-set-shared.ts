import { describeRecord } from '../../rules/mx-exchange';
import { Rule, RuleHit } from '../../rules/rule';
import { SourcedRecord } from '../../dns/record';

/**
 * Two resources hold one record set (name + type) on a record-set host, e.g. a construct's
 * `dns_mx_record_set` and the user's own raw one. Each owns the whole RRset, so each apply
 * deletes the other's values. One rule for every record-set host.
 */
export const recordSetShared: Rule = {
  id: 'record-set-shared',
  severity: 'error',
  summary: 'two resources hold the same record set (name and type) on a record-set host',
  why: 'A record-set resource (hashicorp/dns `dns_mx_record_set`, Route 53 `aws_route53_record`, Google `google_dns_record_set`) owns every record of its name and type: it writes its values into the RRset, reads the whole RRset back as its own, and its delete removes the RRset by name and type. Two such resources at one name and type fight on every apply. Deployed with hashicorp/dns 3.6.1 against BIND (test/real-dns/record-set-shared-deploy.test.ts): a construct\'s MX set of 2 and a raw set of 1 serve 3 MX, the apply fails ("Provider produced inconsistent result") and taints one set, and every later apply replaces it delete-first (the name without MX until the create) and fails again; with 3.2.4 the second apply, with no change, left the name with NO MX. Deleting one of the two resources deletes the other\'s records too. Route 53 refuses the second create unless `allow_overwrite` is set, then the two overwrite each other the same way (not deployed here).',
  sources: ['docs/hosts.md (One resource per (name, type))', 'test/real-dns/record-set-shared-deploy.test.ts'],
  fix: 'Keep one resource per name and type: declare the raw resource\'s values through the construct (more `records` of MxRecords; any other value with `zone.host.publish(scope, zone, { name, type, value, ttl }, id)`, which joins the construct\'s set) and take the raw resource out of the state without deleting it (`terraform state rm <address>`, or a `removed` block with `lifecycle { destroy = false }`): a plain delete of it removes the whole RRset, the construct\'s records too. Or drop the construct and keep the raw resource.',
  *check({ zone }): Iterable<RuleHit> {
    // (name, type) → resource address → the records it holds there.
    const holders = new Map<string, Map<string, SourcedRecord[]>>();
    for (const record of zone.records) {
      const address = record.resource?.address;
      if (!record.resource?.ownsRecordSet || address === undefined) continue;
      const key = `${record.name} ${record.type}`;
      let byAddress = holders.get(key);
      if (!byAddress) holders.set(key, (byAddress = new Map()));
      const list = byAddress.get(address);
      if (list) list.push(record);
      else byAddress.set(address, [record]);
    }
    for (const byAddress of holders.values()) {
      if (byAddress.size < 2) continue;
      const sets = [...byAddress.values()];
      const [first, second] = [sets[0]![0]!, sets[1]![0]!];
      yield {
        name: first.name,
        record: second,
        related: sets.flat().filter((r) => r !== second),
        message: `${first.type} at ${first.name} is one record set, held by ${sets.length} resources: ${sets.map(held).join(' and ')}. Each owns the whole set, so each apply deletes the values the other wrote and the name can be left with no ${first.type}. Declare the raw values through the construct (e.g. more records) and take the raw resource out of the state with \`terraform state rm\` (deleting it removes the whole set), or drop the raw resource.`,
      };
    }
  },
};

/** `dns_mx_record_set.raw (stack/raw: MX 10 mx.example.net, MX 20 …)`: a resource and what it holds at the name. */
function held(records: readonly SourcedRecord[]): string {
  const path = records[0]!.origin?.path;
  return `${records[0]!.resource!.address} (${path !== undefined ? `${path}: ` : ''}${records.map(describeRecord).join(', ')})`;
}
