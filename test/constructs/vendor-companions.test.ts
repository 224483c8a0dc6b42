import { FastmailMx, GoogleWorkspaceMx, MxInputError, MxValidation, NullMx, SpfInclude, VendorMx } from '../../lib';
import { newStack, synthRecords } from '../helpers';
import { pinnedApp } from '../presets/examples';

const zone = { zoneId: 'z1', domain: 'example.com' };
const stack = (id = 'stack') => newStack(id, pinnedApp());
const txtAt = (records: ReturnType<typeof synthRecords>, name: string) =>
  Object.entries(records).filter(([, r]) => r.type === 'TXT' && r.name === name).map(([address, r]) => [address, r.content]);
/** The TXT texts the rules see at a name (lazy values resolved, quoting undone). */
const zoneTxt = (s: ReturnType<typeof stack>, name: string) =>
  MxValidation.of(s).zoneModels().flatMap(({ zone: z }) => z.at(name)).filter((r) => r.type === 'TXT').map((r) => r.value);

describe('SPF merging', () => {
  test('several senders at one name share one record, and the rules see it merged', () => {
    const s = stack();
    new GoogleWorkspaceMx(s, 'google', { ...zone, companions: { spf: true } });
    new SpfInclude(s, 'newsletter', { ...zone, include: ['sendgrid.net', 'mailgun.org'] });
    new VendorMx(s, 'bounces', { ...zone, name: 'bounce', preset: 'amazon-ses-inbound', region: 'eu-west-1' });
    new SpfInclude(s, 'bounce-spf', { ...zone, name: 'bounce', include: 'amazonses.com', all: '-all' });
    const records = synthRecords(s);
    expect(txtAt(records, 'example.com')).toEqual([['txt__example_com__spf', '"v=spf1 include:_spf.google.com include:sendgrid.net include:mailgun.org ~all"']]);
    expect(txtAt(records, 'bounce.example.com')).toEqual([['txt__bounce_example_com__spf', '"v=spf1 include:amazonses.com -all"']]);
    expect(zoneTxt(s, 'example.com')).toEqual(['v=spf1 include:_spf.google.com include:sendgrid.net include:mailgun.org ~all']);
    expect(MxValidation.of(s).findings().findings.filter((f) => f.rule === 'spf-multiple')).toEqual([]);
  });

  test('the terminator is the most lenient documented unless one is chosen', () => {
    const lenient = stack();
    new GoogleWorkspaceMx(lenient, 'google', { ...zone, companions: { spf: true } }); // ~all
    new VendorMx(lenient, 'm365', { ...zone, name: 'corp', preset: 'microsoft-365', parameters: { exchange: 'corp-example-com.mail.protection.outlook.com' }, companions: { spf: true } }); // -all
    new SpfInclude(lenient, 'corp-extra', { ...zone, name: 'corp', include: 'spf.example.net' });
    const records = synthRecords(lenient);
    expect(txtAt(records, 'example.com')[0][1]).toBe('"v=spf1 include:_spf.google.com ~all"');
    expect(txtAt(records, 'corp.example.com')[0][1]).toBe('"v=spf1 include:spf.protection.outlook.com include:spf.example.net -all"');

    const chosen = stack();
    new FastmailMx(chosen, 'fm', { ...zone, companions: { spf: { all: '-all' } } }); // Fastmail documents ?all
    new SpfInclude(chosen, 'crm', { ...zone, include: 'spf.crm.example' });
    expect(txtAt(synthRecords(chosen), 'example.com')[0][1]).toBe('"v=spf1 include:spf.messagingengine.com include:spf.crm.example -all"');
  });

  test('two different chosen terminators at one name are an error naming both constructs', () => {
    const s = stack();
    new FastmailMx(s, 'fm', { ...zone, companions: { spf: { all: '-all' } } });
    expect(() => new SpfInclude(s, 'crm', { ...zone, include: 'spf.crm.example', all: '~all' })).toThrow(
      new MxInputError('companions.spf.all', 'the SPF record of example.com ends with -all (chosen at stack/fm), but stack/crm asks for ~all; one record has one terminator, so choose the same in both.'),
    );
  });

  test('the record keeps its Terraform address as senders come and go', () => {
    const alone = stack('a');
    new GoogleWorkspaceMx(alone, 'google', { ...zone, companions: { spf: true } });
    const withMore = stack('b');
    new SpfInclude(withMore, 'crm', { ...zone, include: 'spf.crm.example' });
    new GoogleWorkspaceMx(withMore, 'google', { ...zone, companions: { spf: true } });
    expect(txtAt(synthRecords(alone), 'example.com').map(([address]) => address)).toEqual(['txt__example_com__spf']);
    expect(txtAt(synthRecords(withMore), 'example.com')).toEqual([['txt__example_com__spf', '"v=spf1 include:spf.crm.example include:_spf.google.com ~all"']]);
  });

  test('stacks and zones do not share records', () => {
    const one = stack('one');
    const two = stack('two');
    new SpfInclude(one, 'a', { ...zone, include: 'one.example' });
    new SpfInclude(two, 'a', { ...zone, include: 'two.example' });
    new SpfInclude(two, 'b', { zoneId: 'z2', domain: 'example.net', include: 'three.example' });
    expect(txtAt(synthRecords(one), 'example.com')[0][1]).toBe('"v=spf1 include:one.example ~all"');
    expect(Object.values(synthRecords(two)).map((r) => r.content).sort()).toEqual(['"v=spf1 include:three.example ~all"', '"v=spf1 include:two.example ~all"']);
  });

  test('a merged SPF longer than 255 octets is split into character-strings', () => {
    const s = stack();
    const includes = Array.from({ length: 8 }, (_, i) => `spf${i}.a-rather-long-sender-name.example`); // 8 lookups: within SPF's limit of 10
    new SpfInclude(s, 'many', { ...zone, include: includes });
    const content = txtAt(synthRecords(s), 'example.com')[0][1];
    const text = `v=spf1 ${includes.map((i) => `include:${i}`).join(' ')} ~all`;
    expect(text.length).toBeGreaterThan(255);
    expect(content).toBe(`"${text.slice(0, 255)}" "${text.slice(255)}"`);
    expect(zoneTxt(s, 'example.com')).toEqual([text]);
  });

  test('an SPF the NullMx construct already publishes is not declared twice silently', () => {
    const s = stack();
    new NullMx(s, 'parked', zone);
    expect(() => new SpfInclude(s, 'x', { ...zone, include: 'spf.example.net' })).toThrow(/declared twice in one zone \(stack\/parked and stack\/x\)/);
  });

  test('SpfInclude checks its input', () => {
    expect(() => new SpfInclude(stack(), 'x', { ...zone, include: [] })).toThrow('include: give at least one domain to include, e.g. "sendgrid.net" (SpfInclude at stack/x)');
    expect(() => new SpfInclude(stack(), 'x', { ...zone, include: 'include:sendgrid.net' })).toThrow(/^include\[0\]: "include:sendgrid.net" is not a domain name to include/);
    expect(() => new SpfInclude(stack(), 'x', { ...zone, include: 'a.example', all: 'all' as '-all' })).toThrow('all: "all" is not an SPF terminator; use one of: -all, ~all, ?all (SpfInclude at stack/x)');
  });
});

describe('companion records', () => {
  test('DKIM, verification and autodiscover records are published at the mail domain', () => {
    const s = stack();
    new VendorMx(s, 'm365', {
      ...zone, name: 'corp', preset: 'microsoft-365', parameters: { exchange: 'corp-example-com.mail.protection.outlook.com' },
      companions: {
        dkim: { selector1: 'selector1-corp-example-com._domainkey.contoso.onmicrosoft.com', selector2: 'selector2-corp-example-com._domainkey.contoso.onmicrosoft.com' },
        verification: 'MS=ms11223344',
        autodiscover: true,
      },
    });
    const published = Object.entries(synthRecords(s)).map(([address, r]) => [address, r.type, r.name, r.content]);
    expect(published).toHaveLength(5);
    expect(published).toEqual(expect.arrayContaining([
      ['mx__corp_example_com__corp-example-com_mail_protection_outlook_com', 'MX', 'corp.example.com', 'corp-example-com.mail.protection.outlook.com'],
      ['txt__corp_example_com__verification', 'TXT', 'corp.example.com', '"MS=ms11223344"'],
      [expect.stringMatching(/^cname__selector1_domainkey_corp_example_com__dkim-selector1_[0-9a-f]{8}$/), 'CNAME', 'selector1._domainkey.corp.example.com', 'selector1-corp-example-com._domainkey.contoso.onmicrosoft.com'],
      [expect.stringMatching(/^cname__selector2_domainkey_corp_example_com__dkim-selector2_[0-9a-f]{8}$/), 'CNAME', 'selector2._domainkey.corp.example.com', 'selector2-corp-example-com._domainkey.contoso.onmicrosoft.com'],
      ['cname__autodiscover_corp_example_com__autodiscover', 'CNAME', 'autodiscover.corp.example.com', 'autodiscover.outlook.com'],
    ]));
  });

  test('a new token or key updates the record in place: its address is its purpose', () => {
    const addresses = (token: string, key: string) => {
      const s = stack();
      new GoogleWorkspaceMx(s, 'g', { ...zone, companions: { verification: token, dkim: { publicKey: key } } });
      return Object.keys(synthRecords(s)).sort();
    };
    expect(addresses('first-token', 'AAAA')).toEqual(addresses('second-token', 'BBBB'));
  });

  test('companion records are part of the zone the rules check, with where they came from', () => {
    const s = stack();
    new FastmailMx(s, 'fm', { ...zone, companions: { dkim: true } });
    const dkim = MxValidation.of(s).zoneModels()[0].zone.get('fm1._domainkey.example.com', 'CNAME');
    expect(dkim).toEqual([expect.objectContaining({ value: 'fm1.example.com.dkim.fmhosted.com', origin: expect.objectContaining({ path: 'stack/fm', field: 'companions.dkim' }) })]);
  });
});
