import { readZoneFile } from '../../lib/zonefile';

/**
 * The reader keeps the RRsets it has read in chunks of 8,192: RRsets found again far down a
 * large file (a duplicate record, another TTL, a third record) must be found in any chunk.
 */
describe('RRsets of a large zone file, found again across the reader\'s chunks', () => {
  const owners = 20_000;
  const lines = ['$ORIGIN big.example.', '$TTL 3600', '@ IN SOA ns1 hostmaster 1 2h 30m 2w 5m', '@ IN NS ns1', 'ns1 IN A 192.0.2.53'];
  for (let k = 0; k < owners; k++) lines.push(`d${k} IN MX 10 mx1`, `   IN TXT "one ${k}"`);
  // Far below their sets: an identical MX (chunk 0), another TTL (a later chunk), a second and third TXT string set.
  lines.push('d1 IN MX 10 mx1', 'd15000 300 IN MX 20 mx2', 'd19999 IN TXT "two"', 'd19999 IN TXT "three"', 'd19999 IN TXT "two"');
  const read = readZoneFile(`${lines.join('\n')}\n`);

  it('loads an identical record once, wherever its set was read', () => {
    const d1 = read.records.filter((r) => r.name === 'd1.big.example.' && r.type === 'MX');
    expect(d1).toHaveLength(1);
    const txt = read.records.filter((r) => r.name === 'd19999.big.example.' && r.type === 'TXT').map((r) => r.value);
    expect(txt).toEqual(['one 19999', 'two', 'three']);
    expect(read.problems.filter((p) => /written further up/.test(p.message)).map((p) => p.name)).toEqual(['d1.big.example.', 'd19999.big.example.']);
  });

  it('gives a set read again with another TTL that TTL, as BIND does', () => {
    const retimed = read.problems.filter((p) => /differs from/.test(p.message));
    expect(retimed.map((p) => p.message)).toEqual(['TTL 300 differs from 3600 of the MX records at d15000.big.example. further up; an RRset has one TTL (RFC 2181 §5.2), and BIND gives them all 300, the later one']);
    expect(read.records).toHaveLength(3 + owners * 2 + 1 + 2);
  });
});
