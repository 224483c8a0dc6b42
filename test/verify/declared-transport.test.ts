// What verify reads as the declared transport security of a zone JSON declaration.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MxInputError } from '../../lib';
import { mtaStsPolicyId } from '../../lib/transport/mta-sts-policy';
import { readDeclaredMail } from '../../lib/verify/declared';

const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-declared-sts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (json: unknown) => {
  const path = join(dir, `zone-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(json));
  return path;
};
const POLICY = 'version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmax_age: 604800\r\n';
const DATA = 'ab'.repeat(32);

test('the policy, the id of the declared _mta-sts record and the TLSA of each exchange', () => {
  const [domain] = readDeclaredMail(file({
    zone: 'example.com',
    mtaStsPolicies: [{ text: POLICY }],
    records: [
      { name: '@', type: 'MX', priority: 10, value: 'mx1.example.com' },
      { name: '_mta-sts', type: 'TXT', value: '"v=STSv1; id=20261207;"' },
      { name: '_25._tcp.mx1', type: 'TLSA', value: `3 1 1 ${DATA.toUpperCase()}` },
      { name: '_25._tcp.old', type: 'TLSA', value: `3 1 1 ${DATA}` },
    ],
  }));
  expect(domain).toEqual({
    domain: 'example.com',
    mx: [{ priority: 10, exchange: 'mx1.example.com.' }],
    mtaSts: { text: POLICY, id: '20261207' },
    tlsa: [{ host: 'mx1.example.com', records: [{ usage: 3, selector: 1, matchingType: 1, data: DATA }] }],
  });
});

test('without an _mta-sts record the id is the one derived from the policy text; a malformed policy list is an input error', () => {
  const [domain] = readDeclaredMail(file({ zone: 'example.com', mtaStsPolicies: [{ name: '@', text: POLICY }], records: [{ name: '@', type: 'MX', priority: 10, value: 'mx1.example.com' }] }));
  expect(domain.mtaSts).toEqual({ text: POLICY, id: mtaStsPolicyId(POLICY) });
  expect(() => readDeclaredMail(file({ zone: 'example.com', mtaStsPolicies: [{ text: 5 }], records: [] }))).toThrow(MxInputError);
});
