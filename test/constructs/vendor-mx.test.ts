import { TerraformStack } from 'cdktf';
import {
  AmazonSesInboundMx,
  CloudflareEmailRoutingMx,
  FastmailMx,
  GoogleWorkspaceMx,
  ICloudMailMx,
  MailgunMx,
  MailPreset,
  Microsoft365Mx,
  MimecastMx,
  MxInputError,
  MxValidation,
  presets,
  PRESETS,
  ProtonMailMx,
  VendorMx,
  ZohoMailMx,
} from '../../lib';
import { newStack, synthRecords } from '../helpers';
import { documentedMx, everyCase, exampleCompanions, exampleParameters, pinnedApp, regionsOf, warningsOf } from '../presets/examples';

const zone = { zoneId: 'z1', domain: 'example.com' };
const mxOf = (records: ReturnType<typeof synthRecords>): Array<[number, string]> =>
  Object.values(records)
    .filter((r) => r.type === 'MX')
    .map((r): [number, string] => [r.priority!, r.content])
    .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
const stack = () => newStack('stack', pinnedApp());

describe('VendorMx: every preset, variant and region', () => {
  test.each(everyCase().map((c) => [c.label, c] as const))('%s publishes the documented MX and passes every rule', (_label, { preset, variant, region }) => {
    const s = stack();
    const mail = new VendorMx(s, 'mail', { ...zone, preset: preset.id, variant, region, parameters: exampleParameters(preset), companions: exampleCompanions(preset, region) });
    const records = synthRecords(s); // runs the stack validation: an error finding throws here
    expect(mxOf(records)).toEqual(documentedMx(preset, variant, region));
    const { findings } = MxValidation.of(s).findings();
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const singleHostVendor = preset.variants[variant].mx.length === 1 && !preset.singleMxRedundant && preset.category !== 'null';
    if (!singleHostVendor) expect(findings.filter((f) => f.rule === 'mx-single')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'mx-mixed-vendors' || f.rule === 'spf-multiple' || f.rule === 'cname-coexists')).toEqual([]);
    expect(mail.preset).toBe(preset);
    expect(mail.variant).toBe(variant);
    expect(mail.region).toBe(region);
  });
});

describe('VendorMx snapshots', () => {
  test.each(presets.map((p) => [p.id, p] as const))('%s with every companion', (_id, preset: MailPreset) => {
    const s = stack();
    const region = regionsOf(preset)[0];
    new VendorMx(s, 'mail', { ...zone, preset: preset.id, region, parameters: exampleParameters(preset), companions: exampleCompanions(preset, region) });
    expect(synthRecords(s)).toMatchSnapshot();
  });
});

describe('VendorMx input errors', () => {
  const build = (props: Partial<ConstructorParameters<typeof VendorMx>[2]>) => () => new VendorMx(stack(), 'mail', { ...zone, preset: 'fastmail', ...props });

  test('an unknown preset lists the ids', () => {
    expect(build({ preset: 'gmail' })).toThrow(MxInputError);
    expect(build({ preset: 'gmail' })).toThrow(/^preset: there is no preset "gmail"; use one of: google-workspace, microsoft-365, .* \(VendorMx at stack\/mail\)$/);
  });

  test.each(
    presets.flatMap((preset) =>
      Object.entries(preset.parameters ?? {})
        .filter(([, p]) => p.default === undefined)
        .map(([name]) => [preset.id, name] as const),
    ),
  )('%s without %s names the parameter and the construct', (id, name) => {
    const preset = PRESETS[id];
    const parameters = { ...exampleParameters(preset), [name]: undefined };
    expect(build({ preset: id, region: regionsOf(preset)[0], parameters })).toThrow(
      new MxInputError(name, `${preset.name} needs "${name}": ${preset.parameters![name].description} (e.g. "${preset.parameters![name].example}"). (VendorMx at stack/mail)`),
    );
  });

  test.each(presets.filter((p) => p.regions && !p.defaultRegion).map((p) => [p.id] as const))('%s without a region names region', (id) => {
    const preset = PRESETS[id];
    expect(build({ preset: id, parameters: exampleParameters(preset) })).toThrow(/^region: .* needs "region": .*; use one of: .* \(VendorMx at stack\/mail\)$/);
  });

  test('companion errors name the companion field and the construct', () => {
    expect(build({ companions: { verification: 'x' } })).toThrow('companions.verification: Fastmail documents no verification records; its companions are: spf, dkim. (VendorMx at stack/mail)');
    expect(build({ preset: 'postmark-inbound', companions: { spf: true } })).toThrow('companions.spf: Postmark inbound documents no SPF record; add other senders with SpfInclude. (VendorMx at stack/mail)');
    expect(build({ preset: 'google-workspace', companions: { dkim: true } })).toThrow(/^companions\.dkim\.publicKey: Google Workspace dkim needs "publicKey"/);
    expect(build({ companions: { spf: { all: '+all' as '-all' } } })).toThrow('companions.spf.all: "+all" is not an SPF terminator; use one of: -all, ~all, ?all. (VendorMx at stack/mail)');
  });

  test('a custom preset object works like a catalogue one', () => {
    const custom: MailPreset = { ...PRESETS['fastmail'], id: 'my-relay', name: 'My relay', variants: { current: { description: 'one relay', mx: [{ priority: 5, exchange: 'relay.example.net' }] } } };
    const s = stack();
    new VendorMx(s, 'mail', { ...zone, preset: custom });
    expect(mxOf(synthRecords(s))).toEqual([[5, 'relay.example.net']]);
  });
});

describe('synth-time warnings about the data', () => {
  const old: MailPreset = { ...PRESETS['fastmail'], checked: '2024-01-10' };

  test('a preset older than the maximum age warns; a fresh one does not', () => {
    const s = stack();
    const stale = new VendorMx(s, 'stale', { ...zone, preset: old });
    const fresh = new VendorMx(s, 'fresh', { ...zone, name: 'eu', preset: 'fastmail' });
    expect(warningsOf(stale)).toEqual([expect.stringMatching(/^the Fastmail preset was last checked .* on 2024-01-10, 1050 days ago \(more than 365\)/)]);
    expect(warningsOf(fresh)).toEqual([]);
    expect(() => synthRecords(s)).not.toThrow(); // never fails synth
  });

  test('the maximum age comes from the prop, else the app context', () => {
    const s = newStack('stack', pinnedApp({ 'cdktf-mx:maxPresetAge': 1100 }));
    expect(warningsOf(new VendorMx(s, 'ctx', { ...zone, preset: old }))).toEqual([]);
    expect(warningsOf(new VendorMx(s, 'prop', { ...zone, name: 'eu', preset: old, maxPresetAge: 30 }))).toHaveLength(1);
    expect(() => new VendorMx(s, 'bad', { ...zone, name: 'x', preset: old, maxPresetAge: -1 })).toThrow(/^maxPresetAge: maxPresetAge must be a number of days ≥ 0, not -1\./);
  });

  test('without a pinned date the check runs against the real clock', () => {
    const s = newStack();
    expect(warningsOf(new VendorMx(s, 'old', { ...zone, preset: { ...old, checked: '2000-01-01' } }))).toHaveLength(1);
  });

  test('Amazon WorkMail warns that it is being retired', () => {
    const s = stack();
    const workmail = new VendorMx(s, 'wm', { ...zone, preset: 'amazon-workmail', region: 'eu-west-1' });
    expect(warningsOf(workmail)).toEqual(['Amazon WorkMail reaches end of support on 2027-03-31: AWS ends support for Amazon WorkMail then; plan a move to another vendor (see MxMigration).']);
  });

  test('an unconfirmed region and a region newer than the data warn', () => {
    const s = stack();
    expect(warningsOf(new ZohoMailMx(s, 'zoho', { ...zone, region: 'com.cn' }))).toEqual([expect.stringContaining('Zoho Mail region "com.cn": mx.zoho.com.cn is seen receiving mail')]);
    expect(warningsOf(new AmazonSesInboundMx(s, 'ses', { ...zone, name: 'in', region: 'il-central-1' }))).toEqual([expect.stringContaining('"il-central-1" is not among the regions known')]);
  });
});

describe('named vendor constructs', () => {
  const published = (build: (s: TerraformStack) => void) => {
    const s = stack();
    build(s);
    return mxOf(synthRecords(s));
  };

  test('each publishes its preset with typed props', () => {
    expect(published((s) => new FastmailMx(s, 'm', zone))).toEqual(documentedMx(PRESETS['fastmail'], 'current'));
    expect(published((s) => new ProtonMailMx(s, 'm', zone))).toEqual(documentedMx(PRESETS['proton-mail'], 'current'));
    expect(published((s) => new ZohoMailMx(s, 'm', { ...zone, region: 'in' }))).toEqual(documentedMx(PRESETS['zoho-mail'], 'current', 'in'));
    expect(published((s) => new ICloudMailMx(s, 'm', zone))).toEqual(documentedMx(PRESETS['icloud-plus'], 'current'));
    expect(published((s) => new AmazonSesInboundMx(s, 'm', { ...zone, region: 'us-east-2' }))).toEqual([[10, 'inbound-smtp.us-east-2.amazonaws.com']]);
    expect(published((s) => new MailgunMx(s, 'm', { ...zone, name: 'mg', region: 'eu' }))).toEqual([[10, 'mxa.eu.mailgun.org'], [10, 'mxb.eu.mailgun.org']]);
    expect(published((s) => new MailgunMx(s, 'm', zone))).toEqual([[10, 'mxa.mailgun.org'], [10, 'mxb.mailgun.org']]);
    expect(published((s) => new MimecastMx(s, 'm', { ...zone, region: 'uk' }))).toEqual([[10, 'eu-smtp-inbound-1.mimecast.com'], [10, 'eu-smtp-inbound-2.mimecast.com']]);
    expect(published((s) => new CloudflareEmailRoutingMx(s, 'm', { ...zone, priorities: { route1: 13, route2: 86, route3: 24 } }))).toEqual([
      [13, 'route1.mx.cloudflare.net'],
      [24, 'route3.mx.cloudflare.net'],
      [86, 'route2.mx.cloudflare.net'],
    ]);
  });

  test('their errors name the named construct', () => {
    expect(() => new CloudflareEmailRoutingMx(stack(), 'cf', zone as never)).toThrow(/^route1: Cloudflare Email Routing needs "route1": .* \(CloudflareEmailRoutingMx at stack\/cf\)$/);
    expect(() => new ZohoMailMx(stack(), 'z', { ...zone, region: 'us' as 'com' })).toThrow('region: "us" is not a Zoho Mail region; use one of: com, eu, in, com.au, jp, ca, sa, com.cn. (ZohoMailMx at stack/z)');
  });

  test('Google Workspace and Microsoft 365 take companions too', () => {
    const s = stack();
    new GoogleWorkspaceMx(s, 'g', { ...zone, companions: { spf: true, verification: 'google-site-verification=abc123' } });
    new Microsoft365Mx(s, 'm', {
      zoneId: 'z2', domain: 'contoso.us', exchange: 'contoso-us.mail.protection.office365.us', region: 'gcc-high',
      companions: { spf: true, autodiscover: true, verification: 'MS=ms7654321' },
    });
    const records = Object.values(synthRecords(s)).map((r) => [r.type, r.name, r.content]);
    expect(records).toEqual(expect.arrayContaining([
      ['TXT', 'example.com', '"v=spf1 include:_spf.google.com ~all"'],
      ['TXT', 'example.com', '"google-site-verification=abc123"'],
      ['TXT', 'contoso.us', '"v=spf1 include:spf.protection.office365.us -all"'],
      ['CNAME', 'autodiscover.contoso.us', 'autodiscover.office365.us'],
      ['TXT', 'contoso.us', '"MS=ms7654321"'],
    ]));
    expect(records).toHaveLength(7);
  });
});
