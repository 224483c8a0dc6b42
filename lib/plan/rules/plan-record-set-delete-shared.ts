import { describeRecord, PlannedRecord } from '../plan-model';
import { PlanRule, shown } from './plan-rule';

/**
 * A record-set resource is deleted while another resource holds records of the same zone, name and
 * type after the plan: the delete removes the RRset by name and type, the other resource's records too.
 */
export const planRecordSetDeleteShared: PlanRule = {
  id: 'plan-record-set-delete-shared',
  severity: 'error',
  summary: 'a record-set resource is deleted while another resource keeps records of the same name and type',
  why: 'A record-set resource\'s delete removes the whole RRset by name and type (hashicorp/dns `RemoveRRset`; Route 53 and Google delete the set), not only the values it wrote. When another resource holds records of that name and type after the plan (a raw set being dropped in favour of a construct\'s, or a set renamed without a `moved` block), Terraform orders neither the delete nor the other resource\'s write, so the apply can end with the name empty while it reports success. Seen with hashicorp/dns 3.6.1 against BIND while fixing record-set-shared (docs/hosts.md).',
  sources: ['hashicorp/terraform-provider-dns #97', 'docs/hosts.md (One resource per (name, type))'],
  fix: 'Take the resource out of the state instead of deleting it (`terraform state rm <address>`, or a `removed` block with `lifecycle { destroy = false }`), or use a `moved` block when the set only changes address; then apply.',
  *check(model) {
    // (zone, name, type) → the resources that hold records there after the plan.
    const holders = new Map<string, Set<string>>();
    const keyOf = (r: PlannedRecord) => `${r.zone}\u0000${r.name}\u0000${r.type}`;
    for (const resource of model.resources) {
      if (!resource.host.recordSets || resource.fate === 'deleted') continue;
      for (const record of resource.after) if (record.resource?.ownsRecordSet) holders.set(keyOf(record), (holders.get(keyOf(record)) ?? new Set()).add(resource.change.address));
    }
    for (const resource of model.resources) {
      if (!resource.host.recordSets || resource.fate !== 'deleted') continue;
      const sets = new Map<string, PlannedRecord[]>();
      for (const record of resource.before) if (record.resource?.ownsRecordSet) sets.set(keyOf(record), [...(sets.get(keyOf(record)) ?? []), record]);
      for (const [key, records] of sets) {
        const others = [...(holders.get(key) ?? [])].filter((address) => address !== resource.change.address);
        if (others.length === 0) continue;
        const { name, type } = records[0]!;
        yield {
          name,
          address: resource.change.address,
          message: `${resource.change.address} (${shown(name)} ${records.map(describeRecord).join(', ')}) is deleted, and its delete removes the whole ${type} set at ${shown(name)}, which ${others.join(', ')} ${others.length === 1 ? 'holds' : 'hold'} after the plan: the name can be left without ${type} while the apply reports success. Take it out of the state instead (\`terraform state rm ${resource.change.address}\`, or a \`removed\` block with destroy = false), or use a \`moved\` block if only its address changes.`,
        };
      }
    }
  },
};
