/**
 * The `v=<version>; name=value; …` TXT shape MTA-STS (RFC 8461 §3.1) and TLS-RPT (RFC 8460 §3)
 * share: the version first, fields separated by `;` with optional spaces, a trailing `;` allowed.
 */
export function tagFields(text: string, version: string, field: RegExp): { fields?: Array<{ name: string; value: string }>; problem?: string } {
  const parts = text.split(';').map((part) => part.trim());
  if (parts[0] !== `v=${version}`) return { problem: `"${text.slice(0, 60)}" does not start with v=${version}` };
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  const fields: Array<{ name: string; value: string }> = [];
  for (const part of parts.slice(1)) {
    const match = field.exec(part);
    if (!match) return { problem: `"${part.slice(0, 40)}" is not a name=value field` };
    fields.push({ name: match[1], value: match[2] });
  }
  return { fields };
}

/** The values of the fields named `name`, or a problem when there is not exactly one. */
export function oneField(fields: ReadonlyArray<{ name: string; value: string }>, name: string): { value?: string; problem?: string } {
  const values = fields.filter((f) => f.name === name).map((f) => f.value);
  if (values.length === 1) return { value: values[0] };
  return { problem: values.length === 0 ? `it has no ${name} field` : `it has ${values.length} ${name} fields` };
}
