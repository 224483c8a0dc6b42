import { describeRecord, PlannedResource } from '../plan-model';
import { addresses, MxAtName, mxByName, PlanHit, PlanRule, shown, survives } from './plan-rule';

/**
 * An MX record or set is deleted before its replacement exists: a replace without
 * create_before_destroy on a one-record host, any replace of a record set, or a name whose
 * every MX is deleted while other resources create the new ones.
 */
export const planMxGap: PlanRule = {
  id: 'plan-mx-gap',
  severity: 'error',
  summary: 'an MX record or set is deleted before its replacement exists',
  why: 'Terraform replaces a resource delete-first unless it has create_before_destroy, and orders neither the creates nor the deletes of unrelated resources. Between the delete and the create the name has no MX: senders that look it up then fall back to the A/AAAA record or bounce, and resolvers cache the empty answer for the zone\'s negative TTL (RFC 2308). On record-set hosts create_before_destroy does not help: the deposed set\'s delete removes the whole RRset by name and type, including the set just created (hashicorp/terraform-provider-dns #97, deployed in test/real-dns/rfc2136-deploy.test.ts).',
  sources: ['RFC 2308 §5', 'hashicorp/terraform-provider-dns #97', 'docs/hosts.md'],
  fix: 'One-record hosts: give the record lifecycle create_before_destroy (cdktf-mx constructs do). Record sets: avoid the replace (the attributes in replace_paths, e.g. a TTL change on hashicorp/dns, force it); apply it when a short gap is acceptable, or change the live set out of band and run `terraform apply -refresh-only`. New exchanges on other resources: add them in one apply and delete the old ones in the next (MxMigration).',
  *check(model) {
    const reported = new Set<string>();
    for (const entry of mxByName(model)) {
      const { name } = entry;
      // A name left without MX at the end is plan-mx-removed's finding, not a gap.
      if (entry.after.length === 0) continue;
      const hits: PlanHit[] = [];
      for (const resource of new Set(entry.before.map((h) => h.resource))) {
        const hit = replaceHit(resource, entry, survives({ before: entry.before.filter((h) => h.resource !== resource), after: entry.after }));
        if (hit) hits.push(hit);
      }
      if (hits.length === 0 && entry.before.length > 0 && !survives(entry)) {
        const deleted = entry.before.filter((h) => h.resource.fate !== 'kept');
        const created = entry.after.filter((h) => h.resource.fate === 'created' || h.resource.fate.startsWith('replaced'));
        hits.push({
          name,
          address: deleted[0].resource.change.address,
          message: `${shown(name)} (${entry.zone}): every MX is deleted (${addresses(deleted)}) while ${addresses(created)} create${created.length === 1 ? 's' : ''} the new ones (${created.map((h) => describeRecord(h.record)).join(', ')}); Terraform orders neither, so the name can be without MX during the apply. Add the new MX in one apply and delete the old ones in the next (MxMigration: step 'overlap', then 'cutover').`,
        });
      }
      for (const hit of hits) {
        const key = `${hit.address} ${hit.name}`;
        if (reported.has(key)) continue;
        reported.add(key);
        yield hit;
      }
    }
  },
};

/** The hit for a replace of `resource` holding MX at `name`, if it opens a gap. */
function replaceHit(resource: PlannedResource, { name, zone }: MxAtName, othersSurvive: boolean): PlanHit | undefined {
  const { address } = resource.change;
  const why = resource.change.replacePaths && resource.change.replacePaths.length > 0 ? ` (forced by ${resource.change.replacePaths.map((p) => p.join('.')).join(', ')})` : '';
  const records = resource.before.filter((r) => r.type === 'MX' && r.name === name && r.zone === zone).map(describeRecord).join(', ');
  if (resource.host.recordSets && resource.fate === 'replaced-delete-first') {
    return { name, address, message: `${address} (${shown(name)} ${records}) is replaced${why}: the set is deleted, then created, and the name has no MX in between. Avoid the replace (keep the attribute that forces it), or apply when a short gap is acceptable; with hashicorp/dns, change the live set with nsupdate and run \`terraform apply -refresh-only\`.` };
  }
  if (resource.host.recordSets && resource.fate === 'replaced-create-first') {
    return { name, address, message: `${address} (${shown(name)} ${records}) is replaced with create_before_destroy${why}: the new set is created, then the old one's delete removes the whole RRset by name and type, the new records too (hashicorp/terraform-provider-dns #97), leaving ${shown(name)} without MX. Remove create_before_destroy from the record set.` };
  }
  if (!resource.host.recordSets && resource.fate === 'replaced-delete-first' && !othersSurvive) {
    return { name, address, message: `${address} (${shown(name)} ${records}) is replaced delete-first${why}: the name has no MX until the new record is created. Give the record lifecycle create_before_destroy (cdktf-mx constructs do), so the new record exists before the old one goes.` };
  }
  return undefined;
}
