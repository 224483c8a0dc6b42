import { CheckStatus, DomainReport, STATUS_ORDER, worst } from './check';

/** Counts of domains by status. */
export type Summary = Partial<Record<CheckStatus, number>> & { readonly domains: number };

export function summarise(reports: readonly DomainReport[]): Summary {
  const summary: Record<string, number> = { domains: reports.length };
  for (const report of reports) summary[report.status] = (summary[report.status] ?? 0) + 1;
  return summary as Summary;
}

/** 0: live DNS is as declared; 1: drift or a broken setup; 2: something could not be checked. */
export function exitCodeOf(reports: readonly DomainReport[]): number {
  const status = worst(reports.map((r) => r.status));
  return status === 'error' ? 2 : status === 'drift' || status === 'fail' ? 1 : 0;
}

/** The report as JSON for scripts: every domain with its checks, declared and live MX, delivery order. */
export function formatJson(reports: readonly DomainReport[]): string {
  return `${JSON.stringify({ summary: summarise(reports), domains: reports }, null, 2)}\n`;
}

const COLOURS: Readonly<Record<CheckStatus, string>> = { ok: '32', info: '2', warn: '33', drift: '35', fail: '31', error: '31;1' };

/** A table for people: one row per check, the domain and its status on its first row. */
export function formatTable(reports: readonly DomainReport[], options: { colour?: boolean } = {}): string {
  const rows: string[][] = [['DOMAIN', 'CHECK', 'STATUS', 'DETAIL']];
  for (const report of reports) {
    report.checks.forEach((check, i) => rows.push([i === 0 ? `${report.domain}.` : '', check.check, check.status, check.message]));
  }
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  const paint = (status: string): string => (options.colour && status in COLOURS ? `\x1b[${COLOURS[status as CheckStatus]}m${status}\x1b[0m` : status);
  const lines = rows.map((row, r) => {
    const status = r === 0 ? row[2] : paint(row[2]);
    return `${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${status}${' '.repeat(widths[2] - row[2].length)}  ${row[3]}`.trimEnd();
  });
  const summary = summarise(reports);
  const counts = STATUS_ORDER.filter((s) => summary[s]).map((s) => `${summary[s]} ${s}`).join(', ');
  return `${lines.join('\n')}\n\n${summary.domains} domain${summary.domains === 1 ? '' : 's'}: ${counts}\n`;
}
