/**
 * TLSA records (RFC 6698 §2) as DANE for SMTP uses them (RFC 7672): at `_25._tcp.<MX host>`,
 * certificate usage 2 (DANE-TA) or 3 (DANE-EE). Pure.
 */

/** The four fields of a TLSA record. */
export interface Tlsa {
  /** Certificate usage: 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE (RFC 6698 §2.1.1). SMTP uses 2 or 3 (RFC 7672 §3.1). */
  readonly usage: number;
  /** Selector: 0 full certificate, 1 SubjectPublicKeyInfo (RFC 6698 §2.1.2). */
  readonly selector: number;
  /** Matching type: 0 exact data, 1 SHA-256, 2 SHA-512 (RFC 6698 §2.1.3). */
  readonly matchingType: number;
  /** Certificate association data, hex, lower case. */
  readonly data: string;
}

/** Octets of the data for each hashing matching type. */
const DIGEST_OCTETS: Readonly<Record<number, number>> = { 1: 32, 2: 64 };

/** The owner name of the TLSA records for an SMTP server: `_25._tcp.<host>` (RFC 7672 §2.2). */
export function smtpTlsaName(host: string): string {
  return `_25._tcp.${host.toLowerCase().replace(/\.$/, '')}`;
}

/** The MX host a `_25._tcp.<host>` owner name is for; undefined for other names. */
export function smtpTlsaHost(name: string): string | undefined {
  return name.startsWith('_25._tcp.') ? name.slice('_25._tcp.'.length) : undefined;
}

/** The presentation form `3 1 1 <hex>` (RFC 6698 §2.2), data in lower case. */
export function renderTlsa(tlsa: Tlsa): string {
  return `${tlsa.usage} ${tlsa.selector} ${tlsa.matchingType} ${tlsa.data.toLowerCase()}`;
}

/**
 * Every problem with a TLSA record's fields under RFC 6698: each field 0–255 and defined,
 * data hex of whole octets, 32 octets for SHA-256 and 64 for SHA-512. (Usage 0/1 is a DANE
 * for SMTP problem, see {@link smtpUsageProblem}; it is valid TLSA.)
 */
export function tlsaProblems(tlsa: Tlsa): string[] {
  const problems: string[] = [];
  const field = (name: string, value: number, defined: number) => {
    if (!Number.isInteger(value) || value < 0 || value > 255) problems.push(`${name} ${value} is not a number 0–255`);
    else if (value > defined) problems.push(`${name} ${value} is not defined (0–${defined}, RFC 6698 §2.1)`);
  };
  field('usage', tlsa.usage, 3);
  field('selector', tlsa.selector, 1);
  field('matching type', tlsa.matchingType, 2);
  const data = typeof tlsa.data === 'string' ? tlsa.data : '';
  if (!/^[0-9A-Fa-f]*$/.test(data) || data.length === 0) problems.push('data must be hexadecimal digits');
  else if (data.length % 2 !== 0) problems.push(`data has ${data.length} hex digits, not whole octets`);
  else {
    const octets = DIGEST_OCTETS[tlsa.matchingType];
    if (octets !== undefined && data.length !== octets * 2) {
      problems.push(`data is ${data.length / 2} octets; matching type ${tlsa.matchingType} (${tlsa.matchingType === 1 ? 'SHA-256' : 'SHA-512'}) needs ${octets}`);
    }
  }
  return problems;
}

/** Why a usage is wrong for SMTP, or undefined: RFC 7672 §3.1 uses only 2 (DANE-TA) and 3 (DANE-EE). */
export function smtpUsageProblem(usage: number): string | undefined {
  return usage === 2 || usage === 3 ? undefined : `usage ${usage} (${usage === 0 ? 'PKIX-TA' : usage === 1 ? 'PKIX-EE' : 'undefined'}) is not used for SMTP: senders treat it as unusable (RFC 7672 §3.1); publish usage 3 (DANE-EE) or 2 (DANE-TA)`;
}

/**
 * Read a TLSA presentation form `usage selector matching-type data` (data may be split by
 * spaces, as zone files allow). Returns the record (data lower case) or the problems.
 */
export function parseTlsa(text: string): { tlsa?: Tlsa; problems: string[] } {
  const tokens = String(text).trim().split(/\s+/);
  if (tokens.length < 4) return { problems: [`"${String(text).slice(0, 60)}" is not "usage selector matching-type data"`] };
  const number = (token: string) => (/^\d{1,3}$/.test(token) ? Number(token) : Number.NaN);
  const tlsa: Tlsa = { usage: number(tokens[0]), selector: number(tokens[1]), matchingType: number(tokens[2]), data: tokens.slice(3).join('').toLowerCase() };
  const problems = tlsaProblems(tlsa);
  return problems.length === 0 ? { tlsa, problems } : { problems };
}
