import { Lazy, TerraformOutput, Token } from 'cdktf';
import { Construct } from 'constructs';
import { describeValue, MxInputError } from '../dns/errors';
import { parseHostname } from '../dns/names';
import { SourcedRecord } from '../dns/record';
import { isNullMx } from '../rules/mx-exchange';
import {
  DEFAULT_MTA_STS_MAX_AGE, maxAgeProblem, MTA_STS_MODES, MtaStsMode, mtaStsPolicyId, mxPatternProblem, normalizePattern, renderMtaStsPolicy,
} from '../transport/mta-sts-policy';
import { coveringPattern } from '../transport/mx-patterns';
import { MTA_STS_LABEL, MTA_STS_POLICY_HOST_LABEL, renderMtaStsRecord } from '../transport/mta-sts-record';
import { METADATA_KEY, MTA_STS_POLICIES_KEY } from '../validation/metadata-key';
import { SynthMetadata } from '../validation/synth-metadata';
import { ZoneRegistry } from '../zones/registry';
import { MailDomainProps } from './mail-domain-props';
import { MailRecordsBase } from './mail-records-base';

/** Props of {@link MtaSts}. */
export interface MtaStsProps extends MailDomainProps {
  /**
   * `testing` first (senders deliver anyway and send TLS-RPT reports), then `enforce` (senders
   * refuse MX hosts the policy does not list, or that fail TLS); `none` withdraws a policy.
   */
  readonly mode: MtaStsMode;
  /**
   * How long senders cache the policy, in seconds: 0–31557600 (RFC 8461 §3.2). Default 604800
   * (one week): long enough to protect, short enough that a mistake expires within a week.
   */
  readonly maxAge?: number;
  /**
   * The `mx:` patterns, replacing the derived ones. Default: derived from the MX records this
   * stack's constructs publish at the same name in the same zone: each exchange exactly, or the
   * wildcard its vendor's preset documents (Microsoft 365: `*.mail.protection.outlook.com`).
   */
  readonly mx?: readonly string[];
  /**
   * Patterns added to the derived (or given) ones, e.g. the hosts of a vendor you are about to
   * move to or away from, so an `enforce` policy covers both during the overlap.
   */
  readonly extraMx?: readonly string[];
  /**
   * Publish `mta-sts.<name>` as a CNAME to the host that serves the policy over HTTPS with a
   * certificate for `mta-sts.<name>` (a static site, a CDN). Hosting the file stays yours; the
   * policy text is {@link MtaSts.policyText} and the stack output `policy`.
   */
  readonly policyHost?: { readonly cname: string };
}

/**
 * MTA-STS (RFC 8461) for the MX set at a name: renders the policy from the MX records this
 * stack publishes there, and publishes `_mta-sts.<name>` TXT `v=STSv1; id=<id>;` whose id is a
 * hash of the policy text, so it changes exactly when the policy does and senders refetch it.
 * The policy is derived when the stack is synthesized, so MX constructs declared after this one
 * are covered too; the zone's rules check the policy against the whole MX set at synth.
 *
 * ```ts
 * new Microsoft365Mx(stack, 'mail', { zone, exchange: 'contoso-com.mail.protection.outlook.com' });
 * const sts = new MtaSts(stack, 'mta-sts', { zone, mode: 'enforce', policyHost: { cname: 'contoso.github.io' } });
 * // sts.policyText: "version: STSv1\r\nmode: enforce\r\nmx: *.mail.protection.outlook.com\r\nmax_age: 604800\r\n"
 * ```
 */
export class MtaSts extends MailRecordsBase {
  /** The policy mode. */
  public readonly mode: MtaStsMode;
  /** `max_age` in seconds. */
  public readonly maxAge: number;
  /** The stack output holding the policy text to serve at `https://mta-sts.<name>/.well-known/mta-sts.txt`. */
  public readonly policyOutput: TerraformOutput;
  /** Where senders fetch the policy. */
  public readonly policyUrl: string;
  private readonly given?: readonly string[];
  private readonly extra: readonly string[];

  constructor(scope: Construct, id: string, props: MtaStsProps) {
    super(scope, id, props);
    if (!MTA_STS_MODES.includes(props.mode)) {
      throw new MxInputError('mode', `must be "enforce", "testing" or "none", not ${describeValue(props.mode)} (${this.where()})`);
    }
    this.mode = props.mode;
    this.maxAge = props.maxAge ?? DEFAULT_MTA_STS_MAX_AGE;
    const ageProblem = typeof this.maxAge === 'number' ? maxAgeProblem(this.maxAge) : `max_age ${describeValue(this.maxAge)} is not a number`;
    if (ageProblem) throw new MxInputError('maxAge', `${ageProblem}; give seconds from 0 to 31557600, e.g. 604800 for a week (${this.where()})`);
    this.given = props.mx === undefined ? undefined : this.patterns(props.mx, 'mx');
    this.extra = this.patterns(props.extraMx ?? [], 'extraMx');
    this.policyUrl = `https://${MTA_STS_POLICY_HOST_LABEL}.${this.recordName}/.well-known/mta-sts.txt`;

    this.publish({ type: 'TXT', value: Lazy.stringValue({ produce: () => renderMtaStsRecord(this.policyId) }), label: MTA_STS_LABEL, identity: 'mta-sts', field: 'mode' });
    if (props.policyHost !== undefined) {
      const target = typeof props.policyHost?.cname === 'string' ? parseHostname(props.policyHost.cname.trim()) : undefined;
      if (!target?.ascii || target.problems.length > 0) {
        throw new MxInputError('policyHost.cname', `must be the host name that serves the policy over HTTPS, not ${describeValue(props.policyHost?.cname)} (${this.where()})`);
      }
      this.publish({ type: 'CNAME', value: target.ascii, label: MTA_STS_POLICY_HOST_LABEL, identity: 'policy-host', field: 'policyHost.cname' });
    }
    this.policyOutput = new TerraformOutput(this, 'policy', {
      value: Lazy.stringValue({ produce: () => this.policyText }),
      description: `MTA-STS policy to serve at ${this.policyUrl} (text/plain)`,
    });
    const path = this.node.path;
    const registry = ZoneRegistry.of(this);
    registry.addDocument(this.zone, () => ({ kind: 'mta-sts-policy', name: this.recordName, text: this.policyText, origin: { path, field: 'mode' } }));
    // For `cdktf-mx lint` of the synthesized output, which has no construct to ask (see readSynthesizedPolicies).
    new SynthMetadata(this, 'policy-metadata', () => ({
      [METADATA_KEY]: { [MTA_STS_POLICIES_KEY]: { [path]: { zoneId: registry.resolvedIdentity(this.zone), host: this.zone.host.id, name: this.recordName, text: this.policyText } } },
    }));
  }

  /**
   * The `mx:` patterns: given or derived from the MX set published at this name so far
   * (at synth: all of it), then `extraMx`; each once, sorted so declaration order changes nothing.
   */
  public get mxPatterns(): string[] {
    const base = this.given ?? [...new Set(this.publishedMx().map((record) => coveringPattern(record.value, record.origin?.vendor?.preset)))].sort();
    return [...new Set([...base, ...this.extra])];
  }

  /** The policy text (CRLF lines) as senders will fetch it; at synth it covers every MX declared in the stack. */
  public get policyText(): string {
    return renderMtaStsPolicy({ mode: this.mode, mx: this.mxPatterns, maxAge: this.maxAge });
  }

  /** The id published in `_mta-sts`: derived from {@link policyText}. */
  public get policyId(): string {
    return mtaStsPolicyId(this.policyText);
  }

  /** The routing MX records our constructs publish at this name in this zone. */
  private publishedMx(): SourcedRecord[] {
    const registry = ZoneRegistry.of(this);
    const zoneKey = registry.keyOf(this.zone);
    return registry.published
      .filter(({ spec, zone }) => spec.type === 'MX' && spec.name === this.recordName && !isNullMx(spec) && !Token.isUnresolved(spec.value) && (zone === this.zone || registry.keyOf(zone) === zoneKey))
      .map(({ spec }) => spec);
  }

  private patterns(list: readonly string[], field: string): string[] {
    if (!Array.isArray(list)) throw new MxInputError(field, `must be a list of host names or "*.domain" patterns, not ${describeValue(list)} (${this.where()})`);
    return list.map((pattern, index) => {
      const problem = typeof pattern === 'string' ? mxPatternProblem(pattern) : 'is not a string';
      if (problem) throw new MxInputError(`${field}[${index}]`, `${describeValue(pattern)} ${problem}; give an MX host name or "*." and a domain (RFC 8461 §3.2) (${this.where()})`);
      return normalizePattern(pattern);
    });
  }
}
