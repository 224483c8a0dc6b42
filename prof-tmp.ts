import { lintZone } from './lib/lint/lint-zone';
import { RULES } from './lib/rules/catalogue';
import { Zone } from './lib/dns/zone';
import { runRules } from './lib/rules/engine';
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
lintZone({ zone: 'example.com', records: records.slice(0, 1000) });
let t = process.hrtime.bigint();
const lap = (l: string) => { const now = process.hrtime.bigint(); console.log(l.padEnd(32), (Number(now - t) / 1e6).toFixed(1)); t = now; };
// emulate input conversion
const conv = records.map((r) => ({ ...r, name: r.name + '.example.com' }));
lap('copy');
const zone = new Zone('example.com', conv); lap('zone');
for (const rule of RULES) { [...rule.check({ zone, settings: { minPriorityGap: 5 } })]; lap(rule.id); }
lintZone({ zone: 'example.com', records }); lap('lintZone total');
