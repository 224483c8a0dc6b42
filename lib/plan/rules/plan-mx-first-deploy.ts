import { describeRecord } from '../plan-model';
import { PlanRule, shown } from './plan-rule';

/**
 * MX created at a name where this state held none, by resources not adopted from the live zone: a
 * first deploy. If the name already has MX at the host that Terraform does not manage, a host with
 * one resource per record keeps them beside the new ones (two MX sets), or refuses an identical one
 * (Cloudflare 81058, deployed in test/real-dns/cloudflare-adopt-deploy.test.ts).
 */
export const planMxFirstDeploy: PlanRule = {
  id: 'plan-mx-first-deploy',
  severity: 'info',
  summary: 'the plan creates the first MX of a name, none of it adopted from the live zone',
  why: 'A plan only knows the state, not the live zone. When the name already has mail records that Terraform does not manage, the apply either fails on a record the host already holds ("An identical record already exists", docs/hosts.md) or publishes a second MX set beside the live one, and mail splits between them.',
  fix: 'For a domain that already receives mail, adopt its live records before the first deploy: `cdktf-mx import <domain> --from <source>` writes the code with an import block for each (docs/deploy-tests.md), or call `adoptLiveRecords` with their ids. For a new domain, nothing to do.',
  *check(model) {
    const before = new Set<string>();
    // Names whose MX an adopted (imported) resource holds after the plan: they are not a first deploy.
    const adopted = new Set<string>();
    for (const resource of model.resources) {
      for (const r of resource.before) if (r.type === 'MX') before.add(`${resource.zone} ${r.name}`);
      if (resource.adopted) for (const r of resource.after) if (r.type === 'MX') adopted.add(`${resource.zone} ${r.name}`);
    }
    const reported = new Set<string>();
    for (const resource of model.resources) {
      if (resource.fate !== 'created' || resource.adopted) continue;
      for (const record of resource.after) {
        const key = `${resource.zone} ${record.name}`;
        if (record.type !== 'MX' || before.has(key) || reported.has(key) || adopted.has(key)) continue;
        reported.add(key);
        yield {
          name: record.name,
          address: resource.change.address,
          message: `${resource.change.address} creates the first MX of ${shown(record.name)} (${describeRecord(record)}) under this state. If ${shown(record.name)} already receives mail, adopt its live records first (\`cdktf-mx import ${record.name} --from <source>\`, or \`adoptLiveRecords\`): otherwise the apply fails on an identical record or leaves two MX sets.`,
        };
      }
    }
  },
};
