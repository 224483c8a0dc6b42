import { RULES } from '../../lib/hosts';
import { runRules } from '../../lib/rules/engine';
import { Rule } from '../../lib/rules/rule';
import { ZoneIndex } from '../../lib/rules/zone-index';
import { zoneOf } from './cases';

const brokenZone = () => zoneOf([['@', 'MX', 'mail.example.com', 10], ['mail', 'CNAME', 'host.example.net']]);

describe('catalogue', () => {
  test('ids are unique, kebab-case, and every rule is documented', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
    }
  });

  // The rule catalogue of the design (shared/DESIGN.md), id and default severity: public API.
  const DESIGN_CATALOGUE: Array<[string, string]> = [
    ['mx-priority-range', 'error'],
    ['mx-target-empty', 'error'],
    ['mx-target-ip', 'error'],
    ['mx-target-syntax', 'error'],
    ['dns-label-length', 'error'],
    ['dns-name-length', 'error'],
    ['mx-target-cname', 'error'],
    ['cname-at-apex', 'error'],
    ['cname-coexists', 'error'],
    ['null-mx-alone', 'error'],
    ['mx-duplicate', 'error'],
    ['spf-multiple', 'error'],
    ['cloudflare-ttl', 'error'],
    ['cloudflare-proxied-mail-host', 'error'],
    ['null-mx-priority', 'warning'],
    ['null-mx-spf', 'warning'],
    ['mx-target-no-address', 'warning'],
    ['mx-single', 'warning'],
    ['mx-priority-gap', 'warning'],
    ['mx-priority-high', 'warning'],
    ['mx-ttl-high', 'warning'],
    ['mx-mixed-vendors', 'warning'],
    ['implicit-mx', 'warning'],
    ['spf-terminator', 'warning'],
    ['dmarc-multiple', 'error'],
    ['dmarc-missing', 'info'],
    ['null-mx-dmarc', 'warning'],
    // Transport security (issue 18).
    ['mta-sts-mx-uncovered', 'error'],
    ['mta-sts-mx-uncovered-testing', 'warning'],
    ['mta-sts-migration', 'error'],
    ['mta-sts-null-mx', 'error'],
    ['mta-sts-record-syntax', 'error'],
    ['mta-sts-multiple', 'error'],
    ['mta-sts-policy-syntax', 'error'],
    ['mta-sts-max-age', 'error'],
    ['mta-sts-without-tls-rpt', 'info'],
    ['tls-rpt-syntax', 'error'],
    ['tls-rpt-multiple', 'error'],
    ['dane-tlsa-usage', 'error'],
    ['dane-partial', 'warning'],
    ['dane-tlsa-stale', 'warning'],
    ['dane-vendor-preconditions', 'error'],
  ];

  test.each(DESIGN_CATALOGUE)('design catalogue rule %s is implemented as %s', (id, severity) => {
    expect(RULES.find((r) => r.id === id)?.severity).toBe(severity);
  });
});

describe('runRules', () => {
  test('reports a finding with rule, severity, FQDN name and message', () => {
    const { findings } = runRules(brokenZone());
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'mx-target-cname', severity: 'error', name: 'example.com.' }));
  });

  test('severity overrides and off', () => {
    const lowered = runRules(brokenZone(), { rules: { 'mx-target-cname': 'warning', 'mx-single': 'off' } }).findings;
    expect(lowered.find((f) => f.rule === 'mx-target-cname')?.severity).toBe('warning');
    expect(lowered.some((f) => f.rule === 'mx-single')).toBe(false);
  });

  test('suppressions by id and name; unused ones are returned, off rules\' are not', () => {
    const suppressions = [
      { id: 'mx-target-cname', reason: 'the CNAME is flattened by our DNS host', name: '@' },
      { id: 'mx-single', reason: 'single relay on purpose here', name: 'other' },
      { id: 'dmarc-missing', reason: 'DMARC is published by another team', name: '@' },
    ];
    const result = runRules(brokenZone(), { suppressions, rules: { 'dmarc-missing': 'off' } });
    expect(result.findings.some((f) => f.rule === 'mx-target-cname')).toBe(false);
    expect(result.suppressed.map((s) => s.finding.rule)).toEqual(['mx-target-cname']);
    expect(result.unusedSuppressions.map((s) => s.id)).toEqual(['mx-single']);
  });

  test('a path suppression matches the record at fault or a related record (the CNAME\'s construct)', () => {
    const zone = zoneOf([
      { name: '@', type: 'MX', value: 'mail.example.com', priority: 10, origin: { path: 'stack/mail' } },
      { name: 'mail', type: 'CNAME', value: 'host.example.net', origin: { path: 'stack/alias' } },
    ]);
    const byCname = runRules(zone, { suppressions: [{ id: 'mx-target-cname', reason: 'alias flattened by the provider', path: 'stack/alias' }] });
    expect(byCname.findings.some((f) => f.rule === 'mx-target-cname')).toBe(false);
    const elsewhere = runRules(zone, { suppressions: [{ id: 'mx-target-cname', reason: 'alias flattened by the provider', path: 'stack/other' }] });
    expect(elsewhere.findings.find((f) => f.rule === 'mx-target-cname')?.path).toBe('stack/mail');
    expect(elsewhere.unusedSuppressions).toHaveLength(1);
  });

  test('every rule of a run shares one zone index, and the run lets it go (the next run builds its own)', () => {
    const seen: ZoneIndex[] = [];
    const probe = (id: string): Rule => ({ id, severity: 'info', summary: 's', why: 'w', fix: 'f', check: ({ zone }) => { seen.push(ZoneIndex.of(zone)); return []; } });
    const zone = brokenZone();
    runRules(zone, {}, [probe('probe-one'), probe('probe-two')]);
    runRules(zone, {}, [probe('probe-one')]);
    expect(seen).toHaveLength(3);
    expect(seen[1]).toBe(seen[0]);
    // A WeakMap keyed by the zone kept each index alive past its run; V8 then promoted every
    // zone's index to old space during synth's validation (bench: ~40 MiB at 10,000 zones).
    expect(seen[2]).not.toBe(seen[0]);
    expect(seen[2].zone).toBe(zone);
  });

  test('a rule that throws becomes an internal-error finding and the other rules still run', () => {
    const broken: Rule = { id: 'broken-rule', severity: 'error', summary: 's', why: 'w', fix: 'f', check: () => { throw new Error('boom'); } };
    const { findings } = runRules(brokenZone(), {}, [broken, ...RULES]);
    expect(findings[0]).toMatchObject({ rule: 'internal-error', severity: 'error' });
    expect(findings[0].message).toContain('broken-rule failed (boom)');
    expect(findings.some((f) => f.rule === 'mx-target-cname')).toBe(true);
  });
});
