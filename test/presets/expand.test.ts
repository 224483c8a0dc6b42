import { expandCompanionGroup, expandPreset, MxInputError, presets, PRESETS, presetSpf, resolvePreset } from '../../lib';
import { exampleParameters, regionsOf } from './examples';

const error = (fn: () => unknown): MxInputError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof MxInputError) return e;
    throw e;
  }
  throw new Error('expected an MxInputError');
};

describe('resolvePreset', () => {
  test('fills region values into the hosts', () => {
    expect(resolvePreset(PRESETS['zoho-mail'], { region: 'eu' }).mx).toEqual([
      { priority: 10, exchange: 'mx.zoho.eu' },
      { priority: 20, exchange: 'mx2.zoho.eu' },
      { priority: 50, exchange: 'mx3.zoho.eu' },
    ]);
    expect(resolvePreset(PRESETS['mimecast'], { region: 'za' }).mx.map((mx) => mx.exchange)).toEqual(['za-smtp-inbound-1.mimecast.co.za', 'za-smtp-inbound-2.mimecast.co.za']);
  });

  test('a preset with regions and no default needs one, and says which', () => {
    const e = error(() => resolvePreset(PRESETS['zoho-mail']));
    expect(e.field).toBe('region');
    expect(e.detail).toContain('Zoho Mail needs "region"');
    expect(e.detail).toContain('com, eu, in, com.au, jp, ca, sa, com.cn');
  });

  test('the default region is used when none is given', () => {
    expect(resolvePreset(PRESETS['mailgun']).mx.map((mx) => mx.exchange)).toEqual(['mxa.mailgun.org', 'mxb.mailgun.org']);
  });

  test('an unknown region is rejected with the known ones', () => {
    const e = error(() => resolvePreset(PRESETS['mailgun'], { region: 'ap' }));
    expect(e.field).toBe('region');
    expect(e.detail).toBe('"ap" is not a Mailgun region; use one of: us, eu.');
  });

  test('a region for a preset without regions is an error', () => {
    expect(error(() => resolvePreset(PRESETS['fastmail'], { region: 'eu' })).detail).toBe('Fastmail has no regions; leave region out.');
  });

  test('Amazon SES accepts a region added after the data was checked, with a note', () => {
    const resolved = resolvePreset(PRESETS['amazon-ses-inbound'], { region: 'me-central-1' });
    expect(resolved.mx).toEqual([{ priority: 10, exchange: 'inbound-smtp.me-central-1.amazonaws.com' }]);
    expect(resolved.notes).toHaveLength(1);
    expect(resolved.notes[0]).toContain('"me-central-1" is not among the regions known on');
    expect(error(() => resolvePreset(PRESETS['amazon-ses-inbound'], { region: 'moon' })).field).toBe('region');
    expect(resolvePreset(PRESETS['amazon-ses-inbound'], { region: 'eu-west-1' }).notes).toEqual([]);
  });

  test('a region whose hosts are unconfirmed carries a note', () => {
    expect(resolvePreset(PRESETS['zoho-mail'], { region: 'sa' }).notes[0]).toMatch(/^Zoho Mail region "sa": the mx\/mx2\/mx3\.zoho\.sa hosts follow/);
    expect(resolvePreset(PRESETS['zoho-mail'], { region: 'eu' }).notes).toEqual([]);
  });

  test('an unknown variant names the variants', () => {
    expect(error(() => resolvePreset(PRESETS['mailbox-org'], { variant: 'old' })).detail).toBe('mailbox.org has no variant "old"; use one of: current, legacy.');
  });

  test('vendor-assigned preferences come from parameters and must be MX preferences', () => {
    const cf = PRESETS['cloudflare-email-routing'];
    expect(resolvePreset(cf, { parameters: { route1: 7, route2: '55', route3: 99 } }).mx).toEqual([
      { priority: 7, exchange: 'route1.mx.cloudflare.net' },
      { priority: 55, exchange: 'route2.mx.cloudflare.net' },
      { priority: 99, exchange: 'route3.mx.cloudflare.net' },
    ]);
    const e = error(() => resolvePreset(cf, { parameters: { route1: 7, route2: 70000, route3: 1 } }));
    expect(e.field).toBe('route2');
    expect(e.detail).toMatch(/^"70000" is not an MX preference: route2 must be an integer 0–65535/);
    expect(error(() => resolvePreset(cf, { parameters: { route1: 1.5, route2: 2, route3: 3 } })).field).toBe('route1');
  });

  test('an unknown parameter is named with the known ones', () => {
    expect(error(() => resolvePreset(PRESETS['barracuda-email-gateway-defense'], { parameters: { host: 'x' } })).detail)
      .toBe('Barracuda Email Gateway Defense takes no parameter "host"; its parameters are: primaryHost, secondaryHost.');
  });

  test('expandPreset keeps its signature and gains region', () => {
    expect(expandPreset(PRESETS['google-workspace'], 'legacy')).toHaveLength(5);
    expect(expandPreset(PRESETS['proofpoint-essentials'], undefined, {}, { region: 'eu1' })).toEqual([
      { priority: 10, exchange: 'mx1-eu1.ppe-hosted.com' },
      { priority: 20, exchange: 'mx2-eu1.ppe-hosted.com' },
    ]);
  });
});

describe.each(presets.filter((p) => Object.keys(p.parameters ?? {}).length > 0).map((p) => [p.id, p] as const))('required parameters of %s', (_id, preset) => {
  test.each(Object.keys(preset.parameters!).filter((name) => preset.parameters![name].default === undefined))('missing %s is an error naming it', (name) => {
    const parameters = { ...exampleParameters(preset), [name]: undefined };
    const e = error(() => resolvePreset(preset, { region: regionsOf(preset)[0], parameters }));
    expect(e.field).toBe(name);
    expect(e.detail).toBe(`${preset.name} needs "${name}": ${preset.parameters![name].description} (e.g. "${preset.parameters![name].example}").`);
  });
});

describe('expandCompanionGroup', () => {
  const google = resolvePreset(PRESETS['google-workspace']);

  test('a whole pasted value is taken apart to the part the template wants', () => {
    const whole = expandCompanionGroup(google, 'verification', 'google-site-verification=abc_DEF-123', 'example.com');
    const token = expandCompanionGroup(google, 'verification', 'abc_DEF-123', 'example.com');
    expect(whole).toEqual(token);
    expect(whole).toEqual([{ group: 'verification', type: 'TXT', name: '@', value: 'google-site-verification=abc_DEF-123', identity: 'verification' }]);
    const key = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq1w2e3r4';
    expect(expandCompanionGroup(google, 'dkim', { publicKey: `v=DKIM1;  k=rsa;p=${key}` }, 'example.com')).toEqual([
      { group: 'dkim', type: 'TXT', name: 'google._domainkey', value: `v=DKIM1; k=rsa; p=${key}`, identity: 'dkim-google' },
    ]);
  });

  test('values that depend on the region and the domain are filled in', () => {
    const zoho = resolvePreset(PRESETS['zoho-mail'], { region: 'ca' });
    expect(expandCompanionGroup(zoho, 'verification', 'zoho-verification=zb42.zmverify.zohocloud.ca', 'Example.com')[0].value).toBe('zoho-verification=zb42.zmverify.zohocloud.ca');
    const fastmail = resolvePreset(PRESETS['fastmail']);
    expect(expandCompanionGroup(fastmail, 'dkim', true, 'mail.example.org').map((r) => [r.name, r.value, r.identity])).toEqual([
      ['fm1._domainkey', 'fm1.mail.example.org.dkim.fmhosted.com', 'dkim-fm1'],
      ['fm2._domainkey', 'fm2.mail.example.org.dkim.fmhosted.com', 'dkim-fm2'],
      ['fm3._domainkey', 'fm3.mail.example.org.dkim.fmhosted.com', 'dkim-fm3'],
    ]);
  });

  test('CNAME targets with _domainkey labels are domain names, lower-cased', () => {
    const m365 = resolvePreset(PRESETS['microsoft-365'], { parameters: { exchange: 'contoso-com.mail.protection.outlook.com' } });
    const records = expandCompanionGroup(m365, 'dkim', { selector1: 'Selector1-contoso-com._domainkey.Contoso.onmicrosoft.com.', selector2: 'selector2-contoso-com._domainkey.contoso.onmicrosoft.com' }, 'contoso.com');
    expect(records[0]).toEqual({ group: 'dkim', type: 'CNAME', name: 'selector1._domainkey', value: 'selector1-contoso-com._domainkey.contoso.onmicrosoft.com', identity: 'dkim-selector1' });
    const e = error(() => expandCompanionGroup(m365, 'dkim', { selector1: 'not a host', selector2: 'x.example' }, 'contoso.com'));
    expect(e.field).toBe('companions.dkim');
  });

  test('missing, unknown and malformed companion values are errors on companions.<group>.<name>', () => {
    let e = error(() => expandCompanionGroup(google, 'dkim', true, 'example.com'));
    expect(e.field).toBe('companions.dkim.publicKey');
    expect(e.detail).toMatch(/^Google Workspace dkim needs "publicKey": the p= value/);
    e = error(() => expandCompanionGroup(google, 'dkim', { publicKey: 'abc', keyId: '1' }, 'example.com'));
    expect(e.field).toBe('companions.dkim.keyId');
    e = error(() => expandCompanionGroup(google, 'verification', 'has spaces!', 'example.com'));
    expect(e.field).toBe('companions.verification.token');
    expect(e.detail).toMatch(/^"has spaces!" is not a valid Google Workspace verification token/);
  });

  test('a group the vendor does not document is an error listing what it does document', () => {
    const e = error(() => expandCompanionGroup(google, 'autodiscover', true, 'example.com'));
    expect(e.field).toBe('companions.autodiscover');
    expect(e.detail).toBe('Google Workspace documents no autodiscover records; its companions are: spf, dkim, verification.');
  });

  test('a single string for a group with several inputs asks for them by name', () => {
    const mbo = resolvePreset(PRESETS['mailbox-org']);
    expect(error(() => expandCompanionGroup(mbo, 'verification', 'abc', 'example.com')).detail).toBe('mailbox.org verification needs { keyName, keyValue }, not a single string; give them by name.');
  });
});

describe('presetSpf', () => {
  test('fills the include from the region', () => {
    expect(presetSpf(resolvePreset(PRESETS['zoho-mail'], { region: 'com.au' }))).toEqual({ include: 'zoho.com.au', all: '~all' });
    expect(presetSpf(resolvePreset(PRESETS['null-mx']))).toEqual({ all: '-all' });
    expect(presetSpf(resolvePreset(PRESETS['postmark-inbound']))).toBeUndefined();
  });

  test('a region without a documented include says so instead of inventing one', () => {
    const e = error(() => presetSpf(resolvePreset(PRESETS['mimecast'], { region: 'usb' })));
    expect(e.field).toBe('companions.spf');
    expect(e.detail).toContain('Mimecast documents no SPF include for region "usb"');
  });
});
