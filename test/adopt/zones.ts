import { createHash } from 'node:crypto';
import { RawLiveRecord } from '../../lib/adopt/live-zone';
import { ApiZoneSeed } from '../support/cloudflare-api';

/** A live record as the loopback Cloudflare API is seeded with it. */
export type FakeRecord = RawLiveRecord & { readonly id: string };

/** A live record plus whether cdktf-mx should adopt it (the expected answer, written by hand). */
export interface FixtureRecord extends Omit<FakeRecord, 'id'> {
  readonly mail: boolean;
}

/** A zone served by the fake, with what the test expects adoption to produce. */
export interface FixtureZone extends ApiZoneSeed {
  readonly records: ReadonlyArray<FakeRecord & { readonly mail: boolean }>;
  /** Constructs the generated code must use. */
  readonly constructs: readonly string[];
  /** Findings the file must carry as a comment right above the code they concern: [comment start, code start]. */
  readonly findingComments?: ReadonlyArray<readonly [string, string]>;
}

const hex = (seed: string) => createHash('sha256').update(seed).digest('hex').slice(0, 32);

function zone(name: string, constructs: string[], records: FixtureRecord[], findingComments?: Array<[string, string]>): FixtureZone {
  return { id: hex(`zone ${name}`), name, constructs, records: records.map((r, i) => ({ ...r, id: hex(`${name} ${i}`) })), ...(findingComments ? { findingComments } : {}) };
}

const DKIM_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwq4ZQ7n1pWcT3B7m0vBqjK3W9Xo5lWmS0l7yJ2w5c3r8ZyN1xA6rG3h4Kp0QeR2s5T8uV1wX4yZ7aB0cD3eF6gH9iJ2kL5mN8oP1qR4sT7uV0wX3yZ6aB9cD2eF5gH8iJ1kL4mN7oP0qR3sT6uV9wX2yZ5aB8cD1eF4gH7iJ0kL3mN6oP9qR2sT5uV8wX1yZ4aB7cD0eF3gH6iJ9kL2mN5oP8qR1sT4uV7wX0yZ3aB6cD9eF2gH5iJ8kL1mN4oP7qR0sT3uV6wX9yZ2aB5cD8eF1gH4iJ7kL0mN3oP6qR9sT2uV5wX8yZ1aB4cD7eF0gH3iJ6kL9mN2oP5qR8sT1uV4wX7yZ0IDAQAB';
/** A DKIM TXT longer than 255 octets, stored by Cloudflare as two quoted strings. */
const dkimText = `v=DKIM1; k=rsa; p=${DKIM_KEY}`;
const quoted = (text: string) => {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += 255) parts.push(`"${text.slice(i, i + 255)}"`);
  return parts.join(' ');
};

/** Google Workspace, the five legacy ASPMX records, with SPF, DKIM and verification; DMARC p=none stays raw. */
export const googleLegacy = zone('google-legacy.example', ['GoogleWorkspaceMx'], [
  { name: 'google-legacy.example', type: 'MX', content: 'aspmx.l.google.com', priority: 1, ttl: 1, mail: true },
  { name: 'google-legacy.example', type: 'MX', content: 'alt1.aspmx.l.google.com', priority: 5, ttl: 1, mail: true },
  { name: 'google-legacy.example', type: 'MX', content: 'alt2.aspmx.l.google.com', priority: 5, ttl: 1, mail: true },
  { name: 'google-legacy.example', type: 'MX', content: 'alt3.aspmx.l.google.com', priority: 10, ttl: 1, mail: true },
  { name: 'google-legacy.example', type: 'MX', content: 'alt4.aspmx.l.google.com', priority: 10, ttl: 1, mail: true },
  { name: 'google-legacy.example', type: 'TXT', content: '"v=spf1 include:_spf.google.com ~all"', ttl: 1, mail: true },
  { name: 'google-legacy.example', type: 'TXT', content: '"google-site-verification=rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ"', ttl: 1, mail: true },
  { name: 'google._domainkey.google-legacy.example', type: 'TXT', content: quoted(dkimText), ttl: 1, mail: true },
  { name: '_dmarc.google-legacy.example', type: 'TXT', content: '"v=DMARC1; p=none; rua=mailto:dmarc@google-legacy.example"', ttl: 3600, mail: true },
  { name: 'google-legacy.example', type: 'A', content: '192.0.2.10', ttl: 1, proxied: true, mail: false },
  { name: 'www.google-legacy.example', type: 'CNAME', content: 'google-legacy.example', ttl: 1, proxied: true, mail: false },
  { name: 'google-legacy.example', type: 'TXT', content: '"facebook-domain-verification=abc123"', ttl: 3600, mail: false },
]);

/** Microsoft 365 with DKIM CNAMEs, autodiscover and verification, records commented in the dashboard. */
export const microsoft = zone('contoso.example', ['Microsoft365Mx'], [
  { name: 'contoso.example', type: 'MX', content: 'contoso-example.mail.protection.outlook.com', priority: 0, ttl: 3600, comment: 'Exchange Online', mail: true },
  { name: 'contoso.example', type: 'TXT', content: '"v=spf1 include:spf.protection.outlook.com -all"', ttl: 3600, comment: 'Exchange Online', mail: true },
  { name: 'contoso.example', type: 'TXT', content: '"MS=ms12345678"', ttl: 3600, comment: 'Exchange Online', mail: true },
  { name: 'selector1._domainkey.contoso.example', type: 'CNAME', content: 'selector1-contoso-example._domainkey.contoso.n-v1.dkim.mail.microsoft', ttl: 3600, comment: 'Exchange Online', mail: true },
  { name: 'selector2._domainkey.contoso.example', type: 'CNAME', content: 'selector2-contoso-example._domainkey.contoso.n-v1.dkim.mail.microsoft', ttl: 3600, comment: 'Exchange Online', mail: true },
  { name: 'autodiscover.contoso.example', type: 'CNAME', content: 'autodiscover.outlook.com', ttl: 3600, comment: 'Exchange Online', mail: true },
  { name: '_dmarc.contoso.example', type: 'TXT', content: 'v=DMARC1; p=quarantine', ttl: 3600, tags: ['owner:secops'], mail: true }, // an old unquoted record, tagged
  { name: 'enterpriseregistration.contoso.example', type: 'CNAME', content: 'enterpriseregistration.windows.net', ttl: 3600, mail: false },
  { name: 'lyncdiscover.contoso.example', type: 'CNAME', content: 'webdir.online.lync.com', ttl: 3600, mail: false },
]);

/** A parked domain: null MX with SPF and DMARC, and an empty DKIM key for every selector. */
export const parked = zone('parked.example', ['NullMx'], [
  { name: 'parked.example', type: 'MX', content: '.', priority: 0, ttl: 1, mail: true },
  { name: 'parked.example', type: 'TXT', content: '"v=spf1 -all"', ttl: 1, mail: true },
  { name: '_dmarc.parked.example', type: 'TXT', content: '"v=DMARC1; p=reject;"', ttl: 1, mail: true },
  { name: '*._domainkey.parked.example', type: 'TXT', content: '"v=DKIM1; p="', ttl: 1, mail: true },
  { name: 'parked.example', type: 'A', content: '192.0.2.80', ttl: 1, proxied: true, mail: false },
]);

/** Self-hosted mail with its own hosts in the zone, a subdomain that mixes two vendors, and a proxied web host. */
export const selfHosted = zone('selfhosted.example', ['MxRecords'], [
  { name: 'selfhosted.example', type: 'MX', content: 'mail.selfhosted.example', priority: 10, ttl: 3600, mail: true },
  { name: 'selfhosted.example', type: 'MX', content: 'backup.selfhosted.example', priority: 20, ttl: 3600, mail: true },
  { name: 'mail.selfhosted.example', type: 'A', content: '192.0.2.25', ttl: 3600, mail: true },
  { name: 'mail.selfhosted.example', type: 'AAAA', content: '2001:db8::25', ttl: 3600, mail: true },
  { name: 'backup.selfhosted.example', type: 'A', content: '198.51.100.25', ttl: 300, mail: true },
  { name: 'selfhosted.example', type: 'TXT', content: '"v=spf1 mx -all"', ttl: 3600, mail: true },
  // A second SPF record: an error (spf-multiple) that is live, so it is adopted as is.
  { name: 'selfhosted.example', type: 'TXT', content: '"v=spf1 a -all"', ttl: 3600, mail: true },
  { name: 'lists.selfhosted.example', type: 'MX', content: 'smtp.google.com', priority: 1, ttl: 3600, mail: true },
  { name: 'lists.selfhosted.example', type: 'MX', content: 'in1-smtp.messagingengine.com', priority: 10, ttl: 3600, mail: true },
  { name: 'www.selfhosted.example', type: 'A', content: '192.0.2.80', ttl: 1, proxied: true, mail: false },
  { name: 'selfhosted.example', type: 'CAA', content: '0 issue "letsencrypt.org"', ttl: 3600, mail: false },
], [
  ['// [mx-mixed-vendors] warning at lists.selfhosted.example. lists.selfhosted.example has MX records of 2 vendors', "const mailLists = new MxRecords(this, 'mail-lists', {"],
  ['// [spf-multiple] error at selfhosted.example.', "const mail = new MxRecords(this, 'mail', {"],
]);

/** Fastmail with SPF and DKIM CNAMEs, in a zone of hundreds of web records (several API pages). */
export const bigZone = zone('big.example', ['FastmailMx'], [
  ...Array.from({ length: 180 }, (_, i): FixtureRecord => ({ name: `host${i}.big.example`, type: 'A', content: `10.0.${i >> 8}.${i & 255}`, ttl: 1, proxied: i % 2 === 0, mail: false })),
  { name: 'big.example', type: 'MX', content: 'in1-smtp.messagingengine.com', priority: 10, ttl: 3600, mail: true },
  ...Array.from({ length: 120 }, (_, i): FixtureRecord => ({ name: `app${i}.big.example`, type: 'CNAME', content: `lb${i % 7}.cdn.example.net`, ttl: 300, mail: false })),
  { name: 'big.example', type: 'MX', content: 'in2-smtp.messagingengine.com', priority: 20, ttl: 3600, mail: true },
  { name: 'big.example', type: 'TXT', content: '"v=spf1 include:spf.messagingengine.com ?all"', ttl: 3600, mail: true },
  ...[1, 2, 3].map((n): FixtureRecord => ({ name: `fm${n}._domainkey.big.example`, type: 'CNAME', content: `fm${n}.big.example.dkim.fmhosted.com`, ttl: 3600, mail: true })),
  ...Array.from({ length: 60 }, (_, i): FixtureRecord => ({ name: `_acme-challenge.h${i}.big.example`, type: 'TXT', content: `"token-${i}"`, ttl: 120, mail: false })),
]);

export const ALL_ZONES: readonly FixtureZone[] = [googleLegacy, microsoft, parked, selfHosted, bigZone];
