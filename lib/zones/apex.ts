import { Token } from 'cdktf';
import { MxInputError } from '../dns/errors';
import { parseHostname } from '../dns/names';

/**
 * A zone target's apex from the user's `domain`: lower-case ASCII without trailing dot (any
 * case, trailing dot or Unicode accepted). It must be a literal: rules and record names need
 * it at synth. `field` names the argument in errors.
 */
export function zoneApex(domain: unknown, field = 'domain'): string {
  if (typeof domain !== 'string' || Token.isUnresolved(domain)) {
    throw new MxInputError(field, 'must be a literal domain name such as "example.com", not a token: rules and record names need it at synth');
  }
  const parsed = parseHostname(domain);
  if (parsed.ascii === undefined) throw new MxInputError(field, `"${domain}" is not a valid domain name: ${parsed.problems.map((p) => p.detail).join('; ')}`);
  return parsed.ascii;
}

/** A required literal-or-token identity (zone id, managed zone name); `message` says what is required when it is missing. */
export function zoneIdentity(value: unknown, field: string, message: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new MxInputError(field, message);
  return value;
}
