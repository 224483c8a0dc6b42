/**
 * The `_mta-sts.<domain>` TXT record (RFC 8461 §3.1): `v=STSv1; id=<1–32 alphanumerics>;`
 * plus extension fields. Pure.
 */

import { oneField, tagFields } from './tag-record';

/** Owner label of the policy-discovery TXT record. */
export const MTA_STS_LABEL = '_mta-sts';

/** Host label the policy is served from: `https://mta-sts.<domain>/.well-known/mta-sts.txt`. */
export const MTA_STS_POLICY_HOST_LABEL = 'mta-sts';

/** An `_mta-sts` record as read. */
export interface MtaStsRecord {
  /** The policy id. */
  readonly id: string;
}

/** True when a TXT text is meant as an MTA-STS record (starts with `v=STSv1`); senders discard other TXT there. */
export function isMtaStsText(text: string): boolean {
  return /^v=STSv1(\s*;|\s*$)/.test(text);
}

/** The `_mta-sts` TXT text for a policy id. */
export function renderMtaStsRecord(id: string): string {
  return `v=STSv1; id=${id};`;
}

/** What is wrong with a policy id, or undefined: 1–32 letters and digits (RFC 8461 §3.1). */
export function mtaStsIdProblem(id: string): string | undefined {
  return /^[A-Za-z0-9]{1,32}$/.test(id) ? undefined : `id "${id.slice(0, 40)}" must be 1 to 32 letters and digits`;
}

/**
 * Read an `_mta-sts` TXT text (RFC 8461 §3.1 ABNF): `v=STSv1` first, then `;`-separated
 * `name=value` fields, exactly one `id`. Returns the record or the problem.
 */
export function parseMtaStsRecord(text: string): { record?: MtaStsRecord; problem?: string } {
  const { fields, problem } = tagFields(text, 'STSv1', /^([A-Za-z0-9][A-Za-z0-9_.-]{0,31})=([\x21-\x3a\x3c\x3e-\x7e]+)$/);
  if (!fields) return { problem };
  const id = oneField(fields, 'id');
  if (id.value === undefined) return { problem: id.problem };
  const idProblem = mtaStsIdProblem(id.value);
  return idProblem ? { problem: idProblem } : { record: { id: id.value } };
}
