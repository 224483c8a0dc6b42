import { describeRecord } from '../../rules/mx-exchange';
import { Rule, RuleHit } from '../../rules/rule';

/**
 * A record-set resource (every value of a name + type in one resource) with
 * `create_before_destroy`: a replace creates the new set, then deleting the deposed one removes
 * the set by name + type, the new values with it. One rule for every record-set host.
 */
export const recordSetCreateBeforeDestroy: Rule = {
  id: 'record-set-create-before-destroy',
  severity: 'error',
  summary: 'a record-set resource has lifecycle create_before_destroy',
  why: 'A record-set resource owns every record of its name and type. With create_before_destroy a replace (on hashicorp/dns any TTL change) first writes the new set, which on the server is the same set, and then the deposed resource\'s delete removes that set by name and type: the name is left without its records (without MX: mail bounces or queues) while the state says they exist. Reproduced with hashicorp/dns 3.2.4 and 3.6.1 against BIND (test/real-dns/rfc2136-deploy.test.ts). On Route 53 and Google Cloud DNS every value change is an in-place update, so the setting buys nothing and has the same hazard when a replace keeps the name and type.',
  sources: ['hashicorp/terraform-provider-dns #97', 'docs/hosts.md (Lifecycle hazards)'],
  fix: 'Remove create_before_destroy from the resource\'s lifecycle block; record sets update in place.',
  *check({ zone }): Iterable<RuleHit> {
    const reported = new Set<string>();
    for (const record of zone.records) {
      const address = record.resource?.address;
      if (!record.resource?.createBeforeDestroy || address === undefined || reported.has(address)) continue;
      reported.add(address);
      yield {
        name: record.name,
        record,
        message: `${describeRecord(record)}: ${address} sets create_before_destroy; replacing this record set would delete the new set with the old one (hashicorp/terraform-provider-dns #97). Remove create_before_destroy.`,
      };
    }
  },
};
