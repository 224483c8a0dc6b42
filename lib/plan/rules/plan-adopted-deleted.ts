import { describeRecord } from '../plan-model';
import { PlanRule, shown } from './plan-rule';

/** A record brought under management by an import block is deleted. */
export const planAdoptedDeleted: PlanRule = {
  id: 'plan-adopted-deleted',
  severity: 'error',
  summary: 'a record adopted from the live zone (import block) is deleted by the plan',
  why: 'Imported records existed before Terraform managed them: they are live mail routing that senders use now (see docs/adoption.md). Deleting one, or replacing it (delete, then create), removes a live record that nothing in the plan was written to remove.',
  fix: 'Keep the resource as imported. To stop managing a record without deleting it, use a `removed` block with `lifecycle { destroy = false }` (Terraform 1.7+) or `terraform state rm`; to change it, change its attributes so the plan updates it in place.',
  *check(model) {
    for (const resource of model.resources) {
      if (!resource.adopted || !resource.change.actions.includes('delete')) continue;
      const records = resource.before.map(describeRecord).join(', ') || 'its records';
      const name = resource.before[0]?.name ?? '';
      const how = resource.fate === 'deleted' ? 'deletes it' : 'replaces it (the live record is deleted, a new one created)';
      yield {
        name,
        address: resource.change.address,
        message: `${resource.change.address} (${shown(name)} ${records}) was adopted from the live zone (${resource.adopted}) and the plan ${how}. Keep it as imported; to stop managing it without deleting it use a \`removed\` block with destroy = false, or \`terraform state rm\`.`,
      };
    }
  },
};
