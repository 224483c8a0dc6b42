import { spawnSync } from 'node:child_process';
import { promises as dns } from 'node:dns';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOOPBACK, onFreePort, spawnServer } from './server-process';

/** A TSIG key as `tsig-keygen` makes it; the secret is base64 and must stay out of files we keep. */
export interface TsigKey {
  /** Key name, fully qualified (`deploy-test.`). */
  readonly name: string;
  /** `hmac-sha256`. */
  readonly algorithm: string;
  readonly secret: string;
}

/** A running BIND `named` on the loopback address with dynamic-update primary zones. */
export interface BindServer {
  /** `127.0.0.1:<port>`, as `setServers` and `cdktf-mx verify --server` take it. */
  readonly address: string;
  readonly port: number;
  /** The key every zone accepts signed RFC 2136 updates from. */
  readonly key: TsigKey;
  /** named's own temporary directory: config, zone files and their `.jnl` journals. Removed by `stop()`. */
  readonly dir: string;
  /** named's process id while it runs. */
  readonly pid: number;
  /**
   * The environment hashicorp/dns reads its `update` settings from when the provider block
   * has none (DNS_UPDATE_SERVER, _PORT, _KEYNAME, _KEYALGORITHM, _KEYSECRET): the secret
   * reaches terraform this way only, never through cdk.tf.json.
   */
  readonly updateEnv: Readonly<Record<string, string>>;
  /** What named logged so far, for failure messages. */
  log(): string;
  /** Stop named (TERM, then KILL) and remove its directory (config, zones, journals). */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 15_000;
const KEY_NAME = 'cdktf-mx-deploy-test.';

/**
 * Make a TSIG key with `tsig-keygen -a hmac-sha256` (BIND's own tool, so named reads it
 * exactly as written).
 */
export function tsigKeygen(tsigKeygenPath: string, name = KEY_NAME): TsigKey {
  const result = spawnSync(tsigKeygenPath, ['-a', 'hmac-sha256', name], { encoding: 'utf8', timeout: 10_000 });
  if (result.error) throw result.error;
  const algorithm = /algorithm\s+([\w-]+);/.exec(result.stdout)?.[1];
  const secret = /secret\s+"([^"]+)";/.exec(result.stdout)?.[1];
  if (result.status !== 0 || !algorithm || !secret) throw new Error(`tsig-keygen failed (${result.status}): ${result.stderr}`);
  return { name, algorithm, secret };
}

/**
 * The zone file a fresh primary starts from: SOA and NS only (the NS host's address is
 * in the zone, as named requires), so everything else in it came through updates.
 */
export function emptyZone(apex: string): string {
  const origin = `${apex.replace(/\.$/, '')}.`;
  return [
    `$ORIGIN ${origin}`,
    '$TTL 300',
    `@ IN SOA ns1.${origin} hostmaster.${origin} 1 3600 600 86400 60`,
    `@ IN NS ns1.${origin}`,
    `ns1 IN A ${LOOPBACK}`,
    '',
  ].join('\n');
}

/**
 * Start `named -g` (foreground, logging to stderr) with a configuration of its own in a
 * temporary directory (no system config, no rndc controls, no recursion), serving each of
 * `zones` as a primary that takes updates signed with a fresh TSIG key and lets the
 * loopback transfer it (AXFR shows exactly what the zone holds). Resolves once every
 * zone is loaded and answers an SOA query.
 */
export function startBind(paths: { named: string; 'tsig-keygen': string }, zones: readonly string[]): Promise<BindServer> {
  const key = tsigKeygen(paths['tsig-keygen']);
  return onFreePort(/address in use|could not listen/i, (port) => launch(paths.named, key, zones, port));
}

async function launch(named: string, key: TsigKey, zones: readonly string[], port: number): Promise<BindServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-bind-'));
  const apexes = zones.map((zone) => zone.replace(/\.$/, '').toLowerCase());
  const zoneConfig = apexes.flatMap((apex) => {
    const file = join(dir, `${apex}.zone`);
    writeFileSync(file, emptyZone(apex));
    return [
      `zone "${apex}" {`,
      '  type primary;',
      `  file "${file}";`,
      `  journal "${file}.jnl";`,
      `  allow-update { key "${key.name}"; };`,
      '};',
    ];
  });
  const config = join(dir, 'named.conf');
  writeFileSync(config, [
    'options {',
    `  directory "${dir}";`,
    `  pid-file "${join(dir, 'named.pid')}";`,
    '  lock-file none;',
    `  session-keyfile "${join(dir, 'session.key')}";`,
    `  managed-keys-directory "${dir}";`,
    `  listen-on port ${port} { ${LOOPBACK}; };`,
    '  listen-on-v6 { none; };',
    '  recursion no;',
    '  dnssec-validation no;',
    '  notify no;',
    `  allow-query { ${LOOPBACK}; };`,
    `  allow-transfer { ${LOOPBACK}; };`,
    '};',
    'controls { };',
    `key "${key.name}" {`,
    `  algorithm ${key.algorithm};`,
    `  secret "${key.secret}";`,
    '};',
    ...zoneConfig,
    '',
  ].join('\n'));

  // -g: foreground, all logging to stderr; -4: IPv4 only; -n 1: one worker (shared cores).
  const server = spawnServer(named, ['-g', '-4', '-n', '1', '-c', config], () => rmSync(dir, { recursive: true, force: true }));
  try {
    await server.until('load its zones and start', READY_TIMEOUT_MS, (log) => {
      if (/address in use|could not listen on/i.test(log)) return new Error(`named cannot listen on ${LOOPBACK}#${port}:\n${log}`);
      const failed = apexes.find((apex) => new RegExp(`zone ${apex.replace(/\./g, '\\.')}/IN: (not loaded|loading from master file .* failed)`, 'i').test(log));
      if (failed) return new Error(`named refused zone ${failed}:\n${log}`);
      return /^.*running$/m.test(log);
    });
    const resolver = new dns.Resolver({ timeout: 2000, tries: 2 });
    resolver.setServers([`${LOOPBACK}:${port}`]);
    for (const apex of apexes) await resolver.resolveSoa(apex);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    address: `${LOOPBACK}:${port}`,
    port,
    key,
    dir,
    pid: server.child.pid!,
    updateEnv: {
      DNS_UPDATE_SERVER: LOOPBACK,
      DNS_UPDATE_PORT: String(port),
      DNS_UPDATE_KEYNAME: key.name,
      DNS_UPDATE_KEYALGORITHM: key.algorithm,
      DNS_UPDATE_KEYSECRET: key.secret,
    },
    log: server.log,
    stop: server.stop,
  };
}
