// BIND's named-checkzone loads the MTA-STS, TLS-RPT and TLSA records our constructs publish, as renderZone writes them.
import { DaneTlsa, MtaSts, MxRecords, MxValidation, renderZone, TlsRpt } from '../../lib';
import { newStack } from '../helpers';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { describeWithTool, namedCheckzone } from './tools';

describeWithTool('named-checkzone', 'BIND loads transport-security records', (checkzone) => {
  test('MX with A records, _mta-sts, mta-sts CNAME, _smtp._tls and TLSA (3 1 1 and 2 0 2) load without a warning', () => {
    const zone = { zoneId: 'z1', domain: 'example.com' };
    const stack = newStack();
    new MxRecords(stack, 'mail', { ...zone, records: [{ priority: 10, exchange: 'mx1.example.com' }, { priority: 20, exchange: 'mx2.example.com' }] });
    for (const [id, host, address] of [['a1', 'mx1.example.com', '192.0.2.25'], ['a2', 'mx2.example.com', '192.0.2.26']]) {
      new DnsRecord(stack, id, { zoneId: 'z1', name: host, type: 'A', content: address, ttl: 3600 });
    }
    new MtaSts(stack, 'sts', { ...zone, mode: 'enforce', policyHost: { cname: 'policies.example.net' } });
    new TlsRpt(stack, 'rpt', { ...zone, rua: ['mailto:tls@example.com', 'https://reports.example.net/tlsrpt'] });
    new DaneTlsa(stack, 'dane', {
      ...zone,
      records: [
        { exchange: 'mx1.example.com', data: '0123456789abcdef'.repeat(4) },
        { exchange: 'mx1.example.com', usage: 2, selector: 0, matchingType: 2, data: 'fedcba9876543210'.repeat(8) },
        { exchange: 'mx2.example.com', data: 'ABCDEF0123456789'.repeat(4) },
      ],
    });
    expect(MxValidation.of(stack).findings().findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const text = renderZone(stack, 'example.com', { soa: true });
    expect(text).toContain(`_25._tcp.mx2.example.com. 3600 IN TLSA 3 1 1 ${'abcdef0123456789'.repeat(4)}`);
    expect(text).toMatch(/_mta-sts\.example\.com\. 3600 IN TXT "v=STSv1; id=[0-9a-f]{32};"/);
    const result = namedCheckzone(checkzone, 'example.com', text);
    expect(result.output).toBe('zone example.com/IN: loaded serial 1\nOK');
    expect(result.loaded).toBe(true);
  });
});
