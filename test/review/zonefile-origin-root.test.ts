import { readZoneFile } from '../../lib/zonefile';

/**
 * Review defect: BIND's own relative output (`named-compilezone -s relative`) starts with
 * `$ORIGIN .`, under which `example.org` IS the absolute name example.org. The reader still
 * warns that the SOA owner "has no trailing dot ... (BIND would read example.org.)", a false
 * `zone-file-reading` warning on a file BIND wrote; and without `--zone` the zone is taken to
 * be the root (the first `$ORIGIN`), so `cdktf-mx lint relative.zone` checks nothing and prints
 * `zone-invalid: zone must be a domain name such as "example.com", not "."` (exit 1).
 * Reproduction: `named-compilezone -s relative -o relative.zone example.org
 * test/fixtures/zone-files/corp.example.org.zone && cdktf-mx lint relative.zone`.
 */
describe('review: $ORIGIN . (named-compilezone -s relative)', () => {
  test('DEFECT zonefile-origin-root: an SOA owner written relative to $ORIGIN . is not a Cloudflare-export quirk', () => {
    const text = ['$ORIGIN .', '$TTL 3600', 'example.org IN SOA ns1.example.org. hostmaster.example.org. 1 2 3 4 5', '  NS ns1.example.org.', '$ORIGIN example.org.', 'ns1 A 192.0.2.1', ''].join('\n');
    const read = readZoneFile(text);
    expect(read.zone).toBe('example.org');
    expect(read.records.map((r) => `${r.name} ${r.type}`)).toEqual(['example.org. SOA', 'example.org. NS', 'ns1.example.org. A']);
    expect(read.problems).toEqual([]);
  });
});
