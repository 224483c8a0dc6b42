import { RuleInfo } from '../rules/rule';

/**
 * Findings about the input itself rather than the zone: lintZone never throws, so a
 * record it cannot read, an option it cannot use or a suppression that matched nothing
 * comes back as a finding with one of these ids (severities can be overridden like any rule).
 */
export const zoneInvalid: RuleInfo = {
  id: 'zone-invalid',
  severity: 'error',
  summary: 'the lint input is not { zone, records } with a valid zone name',
  why: 'Without a valid zone name, relative owner names cannot be resolved and no rule can tell what is inside the zone; without a records array there is nothing to check.',
  fix: 'Pass { zone: "example.com", records: [{ name, type, value, priority?, ttl?, proxied? }, …] }.',
};

export const recordInvalid: RuleInfo = {
  id: 'record-invalid',
  severity: 'error',
  summary: 'a record cannot be read: not an object, or a missing or wrongly typed name, type, value or proxied',
  why: 'A record with no owner name, no type or no value, or an owner name with empty labels or characters no DNS name holds, cannot be published; it is reported and left out of the zone, so the other rules check the rest.',
  sources: ['RFC 1035 §3.2', 'RFC 2181 §11'],
  fix: 'Give every record name (string: @, relative or absolute), type (e.g. "MX"), value (string) and, where used, priority (number), ttl (number), proxied (boolean).',
};

export const recordUnknownField: RuleInfo = {
  id: 'record-unknown-field',
  severity: 'warning',
  summary: 'a record has a field lintZone does not know (a typo such as "content" or "prio")',
  why: 'An unknown field is ignored, so a priority written as "prio" or a value written as "content" is silently missing from the check.',
  fix: 'Use the field names name, type, value, priority, ttl, proxied (and comment).',
};

export const recordOutsideZone: RuleInfo = {
  id: 'record-outside-zone',
  severity: 'error',
  summary: 'an absolute owner name is outside the zone',
  why: 'A zone only serves names at or below its apex; an absolute name elsewhere (a trailing dot on the wrong domain) is not published by this zone, and DNS hosts either reject it or append the zone name to it.',
  sources: ['RFC 1034 §4.2', 'RFC 1035 §5.1'],
  fix: 'Use a name inside the zone (relative, or absolute ending in the zone name), or lint that record with its own zone.',
};

export const optionsInvalid: RuleInfo = {
  id: 'options-invalid',
  severity: 'error',
  summary: 'a lint option is invalid: unknown rule id, severity, minPriorityGap, or a suppression without id or a real reason',
  why: 'An option that cannot be applied is ignored; silently ignoring it would leave a rule on that you meant to switch off, or hide why a suppression did not apply. Suppressions need a reason of at least 10 characters so reviewers can judge them.',
  fix: 'Use rule ids from the rules reference, severities error, warning, info or off, a non-negative minPriorityGap, and suppressions { id, reason } with a reason that says why the finding is safe.',
};

export const suppressionUnused: RuleInfo = {
  id: 'suppression-unused',
  severity: 'warning',
  summary: 'a suppression matched no finding',
  why: 'A suppression that matches nothing is stale (the problem was fixed) or wrong (a typo in the id, name or scope); leaving it in place would silently hide the problem if it came back somewhere else.',
  fix: 'Remove the suppression, or correct its id, name or scope.',
};

export const zoneFileUnreadable: RuleInfo = {
  id: 'zone-file-unreadable',
  severity: 'error',
  summary: 'a zone-file line cannot be read, so its record is missing from the check',
  why: 'A line BIND would refuse (an unknown type, bad data, an unclosed quote or parenthesis, a $INCLUDE that cannot be followed) is not in the zone the rules see; a record silently dropped there could be the MX or SPF that decides where mail goes. The message gives the file and line.',
  sources: ['RFC 1035 §5.1', 'RFC 3597 §5'],
  fix: 'Correct the line (named-checkzone -D reads the file the same way), or lint the records as JSON.',
};

export const zoneFileReading: RuleInfo = {
  id: 'zone-file-reading',
  severity: 'warning',
  summary: 'a zone-file line was read in a way worth checking: TTL of an RRset changed, out-of-zone data ignored, no TTL, Cloudflare\'s SOA owner without trailing dot, generic data not decoded',
  why: 'These lines are read as BIND reads them, which may not be what the file meant: an RRset has one TTL (RFC 2181 §5.2), so BIND changes the TTL of records that differ; it ignores names outside the zone, and reads an owner without trailing dot as relative to the origin.',
  sources: ['RFC 2181 §5.2', 'RFC 1035 §5.1'],
  fix: 'Make the line say what you mean: one TTL per RRset, names inside the zone, a TTL or $TTL, trailing dots on absolute names.',
};

export const zoneFileSpfUnquoted: RuleInfo = {
  id: 'zone-file-spf-unquoted',
  severity: 'error',
  summary: 'an SPF record in a zone file is written as unquoted words, which receivers join without spaces',
  why: 'In a zone file each unquoted word of a TXT record is its own character-string, and SPF joins the strings without adding spaces: `v=spf1 include:_spf.google.com ~all` unquoted is read as "v=spf1include:_spf.google.com~all", which is not an SPF record, so the domain publishes no usable SPF.',
  sources: ['RFC 1035 §5.1', 'RFC 7208 §3.3'],
  fix: 'Quote the whole text: @ IN TXT "v=spf1 include:_spf.google.com ~all" (split only long text into quoted strings, keeping the spaces inside them).',
};

/** Every input finding id, for overrides and the rules reference. */
export const INPUT_RULES: readonly RuleInfo[] = [zoneInvalid, recordInvalid, recordUnknownField, recordOutsideZone, optionsInvalid, suppressionUnused, zoneFileUnreadable, zoneFileReading, zoneFileSpfUnquoted];
