/**
 * Cold import of one module in a fresh process: `node bench/import-probe.js <module>`.
 * Prints { ms, modules, providerRoot } as JSON: wall time of the `require`, how many
 * modules it loaded, and whether the provider's package root (560 modules) came with it.
 */
import { performance } from 'node:perf_hooks';

const target = process.argv[2];
if (!target) throw new Error('usage: import-probe.js <module or path>');
const before = Object.keys(require.cache).length;
const start = performance.now();
require(target);
const ms = performance.now() - start;
const loaded = Object.keys(require.cache);
const providerRoot = loaded.some((file) => /@cdktf[\\/]provider-cloudflare[\\/]lib[\\/]index\.js$/.test(file));
process.stdout.write(JSON.stringify({ ms, modules: loaded.length - before, providerRoot }));
