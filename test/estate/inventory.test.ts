// Issue 20 item 1: inventory files (CSV with a header row, JSON): every cell checked, errors name
// the file, line and column and what is allowed; nothing dropped silently.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInventoryCsv, parseInventoryJson, readInventory } from '../../lib';
import { inputError } from '../helpers';

const Z1 = '0123456789abcdef0123456789abcdef';
const Z2 = 'fedcba9876543210fedcba9876543210';


describe('CSV inventory', () => {
  test('reads required and optional columns, preset parameters, companions and pins', () => {
    const csv = [
      'domain,zone_id,preset,host,region,shard,ttl,companions,spf_all,param.exchange',
      `Example.COM.,${Z1},microsoft-365,,,,,spf;autodiscover,-all,contoso-com.mail.protection.outlook.com`,
      `"parked.example",${Z2},null-mx,cloudflare,,3,600,"spf dmarc",,`,
      '',
      `zoho.example,${Z2},zoho-mail,,eu,,,,,`,
    ].join('\r\n');
    expect(parseInventoryCsv(csv, 'estate.csv')).toEqual([
      {
        domain: 'example.com', zoneId: Z1, preset: 'microsoft-365', parameters: { exchange: 'contoso-com.mail.protection.outlook.com' },
        companions: { spf: { all: '-all' }, autodiscover: true }, source: { file: 'estate.csv', line: 2 },
      },
      { domain: 'parked.example', zoneId: Z2, preset: 'null-mx', host: 'cloudflare', shard: 3, ttl: 600, companions: { spf: true, dmarc: true }, source: { file: 'estate.csv', line: 3 } },
      { domain: 'zoho.example', zoneId: Z2, preset: 'zoho-mail', region: 'eu', source: { file: 'estate.csv', line: 5 } },
    ]);
  });

  test('a quoted cell keeps commas and doubled quotes', () => {
    const [entry] = parseInventoryCsv(`domain,zone_id,preset,param.exchange\na.example,${Z1},microsoft-365,"x,""y"""\n`, 'q.csv');
    expect(entry!.parameters).toEqual({ exchange: 'x,"y"' });
  });

  test.each([
    ['an empty file', '', 'e.csv:1:1', /the inventory is empty; the first row names the columns, at least domain, zone_id, preset/],
    ['a missing required column', 'domain,preset\na.example,null-mx\n', 'e.csv:1:1', /the header row needs a "zone_id" column/],
    ['an unknown column', 'domain,zone_id,preset,colour\n', 'e.csv:1:23', /unknown column "colour"; columns are domain, zone_id, preset, host, variant, region, ttl, shard, companions, spf_all and param.<name>/],
    ['a column twice', 'domain,zone_id,preset,domain\n', 'e.csv:1:23', /column "domain" appears twice/],
    ['a short row', `domain,zone_id,preset\na.example,${Z1}\n`, 'e.csv:2:1', /the row has 2 cells, the header 3/],
    ['an empty domain', `domain,zone_id,preset\n,${Z1},null-mx\n`, 'e.csv:2:1', /required: a non-empty string, not missing/],
    ['a bad domain', `domain,zone_id,preset\nexa mple.com,${Z1},null-mx\n`, 'e.csv:2:1', /"exa mple.com" is not a domain name/],
    ['an unknown preset', `domain,zone_id,preset\na.example,${Z1},gmail\n`, 'e.csv:2:44', /there is no preset "gmail"; use one of: google-workspace, microsoft-365/],
    ['a shard that is not a number', `domain,zone_id,preset,shard\na.example,${Z1},null-mx,two\n`, 'e.csv:2:52', /shard is a whole number, not "two"/],
    ['an unknown companion', `domain,zone_id,preset,companions\na.example,${Z1},null-mx,spf;bimi\n`, 'e.csv:2:52', /unknown companion "bimi"; list any of spf, dkim, dmarc, autodiscover separated by ";"/],
    ['spf_all without spf', `domain,zone_id,preset,companions,spf_all\na.example,${Z1},null-mx,dmarc,-all\n`, 'e.csv:2:58', /spf_all needs "spf" in the companions column/],
    ['a stray quote', `domain,zone_id,preset\na"b.example,${Z1},null-mx\n`, 'e.csv:2:2', /a quote inside an unquoted cell/],
    ['an unclosed quote', `domain,zone_id,preset\n"a.example,${Z1},null-mx\n`, 'e.csv:2:1', /a quoted cell is never closed/],
    ['a domain twice', `domain,zone_id,preset\na.example,${Z1},null-mx\nA.example.,${Z2},null-mx\n`, 'e.csv:3', /a.example is listed twice \(first at e.csv:2\); list each domain once/],
  ])('%s is an MxInputError at file:line:column', (_what, csv, where, detail) => {
    const error = inputError(() => parseInventoryCsv(csv, 'e.csv'));
    expect(error.field).toBe(where);
    expect(error.detail).toMatch(detail);
  });
});

describe('JSON inventory', () => {
  test('a list, or { domains: [...] }, with zoneId or zone_id', () => {
    const list = `[\n  { "domain": "a.example", "zoneId": "${Z1}", "preset": "fastmail", "companions": { "dkim": true } },\n  { "domain": "b.example", "zone_id": "${Z2}", "preset": "null-mx", "shard": 1 }\n]`;
    expect(parseInventoryJson(list, 'e.json')).toEqual([
      { domain: 'a.example', zoneId: Z1, preset: 'fastmail', companions: { dkim: true }, source: { file: 'e.json', line: 2 } },
      { domain: 'b.example', zoneId: Z2, preset: 'null-mx', shard: 1, source: { file: 'e.json', line: 3 } },
    ]);
    expect(parseInventoryJson(`{ "domains": [ { "domain": "a.example", "zoneId": "${Z1}", "preset": "null-mx" } ] }`, 'e.json')).toHaveLength(1);
  });

  test.each([
    ['broken JSON', '[\n  {"domain": }\n]', /^e.json(:2:\d+)?$/, /not valid JSON/],
    ['not a list', '{"x": 1}', /^e.json$/, /a JSON list of domains or an object with a "domains" list, not an object/],
    ['an unknown field', `[{"domain": "a.example", "zoneId": "${Z1}", "preset": "null-mx", "mx": []}]`, /^e.json:1: domains\[0\].mx$/, /unknown field; fields are domain, zoneId, zone_id, preset/],
    ['a numeric shard as text', `[\n{"domain": "a.example", "zoneId": "${Z1}", "preset": "null-mx", "shard": "1"}]`, /^e.json:2: domains\[0\].shard$/, /a whole number from 0 to 9999, not "1"/],
    ['parameters that are not strings', `[{"domain": "a.example", "zoneId": "${Z1}", "preset": "null-mx", "parameters": {"x": 1}}]`, /domains\[0\].parameters$/, /an object of strings/],
  ])('%s is an MxInputError naming the place', (_what, json, where, detail) => {
    const error = inputError(() => parseInventoryJson(json, 'e.json'));
    expect(error.field).toMatch(where);
    expect(error.detail).toMatch(detail);
  });
});

describe('readInventory', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-inventory-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reads by extension; another extension or a missing file is an MxInputError', () => {
    writeFileSync(join(dir, 'd.csv'), `domain,zone_id,preset\na.example,${Z1},null-mx\n`);
    writeFileSync(join(dir, 'd.yaml'), 'x');
    expect(readInventory(join(dir, 'd.csv'))[0]!.source).toEqual({ file: join(dir, 'd.csv'), line: 2 });
    expect(inputError(() => readInventory(join(dir, 'd.yaml'))).detail).toMatch(/an inventory is a .csv or .json file, not ".yaml"/);
    expect(inputError(() => readInventory(join(dir, 'none.csv'))).detail).toMatch(/cannot read the inventory: ENOENT/);
  });
});
