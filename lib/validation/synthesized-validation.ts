import { Suppression } from '../rules/engine';
import { SeverityOverride } from '../rules/rule';
import { METADATA_KEY } from './metadata-key';

/**
 * What synth's validation judged a stack with, as it writes it under `//.metadata["cdktf-mx"]`
 * of the stack's cdk.tf.json: its suppressions (with their scope) and its `configureMxValidation`
 * settings. `cdktf-mx lint` of synthesized output reads it back, so lint judges as synth did.
 * Pure: loads no cdktf.
 */
export interface SynthesizedValidation {
  readonly suppressions: readonly Suppression[];
  /** Per-rule severities the stack set. */
  readonly rules?: Readonly<Record<string, SeverityOverride>>;
  readonly minPriorityGap?: number;
  /** The stack fails synth on warnings: lint treats its warnings as errors too. */
  readonly warningsAsErrors?: boolean;
}

/** A suppression as the metadata records it. `path` is present only for one scoped to a construct. */
export interface SuppressionMetadata {
  readonly rule: string;
  /** Construct path, or the stack's path for a stack-wide suppression: for reviewers. */
  readonly scope: string;
  readonly path?: string;
  readonly zone?: string;
  readonly name?: string;
  readonly reason: string;
  /** The findings it matched at synth, formatted as synth prints them. */
  readonly matched: readonly string[];
}

const SEVERITY_OVERRIDES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'off']);

/** The validation block of a parsed cdk.tf.json; empty (no suppressions, no settings) when it has none. */
export function synthesizedValidation(json: unknown): SynthesizedValidation {
  const block = field(field(field(json, '//'), 'metadata'), METADATA_KEY);
  const suppressions: Suppression[] = [];
  const listed = field(block, 'suppressions');
  for (const entry of Array.isArray(listed) ? listed : []) {
    const rule = text(field(entry, 'rule'));
    const reason = text(field(entry, 'reason'));
    if (rule === undefined || reason === undefined) continue;
    const scoped = Object.fromEntries((['path', 'zone', 'name'] as const).flatMap((key) => {
      const value = text(field(entry, key));
      return value === undefined ? [] : [[key, value]];
    }));
    suppressions.push({ id: rule, reason, ...scoped });
  }
  const settings = field(block, 'settings');
  const rules = field(settings, 'rules');
  const overrides = rules !== null && typeof rules === 'object' && !Array.isArray(rules)
    ? Object.fromEntries(Object.entries(rules as Record<string, unknown>).filter(([, severity]) => typeof severity === 'string' && SEVERITY_OVERRIDES.has(severity))) as Record<string, SeverityOverride>
    : undefined;
  const gap = field(settings, 'minPriorityGap');
  return {
    suppressions,
    ...(overrides !== undefined && Object.keys(overrides).length > 0 ? { rules: overrides } : {}),
    ...(typeof gap === 'number' && Number.isFinite(gap) && gap >= 0 ? { minPriorityGap: gap } : {}),
    ...(field(settings, 'warningsAsErrors') === true ? { warningsAsErrors: true } : {}),
  };
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
