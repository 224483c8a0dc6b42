// Issue 13 item 11: input mistakes are MxInputErrors naming the field, never raw TypeErrors,
// and messages show the value given (NaN, Infinity), not JSON's "null".
import { App, TerraformStack } from 'cdktf';
import { configureMxValidation, FastmailMx, GoogleWorkspaceMx, lintZone, Microsoft365Mx, MxMigration, MxRecords, NullMx, SpfInclude, VendorMx } from '../../lib';
import type { MailPreset } from '../../lib/presets/preset';
import { appSynthError, inputError } from '../helpers';

const stack = () => new TerraformStack(new App(), 'stack');
const base = { zoneId: 'zone', domain: 'example.com' };
const ownPreset = (overrides: Record<string, unknown>) => ({ id: 'own', name: 'Own Mail', checked: '2026-11-01', defaultVariant: 'main', variants: { main: { description: 'main', mx: [{ priority: 10, exchange: 'mx.own.example' }] } }, ...overrides }) as unknown as MailPreset;


describe('VendorMx with a preset object of its own', () => {
  test('a well-formed object publishes', () => {
    expect(new VendorMx(stack(), 'mail', { ...base, preset: ownPreset({}) }).preset.id).toBe('own');
  });

  test.each([
    ['an empty object', {} as MailPreset, 'preset.id', /needs an id \(a non-empty string\), not missing.*\(VendorMx at stack\/mail\)$/],
    ['no name', { id: 'x' } as unknown as MailPreset, 'preset.name', /not missing/],
    ['a checked date that is not one', ownPreset({ checked: 'soon' }), 'preset.checked', /YYYY-MM-DD, not "soon"/],
    ['no variants', ownPreset({ variants: {} }), 'preset.variants', /at least one/],
    ['a defaultVariant that is not among them', ownPreset({ defaultVariant: 'other' }), 'preset.defaultVariant', /naming one of its variants \(main\), not "other"/],
    ['a variant without mx', ownPreset({ variants: { main: { description: 'm' } } }), 'preset.variants.main.mx', /array of at least one \{ priority, exchange \}, not missing/],
    ['an mx entry that is null', ownPreset({ variants: { main: { description: 'm', mx: [null] } } }), 'preset.variants.main.mx[0]', /not null/],
  ])('%s: an input error naming the field', (_, preset, field, message) => {
    const error = inputError(() => new VendorMx(stack(), 'mail', { ...base, preset }));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});

test('MxMigration from.records holding null or a number names the record', () => {
  const make = (records: unknown[]) => () => new MxMigration(stack(), 'move', { ...base, from: { records } as never, to: { preset: 'fastmail' }, step: 'overlap' });
  expect(inputError(make([null])).message).toMatch(/^from\.records\[0\]: must be an MX record \{ priority, exchange \}, not null \(MxMigration at stack\/move\)$/);
  expect(inputError(make([{ priority: 10, exchange: 'old.example.net' }, 5])).field).toBe('from.records[1]');
});

describe('NaN and Infinity are shown as such', () => {
  test('in lint findings (priority NaN, TTL Infinity)', () => {
    const messages = lintZone({ zone: 'example.com', records: [{ name: '@', type: 'MX', priority: Number.NaN, value: 'mx.example.net', ttl: Number.POSITIVE_INFINITY }] }).map((f) => f.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('preference is NaN;'), expect.stringContaining('TTL Infinity is not allowed')]));
    expect(messages.join('\n')).not.toContain('null');
  });

  test('in synth validation errors', () => {
    const message = appSynthError((s) => new MxRecords(s, 'mail', { ...base, records: [{ priority: Number.NaN, exchange: 'mx1.example.net' }, { priority: 20, exchange: 'mx2.example.net' }] }));
    expect(message).toMatch(/preference is NaN/);
  });

  test('in construct input errors', () => {
    expect(() => configureMxValidation(stack(), { minPriorityGap: Number.NaN })).toThrow(/minPriorityGap: must be a number ≥ 0, not NaN/);
  });
});

test('a record field named __proto__ or constructor gets no "did you mean [object Object]" hint', () => {
  const input = JSON.parse('{ "zone": "example.com", "records": [{ "name": "@", "type": "TXT", "value": "v=spf1 -all", "__proto__": 1, "constructor": 2, "prio": 3 }] }');
  const unknown = lintZone(input).filter((f) => f.rule === 'record-unknown-field').map((f) => f.message);
  expect(unknown).toEqual([
    'records[0] (@) has an unknown field "__proto__". It is ignored.',
    'records[0] (@) has an unknown field "constructor". It is ignored.',
    'records[0] (@) has an unknown field "prio"; did you mean "priority"? It is ignored.',
  ]);
});

describe('issue 19 P7: untyped props (JavaScript, JSON config) are checked at runtime, in one place for every construct', () => {
  const mx = [{ priority: 10, exchange: 'mx.example.net' }];
  test.each([
    ['MxRecords', 'comment', () => new MxRecords(stack(), 'mail', { ...base, records: mx, comment: 5 } as never), /^comment: must be a string, not 5 \(MxRecords at stack\/mail\)$/],
    ['MxRecords', 'ttl', () => new MxRecords(stack(), 'mail', { ...base, records: mx, ttl: '300' } as never), /^ttl: must be a number of seconds, not "300" \(MxRecords at stack\/mail\)$/],
    ['NullMx', 'name', () => new NullMx(stack(), 'parked', { ...base, name: 7 } as never), /^name: must be a string, not 7 \(NullMx at stack\/parked\)$/],
    ['GoogleWorkspaceMx', 'companions.spf', () => new GoogleWorkspaceMx(stack(), 'mail', { ...base, companions: { spf: 'yes' } } as never), /^companions\.spf: must be true, false or \{ all: .*, not "yes" \(GoogleWorkspaceMx at stack\/mail\)$/],
    ['GoogleWorkspaceMx', 'companions', () => new GoogleWorkspaceMx(stack(), 'mail', { ...base, companions: true } as never), /^companions: must be an object such as \{ spf: true, dkim: true \}, not true/],
    ['Microsoft365Mx', 'companions.dkim', () => new Microsoft365Mx(stack(), 'mail', { ...base, exchange: 'contoso-com.mail.protection.outlook.com', companions: { dkim: { selector1: 1 } } } as never), /^companions\.dkim: must be true, false or the values asked for as strings/],
    ['VendorMx', 'maxPresetAge', () => new VendorMx(stack(), 'mail', { ...base, preset: 'fastmail', maxPresetAge: '30' } as never), /^maxPresetAge: maxPresetAge must be a number of days ≥ 0, not "30"/],
    ['VendorMx', 'allowCustomHost', () => new VendorMx(stack(), 'mail', { ...base, preset: 'fastmail', allowCustomHost: 'no' } as never), /^allowCustomHost: must be true or false, not "no"/],
    ['FastmailMx', 'domain', () => new FastmailMx(stack(), 'mail', { zoneId: 'zone', domain: ['example.com'] } as never), /^domain: must be a string, not an array \(FastmailMx at stack\/mail\)$/],
    ['SpfInclude', 'comment', () => new SpfInclude(stack(), 'spf', { ...base, include: 'spf.example.net', comment: { text: 'x' } } as never), /^comment: must be a string, not an object/],
  ])('%s with a wrong %s: an MxInputError naming construct, field and what is allowed', (_construct, field, make, message) => {
    const error = inputError(make);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  test('the right types still publish', () => {
    const built = new MxRecords(stack(), 'mail', { ...base, records: mx, comment: 'routing', ttl: 300 });
    expect(built.specs.map((s) => `${s.ttl} ${s.comment}`)).toEqual(['300 routing']);
  });
});
