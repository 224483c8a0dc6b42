import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZoneFile } from '../../lib/zonefile';
import { describeWithTool } from '../real-dns/tools';
import { bindLoad, ourLoad } from './bind';

/**
 * BIND's own relative output (`named-compilezone -s relative`) starts with `$ORIGIN .`, under
 * which `example.org` IS the absolute name example.org: the zone is the SOA owner, not the root,
 * and an SOA owner without a trailing dot is no Cloudflare-export quirk there.
 */
describe('$ORIGIN . (named-compilezone -s relative)', () => {
  test('an SOA owner written relative to $ORIGIN . is the zone, with no problem', () => {
    const text = ['$ORIGIN .', '$TTL 3600', 'example.org IN SOA ns1.example.org. hostmaster.example.org. 1 2 3 4 5', '  NS ns1.example.org.', '$ORIGIN example.org.', 'ns1 A 192.0.2.1', ''].join('\n');
    const read = readZoneFile(text);
    expect(read.zone).toBe('example.org');
    expect(read.records.map((r) => `${r.name} ${r.type}`)).toEqual(['example.org. SOA', 'example.org. NS', 'ns1.example.org. A']);
    expect(read.problems).toEqual([]);
  });
});

describeWithTool('named-compilezone', 'a zone file named-compilezone -s relative wrote', (compile) => {
  test('is read as the zone it is, record for record as named-checkzone loads it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-relative-'));
    try {
      const out = join(dir, 'relative.zone');
      const fixture = join(__dirname, '..', 'fixtures', 'zone-files', 'corp.example.org.zone');
      const result = spawnSync(compile, ['-k', 'ignore', '-s', 'relative', '-o', out, 'example.org', fixture], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(readFileSync(out, 'utf8')).toMatch(/^\$ORIGIN \.$/m);
      const read = readZoneFile(readFileSync(out, 'utf8'));
      expect({ zone: read.zone, problems: read.problems }).toEqual({ zone: 'example.org', problems: [] });
      expect(ourLoad(out, 'example.org').records).toEqual(bindLoad(out, 'example.org').records);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
