import { Annotations, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ConfiguredRecord, readConfiguredRecords } from '../cloudflare/read-records';
import { MxInputError } from '../dns/errors';
import { resolveOwnerName, toAscii } from '../dns/names';
import { SourcedRecord } from '../dns/record';
import { Zone } from '../dns/zone';
import { Finding, LintOptions, runRules, Suppression } from '../rules/engine';

/** Stack-wide validation settings. */
export interface MxValidationSettings {
  /** Per-rule severity (`error`, `warning`, `info`) or `off`. */
  readonly rules?: LintOptions['rules'];
  /** Smallest distance between adjacent MX priority tiers before `mx-priority-gap` warns (default 5). */
  readonly minPriorityGap?: number;
  /** Fail synth on warnings too, for strict pipelines. Default false. */
  readonly warningsAsErrors?: boolean;
}

/** Shortest reason a suppression may give; "ok" or "legacy" explains nothing to a reviewer. */
export const MIN_SUPPRESSION_REASON = 10;

interface DeclaredZone {
  readonly apex: string;
  readonly declaredBy: string;
}

const byStack = new WeakMap<TerraformStack, MxValidation>();

/**
 * Validates every zone our constructs declare in a stack, with the user's own
 * `cloudflare_dns_record` resources for the same zone id, when the stack is synthesized.
 * Errors fail synth (`cdktf synth`, `App.synth()`, `Testing.synth(stack, true)`);
 * warnings and infos are annotations the CLI prints.
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

  private readonly zones = new Map<string, DeclaredZone>();
  private readonly conflicts: string[] = [];
  private readonly suppressions: Suppression[] = [];
  private readonly annotated = new Set<string>();
  private settings: MxValidationSettings = {};

  private constructor(private readonly stack: TerraformStack) {
    stack.node.addValidation({ validate: () => this.validate() });
  }

  /** Set stack-wide options; later calls override earlier ones field by field. */
  public configure(settings: MxValidationSettings): this {
    this.settings = { ...this.settings, ...settings };
    return this;
  }

  /** Declare that records in `zoneId` belong to zone `domain`. Our constructs call this. */
  public registerZone(zoneId: string, domain: string, declaredBy: string): void {
    const apex = toAscii(domain.replace(/\.$/, '')) ?? domain.toLowerCase();
    const existing = this.zones.get(zoneId);
    if (!existing) {
      this.zones.set(zoneId, { apex, declaredBy });
    } else if (existing.apex !== apex) {
      this.conflicts.push(`zone id ${zoneId} is used for "${existing.apex}" (${existing.declaredBy}) and for "${apex}" (${declaredBy}); a Cloudflare zone id belongs to one domain.`);
    }
  }

  /**
   * Suppress rule `id` for records declared at or below `scope` (the whole stack when
   * `scope` is the stack). The reason is kept in the synthesized output for review.
   */
  public suppress(scope: IConstruct, suppression: { id: string; reason: string }): void {
    const reason = (suppression.reason ?? '').trim();
    if (reason.length < MIN_SUPPRESSION_REASON) {
      throw new MxInputError('reason', `suppressing "${suppression.id}" at ${scope.node.path} needs a reason of at least ${MIN_SUPPRESSION_REASON} characters that says why the finding is safe here.`);
    }
    const path = scope === this.stack ? undefined : scope.node.path;
    this.suppressions.push({ id: suppression.id, reason, ...(path ? { path } : {}) });
  }

  /**
   * Every zone declared in the stack as it will be published: our records and the
   * user's own `cloudflare_dns_record` resources with the same zone id.
   */
  public zoneModels(): Array<{ zoneId: string; zone: Zone }> {
    const recordsByZone = new Map<string, SourcedRecord[]>();
    for (const configured of readConfiguredRecords(this.stack)) {
      const zone = this.zones.get(configured.zoneId);
      if (!zone) continue;
      const list = recordsByZone.get(configured.zoneId);
      const record = zoneRecord(configured, zone.apex);
      if (list) list.push(record);
      else recordsByZone.set(configured.zoneId, [record]);
    }
    return [...this.zones].map(([zoneId, zone]) => ({ zoneId, zone: new Zone(zone.apex, recordsByZone.get(zoneId) ?? []) }));
  }

  /** Run the rules over every declared zone. */
  public findings(): { findings: Finding[]; unusedSuppressions: Suppression[] } {
    const findings: Finding[] = [];
    const used = new Set<Suppression>();
    const options = { ...this.settings, suppressions: this.suppressions };
    for (const { zone } of this.zoneModels()) {
      const result = runRules(zone, options);
      findings.push(...result.findings);
      for (const { suppression } of result.suppressed) used.add(suppression);
    }
    return { findings, unusedSuppressions: this.suppressions.filter((s) => !used.has(s)) };
  }

  private validate(): string[] {
    const { findings, unusedSuppressions } = this.findings();
    const strict = this.settings.warningsAsErrors === true;
    const errors = [...this.conflicts];
    const notes: Array<{ severity: 'warning' | 'info'; message: string; path?: string }> = [];
    for (const finding of findings) {
      if (finding.severity === 'error' || (strict && finding.severity === 'warning')) {
        errors.push(formatFinding(finding));
      } else {
        notes.push({ severity: finding.severity, message: formatFinding(finding), path: finding.path });
      }
    }
    for (const unused of unusedSuppressions) {
      notes.push({ severity: 'warning', message: `suppression of "${unused.id}" at ${unused.path ?? this.stack.node.path} matched no finding; remove it (reason given: "${unused.reason}").`, path: unused.path });
    }
    if (notes.length > 0) this.annotate(notes);
    return errors;
  }

  /** Attach warnings and infos to the construct they are about, once each however often synth runs. */
  private annotate(notes: ReadonlyArray<{ severity: 'warning' | 'info'; message: string; path?: string }>): void {
    const byPath = new Map(this.stack.node.findAll().map((c) => [c.node.path, c] as const));
    for (const { severity, message, path } of notes) {
      const key = `${severity} ${path} ${message}`;
      if (this.annotated.has(key)) continue;
      this.annotated.add(key);
      const target = (path !== undefined && byPath.get(path)) || this.stack;
      if (severity === 'warning') Annotations.of(target).addWarning(message);
      else Annotations.of(target).addInfo(message);
    }
  }
}

/** Fields of a configured record that {@link zoneRecord} copies or drops on purpose. */
type HandledField = 'zoneId' | 'resource' | 'name' | 'type' | 'value' | 'priority' | 'ttl' | 'proxied' | 'origin';
/** Fails to compile when `ConfiguredRecord` gains a field that zoneRecord does not handle yet. */
const allFieldsHandled: [Exclude<keyof ConfiguredRecord, HandledField>] extends [never] ? true : never = true;
void allFieldsHandled;

/**
 * A configured record as rules see it: the name resolved in its zone, without the zone id
 * and resource. Built field by field rather than by rest/spread: this runs for every record
 * at every synth, and copying through a rest object is several times slower.
 */
function zoneRecord(configured: ConfiguredRecord, apex: string): SourcedRecord {
  const record: { -readonly [K in keyof SourcedRecord]: SourcedRecord[K] } = { type: configured.type, value: configured.value } as SourcedRecord;
  if (configured.priority !== undefined) record.priority = configured.priority;
  if (configured.ttl !== undefined) record.ttl = configured.ttl;
  if (configured.proxied !== undefined) record.proxied = configured.proxied;
  record.origin = configured.origin;
  record.name = resolveOwnerName(configured.name, apex);
  return record;
}

/** `[mx-target-ip] example.com. (stack/mail): message`, the one way findings are printed at synth. */
export function formatFinding(finding: Finding): string {
  const where = finding.path ? ` (${finding.path})` : '';
  return `[${finding.rule}] ${finding.name}${where}: ${finding.message}`;
}
