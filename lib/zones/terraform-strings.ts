/**
 * Terraform reads every string in JSON configuration as a template: `${…}` interpolates and
 * `%{…}` is a directive; `$${` and `%%{` stand for the literal text. Strings cdktf-mx writes
 * (TXT values, names, comments) are escaped so Terraform stores exactly the text declared.
 *
 * @see https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences-1
 * @see https://developer.hashicorp.com/terraform/language/syntax/json#expression-mapping
 */
export function escapeTerraformString(text: string): string {
  if (!text.includes('{')) return text;
  // In a replacement string `$$` is one `$`: '$$$${' writes `$${`.
  return text.replace(/\$\{/g, '$$$${').replace(/%\{/g, '%%{');
}

/**
 * The literal text of a string from Terraform JSON (`$${` → `${`, `%%{` → `%{`); undefined when
 * it holds an interpolation or directive, i.e. its value is only known at apply time.
 */
export function terraformLiteral(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.includes('{')) return value;
  let text = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if ((c === '$' || c === '%') && value[i + 1] === '{') return undefined;
    if ((c === '$' || c === '%') && value[i + 1] === c && value[i + 2] === '{') {
      text += `${c}{`;
      i += 2;
      continue;
    }
    text += c;
  }
  return text;
}
