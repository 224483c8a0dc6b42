import { spawnSync } from 'node:child_process';
import { promises as dns } from 'node:dns';
import { existsSync, readdirSync } from 'node:fs';
import { BindServer, startBind } from './bind';
import { cliConfig } from './terraform';
import { describeWithTools } from './tools';

/** Send one RFC 2136 update with BIND's nsupdate; `key` signs it (`hmac-sha256:name:secret`). */
function nsupdate(path: string, server: BindServer, commands: string[], key?: string): { status: number | null; output: string } {
  const args = key ? ['-y', key] : [];
  const result = spawnSync(path, args, { input: [`server 127.0.0.1 ${server.port}`, ...commands, 'send', ''].join('\n'), encoding: 'utf8', timeout: 10_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describeWithTools(['named', 'tsig-keygen', 'nsupdate'], 'test harness: BIND named for RFC 2136 updates', (tools) => {
  let bind: BindServer;
  beforeAll(async () => {
    bind = await startBind(tools, ['harness.test', 'second.test.']);
  });
  afterAll(async () => {
    await bind?.stop();
  });

  test('every zone is served with its SOA and NS', async () => {
    const resolver = new dns.Resolver({ timeout: 2000, tries: 2 });
    resolver.setServers([bind.address]);
    expect((await resolver.resolveSoa('harness.test.')).nsname).toBe('ns1.harness.test');
    expect(await resolver.resolveNs('second.test.')).toEqual(['ns1.second.test']);
  });

  test('updates are refused unsigned and with a wrong key, applied when signed with the zone key', async () => {
    const add = ['zone harness.test', 'update add signed.harness.test. 60 MX 0 .'];
    expect(nsupdate(tools.nsupdate, bind, add)).toMatchObject({ status: 2, output: expect.stringMatching(/REFUSED/) });
    const wrong = `${bind.key.algorithm}:${bind.key.name}:${Buffer.alloc(32, 1).toString('base64')}`;
    expect(nsupdate(tools.nsupdate, bind, add, wrong).status).not.toBe(0);
    const resolver = new dns.Resolver({ timeout: 2000, tries: 2 });
    resolver.setServers([bind.address]);
    await expect(resolver.resolveMx('signed.harness.test.')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(nsupdate(tools.nsupdate, bind, add, `${bind.key.algorithm}:${bind.key.name}:${bind.key.secret}`)).toEqual({ status: 0, output: '' });
    expect(await resolver.resolveMx('signed.harness.test.')).toEqual([{ priority: 0, exchange: '' }]);
    // The update went to the zone's journal in named's own directory.
    expect(readdirSync(bind.dir)).toContain('harness.test.zone.jnl');
  });

  test('the key comes from tsig-keygen and reaches terraform only as DNS_UPDATE_* variables', () => {
    expect(bind.key).toMatchObject({ name: 'cdktf-mx-deploy-test.', algorithm: 'hmac-sha256' });
    expect(Buffer.from(bind.key.secret, 'base64')).toHaveLength(32);
    expect(bind.updateEnv).toEqual({
      DNS_UPDATE_SERVER: '127.0.0.1',
      DNS_UPDATE_PORT: String(bind.port),
      DNS_UPDATE_KEYNAME: bind.key.name,
      DNS_UPDATE_KEYALGORITHM: 'hmac-sha256',
      DNS_UPDATE_KEYSECRET: bind.key.secret,
    });
  });

  test('stop() ends named and removes its directory', async () => {
    const other = await startBind(tools, ['stop.test']);
    expect(existsSync(other.dir)).toBe(true);
    await other.stop();
    expect(existsSync(other.dir)).toBe(false);
    expect(() => process.kill(other.pid, 0)).toThrow(/ESRCH/);
  });

  test('a configuration named refuses is reported with its log', async () => {
    await expect(startBind(tools, ['bad..name'])).rejects.toThrow(/named exited \(1\) before it could load its zones[\s\S]*bad\.\.name/);
  });
});

describe('terraform CLI config for the deploy tests', () => {
  test('with the mirror: the installed providers from that absolute path, never downloaded, cache in the temp dir', () => {
    const config = cliConfig('/tmp/x/plugin-cache', 'mirror-dir', ['registry.terraform.io/hashicorp/dns']);
    expect(config.startsWith('plugin_cache_dir = "/tmp/x/plugin-cache"\n')).toBe(true);
    const mirror = /filesystem_mirror \{\s*path\s*= "([^"]+)"\s*include = \["registry\.terraform\.io\/hashicorp\/dns"\]\s*\}/.exec(config);
    expect(mirror?.[1]).toBe(`${process.cwd()}/mirror-dir`);
    expect(config).toMatch(/direct \{\s*exclude = \["registry\.terraform\.io\/hashicorp\/dns"\]\s*\}/);
  });

  test('two providers in the mirror: both named in include and excluded from download', () => {
    const config = cliConfig('/tmp/x/plugin-cache', '/m', ['registry.terraform.io/hashicorp/dns', 'registry.terraform.io/cloudflare/cloudflare']);
    expect(config).toContain('include = ["registry.terraform.io/hashicorp/dns", "registry.terraform.io/cloudflare/cloudflare"]');
    expect(config).toContain('exclude = ["registry.terraform.io/hashicorp/dns", "registry.terraform.io/cloudflare/cloudflare"]');
  });

  test('without the mirror, or with nothing installed in it: no installation block, cache still in the temp dir', () => {
    expect(cliConfig('/tmp/x/plugin-cache', undefined)).toBe('plugin_cache_dir = "/tmp/x/plugin-cache"\n');
    expect(cliConfig('/tmp/x/plugin-cache', '/m', [])).toBe('plugin_cache_dir = "/tmp/x/plugin-cache"\n');
  });
});
