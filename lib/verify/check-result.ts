// One line of verify's report and its statuses: shared by the checks (check.ts, transport-checks.ts) without a cycle.

/**
 * How a check came out, from best to worst. `drift` and `fail` make `verify` exit 1,
 * `error` (nothing could be checked) exits 2; `info` and `warn` only inform.
 */
export type CheckStatus = 'ok' | 'info' | 'warn' | 'drift' | 'fail' | 'error';

export const STATUS_ORDER: readonly CheckStatus[] = ['ok', 'info', 'warn', 'drift', 'fail', 'error'];

/** One line of a domain's report. */
export interface CheckResult {
  /** What was checked: `MX`, `null MX`, `exchange <host>`, `implicit MX`, `delivery order`. */
  readonly check: string;
  readonly status: CheckStatus;
  readonly message: string;
}
