import { Construct } from 'constructs';
import { MxInputError, describeValue } from '../dns/errors';
import { parseHostname } from '../dns/names';
import { identifyVendor } from '../presets/catalogue';
import { resolvePreset } from '../presets/expand';
import { MxValidation } from '../validation/mx-validation';
import { CompanionOptions } from './companion-options';
import { MailDomainProps } from './mail-domain-props';
import { MailRecordsBase } from './mail-records-base';
import { MxEntry } from './mx-records';
import { presetById } from './preset-publishing';
import { VendorSelection } from './vendor-mx';

/**
 * Where a migration stands. `overlap`: the new vendor's records at their documented
 * preferences and the old vendor's kept behind them, so mail still reaches the old
 * service while caches expire. `cutover`: the new vendor's records alone.
 */
export type MigrationStep = 'overlap' | 'cutover';

/** A vendor in a migration: the preset selection and the companions to publish for it. */
export interface MigrationVendor extends VendorSelection {
  /** Companion records for this vendor; the old vendor's are kept during `overlap` only. */
  readonly companions?: CompanionOptions;
}

/** Props of {@link MxMigration}. */
export interface MxMigrationProps extends MailDomainProps {
  /** The vendor mail leaves: a preset selection, or `{ records }` for MX records of your own. */
  readonly from: MigrationVendor | { readonly records: readonly MxEntry[] };
  /** The vendor mail moves to. */
  readonly to: MigrationVendor;
  /** `overlap` first; `cutover` once the old vendor's records have been published behind the new ones for at least their TTL. */
  readonly step: MigrationStep;
  /** Days before the preset-age warning (see `VendorMx`). */
  readonly maxPresetAge?: number;
}

/** Distance between the new vendor's last preference and the old vendor's tiers. */
const TIER_STEP = 10;

/**
 * The preferences that put `old` records behind everything at or below `above`: each
 * distinct old tier, in order, on the next multiple of 10 at least 10 higher, so the
 * old vendor's own order survives and no tier sits closer than 10 to another.
 */
export function demotedPriorities(old: readonly number[], above: number): number[] {
  const tiers = [...new Set(old)].sort((a, b) => a - b);
  const first = Math.ceil((above + TIER_STEP) / TIER_STEP) * TIER_STEP;
  const byTier = new Map(tiers.map((tier, index) => [tier, first + index * TIER_STEP]));
  const highest = first + (tiers.length - 1) * TIER_STEP;
  if (highest > 65535) throw new MxInputError('from', `the old records cannot be placed behind preference ${above}: they would need preferences up to ${highest} (at most 65535).`);
  return old.map((priority) => byTier.get(priority)!);
}

/**
 * Move a name's mail from one vendor to another without a moment when the name has no MX
 * or points only at a service that is not ready, following the rule "update MX before
 * cancelling the old service":
 *
 * 1. Replace the old vendor's construct with `new MxMigration(…, { from, to, step: 'overlap' })`
 *    (same zone, domain and name) and deploy: the new vendor's records are created and the
 *    old ones stay, updated in place to lower preferences. Their Terraform addresses come
 *    from their content, so nothing is destroyed. `mx-mixed-vendors` is suppressed for this
 *    construct only, because the mix is declared.
 * 2. After at least the records' TTL (and the new vendor receiving mail), set `step: 'cutover'`
 *    and deploy: only the old records are destroyed; the new ones are untouched.
 * 3. Replace the migration with the new vendor's own construct: no change to plan.
 * Then cancel the old service.
 */
export class MxMigration extends MailRecordsBase {
  /** The step published. */
  public readonly step: MigrationStep;

  constructor(scope: Construct, id: string, props: MxMigrationProps) {
    super(scope, id, props);
    if (props.step !== 'overlap' && props.step !== 'cutover') {
      throw new MxInputError('step', `must be "overlap" (both vendors, the old one behind) or "cutover" (the new vendor alone), not ${describeValue(props.step)} (${this.where()})`);
    }
    this.step = props.step;
    const toPreset = this.guard(() => presetById(props.to?.preset, 'to.preset'));
    this.migrationSide = { step: props.step, role: 'to' };
    const to = this.publishPreset(toPreset, props.to.variant, props.to.parameters ?? {}, {
      region: props.to.region,
      allowCustomHost: props.to.allowCustomHost,
      companions: props.to.companions,
      maxPresetAge: props.maxPresetAge,
      fieldPrefix: 'to.',
    });
    if (props.step === 'cutover') return;
    this.migrationSide = { step: props.step, role: 'from' };

    const above = Math.max(...to.mx.map((mx) => mx.priority));
    const newHosts = new Set(to.mx.map((mx) => mx.exchange));
    const toVendor = `${toPreset.id}/${to.variant}`;
    let fromVendors: string[];
    const from = props.from;
    if (from === null || typeof from !== 'object') throw new MxInputError('from', `give the vendor mail leaves: a preset selection or { records } (${this.where()})`);
    if ('records' in from) {
      if (!Array.isArray(from.records) || from.records.length === 0) {
        throw new MxInputError('from.records', `give the old vendor's MX records, at least one { priority, exchange } (${this.where()})`);
      }
      from.records.forEach((record: unknown, index: number) => {
        if (record === null || typeof record !== 'object' || Array.isArray(record)) {
          throw new MxInputError(`from.records[${index}]`, `must be an MX record { priority, exchange }, not ${describeValue(record)} (${this.where()})`);
        }
      });
      const hosts = from.records.map((record) => parseHostname(String(record?.exchange ?? '')).ascii ?? String(record?.exchange));
      this.checkDisjoint(hosts, newHosts);
      const priorities = this.guard(() => demotedPriorities(from.records.map((record) => record.priority), above));
      this.publishMx(from.records.map((record, index) => ({ exchange: record.exchange, priority: priorities[index] })), 'from.records');
      fromVendors = hosts.map((host) => identifyVendor(host)).map((match) => (match ? `${match.preset.id}/${match.variant}` : toVendor));
    } else {
      const fromPreset = this.guard(() => presetById(from.preset, 'from.preset'));
      const selection = { variant: from.variant, region: from.region, parameters: from.parameters ?? {}, allowCustomHost: from.allowCustomHost };
      const old = this.guard(() => resolvePreset(fromPreset, selection), 'from.');
      this.checkDisjoint(old.mx.map((mx) => mx.exchange), newHosts);
      const resolved = this.publishPreset(fromPreset, from.variant, from.parameters ?? {}, {
        region: from.region,
        allowCustomHost: from.allowCustomHost,
        companions: from.companions,
        maxPresetAge: props.maxPresetAge,
        fieldPrefix: 'from.',
        priorities: (mx) => demotedPriorities(mx.map((entry) => entry.priority), above),
      });
      fromVendors = [`${fromPreset.id}/${resolved.variant}`];
    }
    if (fromVendors.some((vendor) => vendor !== toVendor)) {
      MxValidation.of(this).suppress(this, {
        id: 'mx-mixed-vendors',
        reason: `declared migration from ${[...new Set(fromVendors)].join(', ')} to ${toVendor} (step overlap): the old records stay behind the new ones until cutover`,
      });
    }
  }

  private checkDisjoint(oldHosts: readonly string[], newHosts: ReadonlySet<string>): void {
    const shared = oldHosts.filter((host) => newHosts.has(host));
    if (shared.length > 0) {
      throw new MxInputError('from', `${shared.join(', ')} is in both the old and the new record set; a host both vendors share needs no migration, so leave it out of from (${this.where()})`);
    }
  }

  /** Run `body`, naming this construct (and the field prefix) in the input errors it throws. */
  private guard<T>(body: () => T, prefix = ''): T {
    try {
      return body();
    } catch (error) {
      throw error instanceof MxInputError ? new MxInputError(`${prefix}${error.field}`, error.detail).at(this.where()) : error;
    }
  }
}
