import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { App, TerraformStack } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MxRecords, NullMx, setupMxJest } from '../../lib';
import { newStack } from '../helpers';

setupMxJest();

function selfHosted(stack: TerraformStack): void {
  new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: [{ priority: 10, exchange: 'mx1.example.net' }, { priority: 20, exchange: 'mx2.example.net' }] });
  new MxRecords(stack, 'eu', { zoneId: 'z1', domain: 'example.com', name: 'eu', records: [{ priority: 5, exchange: 'mx-eu1.example.net' }, { priority: 5, exchange: 'mx-eu2.example.net' }] });
  new NullMx(stack, 'parked', { zoneId: 'z2', domain: 'parked.example' });
}

describe('toPublishMx', () => {
  const stack = newStack();
  selfHosted(stack);

  test('the exact MX set at a name, in any order, any case, trailing dot or not', () => {
    expect(stack).toPublishMx('example.com', [{ priority: 20, exchange: 'MX2.example.net.' }, { priority: 10, exchange: 'mx1.example.net' }]);
    expect(stack).toPublishMx('eu.example.com', [{ priority: 5, exchange: 'mx-eu2.example.net' }, { priority: 5, exchange: 'mx-eu1.example.net' }]);
    expect(stack).toPublishMx('parked.example', [{ priority: 0, exchange: '.' }]);
    expect(stack).toPublishMx('www.example.com', []);
  });

  test('a subset, a superset or another preference does not match, and the message says what differs', () => {
    expect(stack).not.toPublishMx('example.com', [{ priority: 10, exchange: 'mx1.example.net' }]);
    expect(stack).not.toPublishMx('example.com', [{ priority: 10, exchange: 'mx1.example.net' }, { priority: 20, exchange: 'mx2.example.net' }, { priority: 30, exchange: 'mx3.example.net' }]);
    expect(() => expect(stack).toPublishMx('example.com', [{ priority: 10, exchange: 'mx1.example.net' }, { priority: 30, exchange: 'mx2.example.net' }])).toThrow(
      'expected example.com to publish\n  MX 10 mx1.example.net.\n  MX 30 mx2.example.net.\nbut it publishes\n  MX 10 mx1.example.net.\n  MX 20 mx2.example.net.\nmissing:\n  MX 30 mx2.example.net.\nextra:\n  MX 20 mx2.example.net.',
    );
    expect(() => expect(stack).not.toPublishMx('parked.example', [{ priority: 0, exchange: '.' }])).toThrow('expected parked.example not to publish exactly\n  MX 0 .\nbut it does');
  });

  test('synthesized output works the same', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-matchers-'));
    try {
      const app = new App({ outdir });
      selfHosted(newStack('mail', app));
      app.synth();
      expect(outdir).toPublishMx('example.com', [{ priority: 10, exchange: 'mx1.example.net' }, { priority: 20, exchange: 'mx2.example.net' }]);
      expect(outdir).toPublishMx('parked.example', [{ priority: 0, exchange: '.' }]);
      expect(outdir).not.toPublishMx('eu.example.com', []);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('toHaveNoFindings', () => {
  test('a clean stack has none; infos count unless a severity is given', () => {
    const stack = newStack();
    new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: [{ priority: 10, exchange: 'mx1.example.net' }, { priority: 20, exchange: 'mx2.example.net' }] });
    expect(stack).toHaveNoFindings({ severity: 'warning' });
    // No DMARC: the rules say so (dmarc-missing is an info).
    expect(() => expect(stack).toHaveNoFindings()).toThrow(/expected no findings, but the rules found 1:\n {2}info \[dmarc-missing\] example\.com\./);
    new DnsRecord(stack, 'dmarc', { zoneId: 'z1', name: '_dmarc.example.com', type: 'TXT', content: 'v=DMARC1; p=quarantine;', ttl: 300 });
    expect(stack).toHaveNoFindings();
  });

  test('an error the rules find fails with rule id and construct path', () => {
    const stack = newStack();
    new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: [{ priority: 10, exchange: 'mx1.example.net' }, { priority: 20, exchange: 'mx2.example.net' }] });
    new DnsRecord(stack, 'ip-mx', { zoneId: 'z1', name: 'example.com', type: 'MX', content: '192.0.2.1', priority: 30, ttl: 300 });
    expect(stack).not.toHaveNoFindings({ severity: 'error' });
    expect(() => expect(stack).toHaveNoFindings({ severity: 'error' })).toThrow(/error \[mx-target-ip\] example\.com\. \(stack\/ip-mx\)/);
  });

  test('only constructs are accepted', () => {
    expect(() => expect('cdktf.out').toHaveNoFindings()).toThrow('toHaveNoFindings() needs a stack or a construct in one');
  });
});
