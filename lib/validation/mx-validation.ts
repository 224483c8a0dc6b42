import { Annotations, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { describeValue, MxInputError } from '../dns/errors';
import { parseHostname } from '../dns/names';
import { Zone } from '../dns/zone';
import { RULES_BY_ID } from '../hosts';
import { rulesWithHost } from '../rules/catalogue';
import { Finding, LintOptions, runRules, Suppression } from '../rules/engine';
import { ZoneTarget } from '../zones/host';
import { eachStackZone, stackZones } from '../zones/stack-zones';
import { METADATA_KEY } from './metadata-key';
import { SuppressionMetadata } from './synthesized-validation';
import { SynthMetadata } from './synth-metadata';

/** Stack-wide validation settings. */
export interface MxValidationSettings {
  /** Per-rule severity (`error`, `warning`, `info`) or `off`. */
  readonly rules?: LintOptions['rules'];
  /** Smallest distance between adjacent MX priority tiers before `mx-priority-gap` warns (default 5). */
  readonly minPriorityGap?: number;
  /** Fail synth on warnings too, for strict pipelines. Default false. */
  readonly warningsAsErrors?: boolean;
}

/** A suppression as {@link suppressMxRule} takes it. */
export interface MxRuleSuppression {
  /** Rule id, e.g. `mx-single` (see docs/rules.md). */
  readonly id: string;
  /** Why the finding is safe here, for reviewers: at least 10 characters. Kept in the synthesized output. */
  readonly reason: string;
  /**
   * Only findings in this zone (its apex, e.g. `example.com`). Give it when `scope` is the stack:
   * a stack-wide suppression also hides the rule for every other domain in the stack, including
   * ones added later. Default: every zone the records under `scope` are in.
   */
  readonly zone?: string;
  /**
   * Only findings at this owner name: relative to `zone` (`@` is its apex), or absolute with a
   * trailing dot. Default: every name.
   */
  readonly name?: string;
}

/** Shortest reason a suppression may give; "ok" or "legacy" explains nothing to a reviewer. */
export const MIN_SUPPRESSION_REASON = 10;

/** Infos of one rule shown one by one at synth; more are summarised in one line. */
const MAX_INFOS_PER_RULE = 3;

export { METADATA_KEY } from './metadata-key';

/** What a validation run found, kept for the synthesized metadata. */
interface Outcome {
  readonly findings: Finding[];
  readonly suppressed: Array<{ finding: Finding; suppression: Suppression }>;
  readonly unusedSuppressions: Suppression[];
}

const byStack = new WeakMap<TerraformStack, MxValidation>();

/**
 * Validates every zone our constructs declare in a stack, with the user's own raw record
 * resources in the same zone (any binding), when the stack is synthesized.
 * Errors fail synth (`cdktf synth`, `App.synth()`, `Testing.synth(stack, true)`);
 * warnings and infos are annotations the CLI prints. Suppressions and what they matched
 * are written to the synthesized stack's `//.metadata["cdktf-mx"]` for review.
 */
export class MxValidation {
  /** The validation of the stack that holds `scope`, created on first use. */
  public static of(scope: IConstruct): MxValidation {
    const stack = TerraformStack.of(scope);
    let validation = byStack.get(stack);
    if (!validation) {
      validation = new MxValidation(stack);
      byStack.set(stack, validation);
    }
    return validation;
  }

  private readonly suppressions: Suppression[] = [];
  private readonly annotated = new Set<string>();
  private settings: MxValidationSettings = {};
  private lastOutcome?: Outcome;
  private conflicts: string[] = [];

  private constructor(private readonly stack: TerraformStack) {
    stack.node.addValidation({ validate: () => this.validate() });
  }

  /** Set stack-wide options; later calls override earlier ones field by field. */
  public configure(settings: MxValidationSettings): this {
    for (const [id, severity] of Object.entries(settings.rules ?? {})) {
      if (!RULES_BY_ID.has(id)) throw new MxInputError(`rules.${id}`, `there is no rule "${id}"; see docs/rules.md for the ids (${this.stack.node.path}).`);
      if (!['error', 'warning', 'info', 'off'].includes(severity)) throw new MxInputError(`rules.${id}`, `must be error, warning, info or off, not ${describeValue(severity)} (${this.stack.node.path}).`);
    }
    if (settings.minPriorityGap !== undefined && !(Number.isFinite(settings.minPriorityGap) && settings.minPriorityGap >= 0)) {
      throw new MxInputError('minPriorityGap', `must be a number ≥ 0, not ${describeValue(settings.minPriorityGap)} (${this.stack.node.path}).`);
    }
    this.settings = { ...this.settings, ...settings, rules: { ...this.settings.rules, ...settings.rules } };
    this.recordInMetadata();
    return this;
  }

  /**
   * Suppress rule `id` for records declared at or below `scope` (the whole stack when
   * `scope` is the stack). The reason is kept in the synthesized output for review; a
   * suppression that matches nothing is reported as a warning at synth.
   */
  public suppress(scope: IConstruct, suppression: MxRuleSuppression): void {
    const id = typeof suppression?.id === 'string' ? suppression.id.trim() : '';
    if (!RULES_BY_ID.has(id)) {
      throw new MxInputError('id', `there is no rule ${describeValue(suppression?.id)} to suppress at ${scope.node.path}; see docs/rules.md for the ids.`);
    }
    const reason = typeof suppression.reason === 'string' ? suppression.reason.trim() : '';
    if (reason.length < MIN_SUPPRESSION_REASON) {
      throw new MxInputError('reason', `suppressing "${id}" at ${scope.node.path} needs a reason of at least ${MIN_SUPPRESSION_REASON} characters that says why the finding is safe here.`);
    }
    const zone = optionalName(suppression, 'zone', id, scope);
    const name = optionalName(suppression, 'name', id, scope);
    if (zone !== undefined && parseHostname(zone.replace(/\.$/, '')).ascii === undefined) {
      throw new MxInputError('zone', `suppressing "${id}" at ${scope.node.path}: zone must be a domain such as "example.com", not ${describeValue(suppression.zone)}.`);
    }
    const path = scope === this.stack ? undefined : scope.node.path;
    this.suppressions.push({ id, reason, ...(path ? { path } : {}), ...(zone !== undefined ? { zone } : {}), ...(name !== undefined ? { name } : {}) });
    this.recordInMetadata();
  }

  /** Write suppressions and settings to the synthesized stack, for review and for `cdktf-mx lint` of the output. */
  private recordInMetadata(): void {
    if (!this.stack.node.tryFindChild(METADATA_ID)) new SynthMetadata(this.stack, METADATA_ID, () => this.metadata());
  }

  /**
   * Every zone declared in the stack as it will be published: our records and the user's own
   * raw resources in the same zone, whichever class made them (see `stackZones`). `zoneId` is
   * the host's identity of the zone with tokens resolved, e.g. `${var.corp_zone_id}`.
   */
  public zoneModels(): Array<{ zoneId: string; zone: Zone; target: ZoneTarget }> {
    const { models, conflicts } = stackZones(this.stack);
    this.conflicts = conflicts;
    return models.map((model) => ({ zoneId: model.identity, zone: model.zone, target: model.target }));
  }

  /** Run the rules over every declared zone. */
  public findings(): Outcome {
    const findings: Finding[] = [];
    const suppressed: Outcome['suppressed'] = [];
    const used = new Set<Suppression>();
    const options = { ...this.settings, suppressions: this.suppressions };
    const { models, conflicts } = eachStackZone(this.stack);
    this.conflicts = conflicts;
    // Zone by zone: each zone's model (and the indexes the rules build on it) is built when
    // judged and let go before the next, so a large estate's zones are never all alive at once,
    // which keeps synth's peak memory down.
    for (const { zone, target } of models) {
      const result = runRules(zone, options, rulesWithHost(target.host.rules));
      findings.push(...result.findings);
      suppressed.push(...result.suppressed);
      for (const { suppression } of result.suppressed) used.add(suppression);
    }
    const off = (id: string) => this.settings.rules?.[id] === 'off';
    return { findings, suppressed, unusedSuppressions: this.suppressions.filter((s) => !used.has(s) && !off(s.id)) };
  }

  private validate(): string[] {
    const outcome = this.findings();
    this.lastOutcome = outcome;
    const strict = this.settings.warningsAsErrors === true;
    const errors = [...this.conflicts];
    const notes: Array<{ severity: 'warning' | 'info'; message: string; path?: string }> = [];
    const infos = new Map<string, Finding[]>();
    for (const finding of outcome.findings) {
      if (finding.severity === 'error' || (strict && finding.severity === 'warning')) {
        errors.push(formatFinding(finding));
      } else if (finding.severity === 'warning') {
        notes.push({ severity: 'warning', message: formatFinding(finding), path: finding.path });
      } else {
        const list = infos.get(finding.rule) ?? [];
        list.push(finding);
        infos.set(finding.rule, list);
      }
    }
    // Advice is summarised per rule past a few names, so a large estate's synth output stays readable.
    for (const [rule, list] of infos) {
      if (list.length <= MAX_INFOS_PER_RULE) {
        for (const finding of list) notes.push({ severity: 'info', message: formatFinding(finding), path: finding.path });
      } else {
        const names = list.slice(0, MAX_INFOS_PER_RULE).map((f) => f.name).join(', ');
        notes.push({ severity: 'info', message: `[${rule}] ${list.length} names (${names}, …): ${RULES_BY_ID.get(rule)?.summary ?? rule}. ${RULES_BY_ID.get(rule)?.fix ?? ''}`.trim() });
      }
    }
    for (const unused of outcome.unusedSuppressions) {
      const at = [unused.zone !== undefined ? `zone ${unused.zone}` : '', unused.name !== undefined ? `name ${unused.name}` : ''].filter(Boolean).join(', ');
      const message = `[suppression-unused] ${unused.path ?? this.stack.node.path}: the suppression of "${unused.id}"${at ? ` (${at})` : ''} matched no finding; remove it (reason given: "${unused.reason}").`;
      if (strict) errors.push(message);
      else notes.push({ severity: 'warning', message, path: unused.path });
    }
    if (notes.length > 0) this.annotate(notes);
    return errors;
  }

  /**
   * What the synthesized output records (read back by `synthesizedValidation`): each suppression
   * with its scope, reason and what it matched, and the stack's settings.
   */
  private metadata(): Record<string, unknown> {
    const outcome = this.lastOutcome ?? this.findings();
    const { rules, minPriorityGap, warningsAsErrors } = this.settings;
    const suppressions: SuppressionMetadata[] = this.suppressions.map((suppression) => ({
      rule: suppression.id,
      scope: suppression.path ?? this.stack.node.path,
      ...(suppression.path !== undefined ? { path: suppression.path } : {}),
      ...(suppression.zone !== undefined ? { zone: suppression.zone } : {}),
      ...(suppression.name !== undefined ? { name: suppression.name } : {}),
      reason: suppression.reason,
      matched: outcome.suppressed.filter((s) => s.suppression === suppression).map(({ finding }) => formatFinding(finding)),
    }));
    const settings = {
      ...(rules !== undefined && Object.keys(rules).length > 0 ? { rules } : {}),
      ...(minPriorityGap !== undefined ? { minPriorityGap } : {}),
      ...(warningsAsErrors !== undefined ? { warningsAsErrors } : {}),
    };
    return { [METADATA_KEY]: { suppressions, ...(Object.keys(settings).length > 0 ? { settings } : {}) } };
  }

  /** Attach warnings and infos to the construct they are about, once each however often synth runs. */
  private annotate(notes: ReadonlyArray<{ severity: 'warning' | 'info'; message: string; path?: string }>): void {
    for (const { severity, message, path } of notes) {
      const key = `${severity} ${path} ${message}`;
      if (this.annotated.has(key)) continue;
      this.annotated.add(key);
      const target = this.constructAt(path) ?? this.stack;
      if (severity === 'warning') Annotations.of(target).addWarning(message);
      else Annotations.of(target).addInfo(message);
    }
  }

  /**
   * The construct at `path` in this stack, found by walking down its ids: a few lookups per
   * note instead of indexing every construct of a large stack at each synth.
   */
  private constructAt(path: string | undefined): IConstruct | undefined {
    const root = this.stack.node.path;
    if (path === undefined || (root !== '' && path !== root && !path.startsWith(`${root}/`))) return undefined;
    let node: IConstruct | undefined = this.stack;
    const below = root === '' ? path : path.slice(root.length + 1);
    if (below === '') return node;
    for (const id of below.split('/')) {
      node = node.node.tryFindChild(id);
      if (!node) return undefined;
    }
    return node;
  }
}

/** `zone` or `name` of a suppression, trimmed; undefined when absent; a clear error when not a non-empty string. */
function optionalName(suppression: MxRuleSuppression, field: 'zone' | 'name', id: string, scope: IConstruct): string | undefined {
  const value: unknown = suppression[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new MxInputError(field, `suppressing "${id}" at ${scope.node.path}: ${field} must be a non-empty string, not ${describeValue(value)}.`);
  }
  return value.trim();
}

const METADATA_ID = 'cdktf-mx-suppressions';

/** `[mx-target-ip] example.com. (stack/mail): message`, the one way findings are printed at synth. */
export function formatFinding(finding: Finding): string {
  const where = finding.path ? ` (${finding.path})` : '';
  return `[${finding.rule}] ${finding.name}${where}: ${finding.message}`;
}

/**
 * Suppress rule `id` for the records declared at or below `scope` (a construct, or the
 * whole stack), with the reason a reviewer will read. The reason must say something
 * (≥ 10 characters); it is written to the synthesized output, and a suppression that
 * matches nothing is reported as a warning.
 *
 * ```ts
 * suppressMxRule(backupMx, { id: 'mx-priority-high', reason: 'preference 200 keeps this relay last on purpose' });
 * ```
 */
export function suppressMxRule(scope: IConstruct, suppression: MxRuleSuppression): void {
  MxValidation.of(scope).suppress(scope, suppression);
}

/**
 * Stack-wide validation settings: per-rule severities, `minPriorityGap`, and
 * `warningsAsErrors` for strict pipelines.
 *
 * ```ts
 * configureMxValidation(stack, { warningsAsErrors: true, rules: { 'mx-ttl-high': 'off' } });
 * ```
 */
export function configureMxValidation(scope: IConstruct, settings: MxValidationSettings): MxValidation {
  return MxValidation.of(scope).configure(settings);
}
