import { escapeTxt, txtStrings, unquotedTxt } from '../dns/txt';

/**
 * TXT text as an `aws_route53_record` `records` element: unquoted (the provider wraps each
 * element in one pair of quotes, `flattenTxtEntry`), `"` and `\` escaped, and text over 255
 * octets split into character-strings joined by `""`, which reaches Route 53 as
 * `"chunk1""chunk2"`. The provider does not split (terraform-provider-aws #14941); this is the
 * form its `records` documentation gives for DKIM keys. See docs/hosts.md.
 */
export function toRoute53Txt(text: string): string {
  return txtStrings(text).map(escapeTxt).join('""');
}

/** The text of a `records` element: the provider's outer quotes put back, then the strings joined. */
export function fromRoute53Txt(written: string): string {
  return unquotedTxt(`"${written}"`);
}
