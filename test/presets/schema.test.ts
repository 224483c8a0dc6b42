import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expandCompanionGroup, MailPreset, parseHostname, presets, PRESETS, presetSpf, resolvePreset } from '../../lib';
import { exampleParameters, regionsOf, TODAY } from './examples';

/** Placeholders a template refers to. */
const refs = (template: string) => [...template.matchAll(/\{([a-zA-Z0-9]+)\}/g)].map((m) => m[1]);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

describe('the preset catalogue', () => {
  test('has one data file per preset in presets/, each file named after its id', () => {
    const files = readdirSync(join(__dirname, '../../presets')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(files).toEqual(presets.map((p) => p.id).sort());
    expect(Object.keys(PRESETS)).toEqual(presets.map((p) => p.id));
  });

  test('covers at least 20 mail vendors plus null MX', () => {
    const vendors = presets.filter((p) => p.category !== 'null');
    expect(vendors.length).toBeGreaterThanOrEqual(20);
    expect(presets.map((p) => p.id)).toEqual(expect.arrayContaining([
      'google-workspace', 'microsoft-365', 'fastmail', 'proton-mail', 'zoho-mail', 'icloud-plus', 'yandex-360', 'mailbox-org', 'tuta',
      'migadu', 'purelymail', 'namecheap-private-email', 'titan', 'amazon-ses-inbound', 'amazon-workmail', 'mailgun', 'sendgrid-inbound-parse',
      'postmark-inbound', 'cloudflare-email-routing', 'improvmx', 'forward-email', 'mimecast', 'proofpoint-essentials',
      'barracuda-email-gateway-defense', 'null-mx',
    ]));
  });

  test('is frozen: users cannot change shared vendor data by accident', () => {
    expect(Object.isFrozen(presets)).toBe(true);
    expect(Object.isFrozen(PRESETS['fastmail'].variants.current.mx[0])).toBe(true);
  });
});

describe.each(presets.map((p) => [p.id, p] as const))('preset %s', (_id, preset: MailPreset) => {
  test('identity, sources and checked date', () => {
    expect(preset.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(preset.name.trim()).not.toBe('');
    expect(preset.sources.length).toBeGreaterThan(0);
    for (const source of preset.sources) {
      expect(new URL(source.url).protocol).toBe('https:');
      expect(source.title.trim()).not.toBe('');
    }
    expect(preset.checked).toMatch(ISO);
    expect(new Date(`${preset.checked}T00:00:00Z`).toISOString().slice(0, 10)).toBe(preset.checked);
    expect(preset.checked <= TODAY).toBe(true);
    if (preset.deprecated) expect(preset.deprecated.endOfSupport).toMatch(ISO);
  });

  test('variants: a default, MX preferences 0–65535, placeholders all provided', () => {
    expect(preset.variants[preset.defaultVariant]).toBeDefined();
    expect(preset.variants[preset.defaultVariant].legacy).toBeFalsy();
    const provided = new Set([
      ...Object.keys(preset.parameters ?? {}),
      ...(preset.regions ? ['region', ...Object.values(preset.regions).flatMap((r) => Object.keys(r.values ?? {}))] : []),
    ]);
    for (const variant of Object.values(preset.variants)) {
      expect(variant.description.trim()).not.toBe('');
      expect(variant.mx.length).toBeGreaterThan(0);
      for (const mx of variant.mx) {
        expect(Number.isInteger(mx.priority) && mx.priority >= 0 && mx.priority <= 65535).toBe(true);
        for (const ref of refs(mx.exchange)) expect(provided).toContain(ref);
        if (mx.priorityParameter) expect(preset.parameters?.[mx.priorityParameter]?.kind).toBe('priority');
      }
      expect(new Set(variant.mx.map((mx) => mx.exchange)).size).toBe(variant.mx.length);
    }
  });

  test('regions: the default exists and every region fills the MX templates with host names', () => {
    if (preset.defaultRegion !== undefined) expect(preset.regions?.[preset.defaultRegion]).toBeDefined();
    if (preset.openRegions) expect(() => new RegExp(preset.openRegions!.pattern)).not.toThrow();
    for (const region of regionsOf(preset)) {
      for (const variant of Object.keys(preset.variants)) {
        const { mx } = resolvePreset(preset, { variant, region, parameters: exampleParameters(preset) });
        for (const { exchange } of mx) {
          if (preset.category === 'null') expect(exchange).toBe('.');
          else expect(parseHostname(exchange)).toEqual({ ascii: exchange, problems: [] });
        }
      }
    }
  });

  test('parameters: each has a description and an example that passes its own checks', () => {
    for (const parameter of Object.values(preset.parameters ?? {})) {
      expect(parameter.description.trim()).not.toBe('');
      expect(parameter.example.trim()).not.toBe('');
    }
    // resolvePreset validates every example against allowed/pattern/suffixes/kind.
    expect(() => resolvePreset(preset, { region: regionsOf(preset)[0], parameters: exampleParameters(preset) })).not.toThrow();
  });

  test('single-MX redundancy is only claimed where the vendor\'s current set is one MX', () => {
    if (preset.singleMxRedundant) expect(preset.variants[preset.defaultVariant].mx).toHaveLength(1);
  });

  test('companions: placeholders provided, examples valid, one record per name and type', () => {
    const companions = preset.companions ?? {};
    for (const region of regionsOf(preset)) {
      const resolved = resolvePreset(preset, { region, parameters: exampleParameters(preset) });
      if (companions.spf) {
        expect(['-all', '~all', '?all']).toContain(companions.spf.all);
        try {
          const spf = presetSpf(resolved)!;
          if (spf.include !== undefined) expect(spf.include).toMatch(/^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/);
        } catch (error) {
          // Only a region without a documented include may refuse, and it says so.
          expect(String(error)).toMatch(/documents no SPF include for region/);
        }
      }
      for (const group of ['dkim', 'verification', 'autodiscover', 'dmarc'] as const) {
        const data = companions[group];
        if (!data) continue;
        expect(data.description.trim()).not.toBe('');
        const examples = Object.fromEntries(Object.entries(data.parameters ?? {}).map(([name, p]) => [name, p.example]));
        const records = expandCompanionGroup(resolved, group, examples, 'example.com');
        expect(records).toHaveLength(data.records.length);
        expect(new Set(records.map((r) => `${r.type} ${r.name}`)).size).toBe(records.length);
        for (const record of records) expect(refs(`${record.name} ${record.value}`)).toEqual([]);
      }
    }
  });
});
