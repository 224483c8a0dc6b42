import * as root from '../../lib';
import { identifyVendor, presets, resolvePreset } from '../../lib';
import { everyCase, exampleParameters } from './examples';

describe('identifyVendor', () => {
  test.each(everyCase().filter((c) => c.preset.category !== 'null').map((c) => [c.label, c] as const))('knows every host of %s', (_label, { preset, variant, region }) => {
    for (const { exchange } of resolvePreset(preset, { variant, region, parameters: exampleParameters(preset) }).mx) {
      const match = identifyVendor(exchange);
      // SES and WorkMail share their hosts; a raw record is attributed to SES, listed first.
      const expected = preset.id === 'amazon-workmail' ? 'amazon-ses-inbound' : preset.id;
      expect(match?.preset.id).toBe(expected);
    }
  });

  test('tells generations apart where the hosts differ', () => {
    expect(identifyVendor('smtp.google.com')).toMatchObject({ preset: { id: 'google-workspace' }, variant: 'current' });
    expect(identifyVendor('alt3.aspmx.l.google.com')).toMatchObject({ preset: { id: 'google-workspace' }, variant: 'legacy' });
    expect(identifyVendor('amir.mx.cloudflare.net')).toMatchObject({ preset: { id: 'cloudflare-email-routing' }, variant: 'legacy' });
    expect(identifyVendor('route2.mx.cloudflare.net')).toMatchObject({ preset: { id: 'cloudflare-email-routing' }, variant: 'current' });
  });

  test('a host both generations use belongs to the current one', () => {
    expect(identifyVendor('mxext3.mailbox.org')).toMatchObject({ preset: { id: 'mailbox-org' }, variant: 'current' });
  });

  test('matches per-tenant and per-region hosts by their shape', () => {
    expect(identifyVendor('fabrikam-net01b.mail.protection.outlook.com')?.preset.id).toBe('microsoft-365');
    expect(identifyVendor('fabrikam-net.e-v1.mx.microsoft')?.preset.id).toBe('microsoft-365');
    expect(identifyVendor('mx2.zohocloud.ca')?.preset.id).toBe('zoho-mail');
    expect(identifyVendor('mxb.eu.mailgun.org')?.preset.id).toBe('mailgun');
    expect(identifyVendor('inbound-smtp.me-central-1.amazonaws.com')?.preset.id).toBe('amazon-ses-inbound');
    expect(identifyVendor('d337206a.ess.de.barracudanetworks.com')?.preset.id).toBe('barracuda-email-gateway-defense');
    expect(identifyVendor('mx2-us4.ppe-hosted.com')?.preset.id).toBe('proofpoint-essentials');
    expect(identifyVendor('je-smtp-inbound-2.mimecast-offshore.com')?.preset.id).toBe('mimecast');
  });

  test('knows nothing of other hosts', () => {
    expect(identifyVendor('mail.example.org')).toBeUndefined();
    expect(identifyVendor('mx.zoho.example')).toBeUndefined();
    expect(identifyVendor('evil.mail.protection.outlook.com.example.net')).toBeUndefined();
    expect(identifyVendor('mx1-xx9.ppe-hosted.com')).toBeUndefined();
  });
});

test('the catalogue and its helpers are exported from the package root', () => {
  expect(root.presets).toBe(presets);
  expect(root.presets.map((p) => [p.id, p.name, p.checked, Object.keys(p.variants)])).toContainEqual(['fastmail', 'Fastmail', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), ['current']]);
  expect(typeof root.VendorMx).toBe('function');
  expect(typeof root.MxMigration).toBe('function');
  expect(typeof root.SpfInclude).toBe('function');
  expect(typeof root.identifyVendor).toBe('function');
});
