/**
 * The TLS-RPT record at `_smtp._tls.<domain>` (RFC 8460 §3): `v=TLSRPTv1; rua=<uri>[,<uri>…]`,
 * where each report URI is `mailto:` or `https:`. Pure.
 */

import { oneField, tagFields } from './tag-record';

/** Owner labels of the TLS-RPT TXT record. */
export const TLS_RPT_LABEL = '_smtp._tls';

/** A TLS-RPT record as read. */
export interface TlsRptRecord {
  /** Where reports go, in order. */
  readonly rua: readonly string[];
}

/** True when a TXT text is meant as TLS-RPT (starts with `v=TLSRPTv1`). */
export function isTlsRptText(text: string): boolean {
  return /^v=TLSRPTv1(\s*;|\s*$)/.test(text);
}

/**
 * What is wrong with a report URI, or undefined: `mailto:` with an address, or an `https:`
 * URL (RFC 8460 §3); commas and semicolons must be percent-encoded, they separate fields.
 */
export function reportUriProblem(uri: string): string | undefined {
  if (/[\s,;!]/.test(uri)) return `"${uri.slice(0, 60)}" holds a space, "," , ";" or "!"; percent-encode it`;
  const mailto = /^mailto:([^@]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,}|[A-Za-z0-9-]+)$/i.exec(uri);
  if (/^mailto:/i.test(uri)) return mailto ? undefined : `"${uri.slice(0, 60)}" is not mailto:<address>`;
  if (/^https:/i.test(uri)) {
    try {
      const url = new URL(uri);
      return url.hostname === '' ? `"${uri.slice(0, 60)}" has no host` : undefined;
    } catch {
      return `"${uri.slice(0, 60)}" is not a URL`;
    }
  }
  return `"${uri.slice(0, 60)}" is neither mailto: nor https: (RFC 8460 §3)`;
}

/** The TLS-RPT TXT text for these report URIs. */
export function renderTlsRptRecord(rua: readonly string[]): string {
  return `v=TLSRPTv1; rua=${rua.join(',')}`;
}

/** Read a TLS-RPT TXT text: `v=TLSRPTv1` first, exactly one `rua` with valid URIs. */
export function parseTlsRptRecord(text: string): { record?: TlsRptRecord; problem?: string } {
  const { fields, problem } = tagFields(text, 'TLSRPTv1', /^([^=\s]+)\s*=\s*(.*)$/);
  if (!fields) return { problem };
  const ruas = oneField(fields, 'rua');
  if (ruas.value === undefined) return { problem: ruas.problem };
  const rua = ruas.value.split(',').map((uri) => uri.trim());
  for (const uri of rua) {
    const problem = reportUriProblem(uri);
    if (problem) return { problem };
  }
  return { record: { rua } };
}
