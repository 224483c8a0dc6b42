/**
 * Reading one large zone file, in its own process (one measurement per process, so peak RSS is that mode's own):
 *   node --expose-gc bench/zonefile-worker.js write <records> <file>        write the zone file
 *   node --expose-gc bench/zonefile-worker.js <mode> <file> <out.json>     measure one mode
 * Modes: `stream` reads the file with readZoneFileStream, counting records (nothing kept);
 * `lint` is `cdktf-mx lint`'s path: the whole text in memory, lintZoneFile (read, every rule).
 */
import { createReadStream, createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { lintZoneFile } from '../lib/lint/zone-file';
import { readZoneFileStream } from '../lib/zonefile';
import { now, peakRssMiB, round, since } from './stats';

export interface ZoneFileResult {
  readonly mode: 'stream' | 'lint';
  readonly records: number;
  readonly megabytes: number;
  readonly ms: number;
  readonly problems: number;
  readonly findings?: number;
  readonly peakRssMiB: number;
}

/**
 * A zone file of `count` records, as a large hosting estate writes it: per sub-domain
 * two MX to in-zone hosts with A/AAAA, SPF, DMARC, a web A and two CNAMEs, a DKIM key in
 * two strings; owners relative, inherited owners, TTL units, a comment per group.
 */
async function writeZone(count: number, file: string): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('$ORIGIN big.example.\n$TTL 1h\n@ IN SOA ns1 hostmaster ( 2026113001 2h 30m 2w 5m )\n@ IN NS ns1\nns1 IN A 192.0.2.53\n');
  const key = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0/Vp5A+SGFByRjnwWvENkjCyIAi2YLQtEv8E5lkCO/yDJN9POEqd25KizXgYISpYqDHIm9r';
  let written = 3;
  for (let k = 0; written < count; k++) {
    const sub = `s${k}`;
    const group = [
      `; customer ${k}\n`,
      `${sub} 300 IN MX 10 mx1.${sub}\n`,
      `     IN 300 MX 20 mx2.${sub}\n`,
      `     IN TXT "v=spf1 mx -all"\n`,
      `     IN A 203.0.113.${k % 250}\n`,
      `mx1.${sub} IN A 192.0.2.${k % 250}\n`,
      `         IN AAAA 2001:db8::${(k % 65535).toString(16)}\n`,
      `mx2.${sub} 1d IN A 198.51.100.${k % 250}\n`,
      `_dmarc.${sub} IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@${sub}.big.example"\n`,
      `www.${sub} IN CNAME ${sub}\n`,
      `mail._domainkey.${sub} IN TXT ( "v=DKIM1; k=rsa; "\n    "p=${key}" )\n`,
    ];
    const take = Math.min(group.length - 1, count - written);
    await write(group.slice(0, take + 1).join(''));
    written += take;
  }
  out.end();
  await once(out, 'finish');
}

async function measure(mode: 'stream' | 'lint', file: string): Promise<ZoneFileResult> {
  const megabytes = round(statSync(file).size / 2 ** 20);
  const start = now();
  if (mode === 'stream') {
    let records = 0;
    const result = await readZoneFileStream(createReadStream(file, { highWaterMark: 1 << 20 }), { file }, () => records++);
    return { mode, records, megabytes, ms: round(since(start)), problems: result.problems.length, peakRssMiB: peakRssMiB() };
  }
  const result = lintZoneFile(readFileSync(file, 'utf8'), { file });
  return { mode, records: result.records, megabytes, ms: round(since(start)), problems: result.problems.length, findings: result.findings.length, peakRssMiB: peakRssMiB() };
}

if (require.main === module) {
  const [mode, a, b] = process.argv.slice(2);
  if (mode === 'write' && a && b) void writeZone(Number(a), b);
  else if ((mode === 'stream' || mode === 'lint') && a && b) void measure(mode, a).then((r) => writeFileSync(b, JSON.stringify(r)));
  else throw new Error('usage: zonefile-worker.js write <records> <file> | stream|lint <file> <out.json>');
}
