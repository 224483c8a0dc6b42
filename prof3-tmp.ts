import { lintZone } from './lib/lint/lint-zone';
import { Zone } from './lib/dns/zone';
import { runRules } from './lib/rules/engine';
import { ZoneIndex } from './lib/rules/zone-index';
const records: any[] = [];
const n = 100000;
for (let i = 0; records.length < n; i++) {
  const d = `d${i}`;
  records.push({ name: d, type: 'MX', priority: 10, value: `mx1.${d}.example.com` });
  records.push({ name: d, type: 'MX', priority: 20, value: `mx2.host${i % 50}.example.net` });
  records.push({ name: `mx1.${d}`, type: 'A', value: '192.0.2.1' });
  records.push({ name: d, type: 'TXT', value: 'v=spf1 mx include:_spf.example.net -all' });
  records.push({ name: `_dmarc.${d}`, type: 'TXT', value: 'v=DMARC1; p=reject' });
  records.push({ name: `www.${d}`, type: 'CNAME', value: 'web.example.net', proxied: true, ttl: 1 });
  records.push({ name: `g${i}`, type: 'MX', priority: 1, value: 'smtp.google.com' });
  records.push({ name: `p${i}`, type: 'MX', priority: 0, value: '.' });
}
records.length = n;
const conv = records.map((r) => ({ ...r, name: r.name + '.example.com' }));
for (let k = 0; k < 4; k++) {
  let t = process.hrtime.bigint();
  const lap = (l: string) => { const now = process.hrtime.bigint(); process.stdout.write(`${l} ${(Number(now - t) / 1e6).toFixed(0)}  `); t = now; };
  const zone = new Zone('example.com', conv); lap('zone');
  ZoneIndex.of(zone); lap('index');
  runRules(zone); lap('rules');
  lintZone({ zone: 'example.com', records }); lap('lintZone'); console.log();
}
