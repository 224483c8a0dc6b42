import { execFile } from 'node:child_process';
import { promises as dns } from 'node:dns';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BindServer, startBind } from '../real-dns/bind';
import { PROVIDER_MIRROR, providerPin } from '../real-dns/providers';
import { cliConfig } from '../real-dns/terraform';
import { describeWithTools } from '../real-dns/tools';

/*
 * The pipeline recipe for real: examples/pipeline/pipeline.sh (cdktf synth → lint → jest
 * snapshot tests → terraform plan -out → plan-check → apply the checked plan → verify) against
 * a BIND primary on loopback, with hashicorp/dns 3.6.1 from the filesystem mirror. Run by
 * .ci/run (`npm run test:pipeline`); `npm test` leaves it out (it runs cdktf synth three times).
 */

const ROOT = resolve(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'pipeline');
const ZONE = 'pipeline.test';

interface Run {
  readonly code: number;
  readonly output: string;
}

describeWithTools(['named', 'tsig-keygen', 'terraform'], 'examples/pipeline/pipeline.sh end to end against BIND', (tools) => {
  let bind: BindServer;
  let work: string;
  let resolver: dns.Resolver;

  /** Run the script in the example project with `env` added; stdout and stderr together. */
  const pipeline = (env: Record<string, string>): Promise<Run> =>
    new Promise((done) => {
      const out = join(work, 'cdktf.out');
      execFile('bash', [join(EXAMPLE, 'pipeline.sh')], {
        cwd: EXAMPLE,
        timeout: 240_000,
        maxBuffer: 16 * 1024 * 1024,
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TF_') && !name.startsWith('DNS_UPDATE_'))),
          ...bind.updateEnv,
          SKIP_INSTALL: '1',
          CDKTF_OUT: out,
          CDKTF_MX: `node ${join(ROOT, 'bin', 'cdktf-mx.js')}`,
          TESTS: `npx jest --ci --config ${join(ROOT, 'jest.config.js')} --roots ${EXAMPLE} ${EXAMPLE}`,
          TERRAFORM: tools.terraform,
          TF_CLI_CONFIG_FILE: join(work, 'terraform.rc'),
          VERIFY_ARGS: `--server ${bind.address} --timeout 1000 --retries 0`,
          MAIL_ZONE: ZONE,
          MAIL_STATE: join(work, 'terraform.tfstate'),
          DNS_PROVIDER_VERSION: providerPin('dns').version,
          ...env,
        },
      }, (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: `${stdout}${stderr}` }));
    });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cdktf-mx-pipeline-'));
    mkdirSync(join(work, 'plugin-cache'));
    writeFileSync(join(work, 'terraform.rc'), cliConfig(join(work, 'plugin-cache'), PROVIDER_MIRROR));
    bind = await startBind(tools, [ZONE]);
    resolver = new dns.Resolver({ timeout: 2000, tries: 2 });
    resolver.setServers([bind.address]);
  });

  afterAll(async () => {
    await bind?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('first run: every step passes, the records are served, verify reads them back', async () => {
    const run = await pipeline({});
    expect(run.output).toContain('== plan-check mail');
    expect(run.output).toContain('No findings');
    expect(run.output).toContain('== done');
    expect(run.code).toBe(0);
    expect((await resolver.resolveMx(ZONE)).sort((a, b) => a.priority - b.priority)).toEqual([{ priority: 10, exchange: `mx1.${ZONE}` }, { priority: 20, exchange: `mx2.${ZONE}` }]);
    expect(run.output).toMatch(/MX\s+ok\s+as declared: 10 mx1\.pipeline\.test\., 20 mx2\.pipeline\.test\./);
    // NullMx on the RFC 2136 zone: the null MX and its SPF and DMARC are served too.
    expect(await resolver.resolveMx(`www.${ZONE}`)).toEqual([{ priority: 0, exchange: '' }]);
    expect(await resolver.resolveTxt(`_dmarc.www.${ZONE}`)).toEqual([['v=DMARC1; p=reject;']]);
  }, 240_000);

  test('a priority change goes through the gate and is applied', async () => {
    const run = await pipeline({ MAIL_BACKUP_PRIORITY: '30' });
    expect(run.code).toBe(0);
    expect((await resolver.resolveMx(ZONE)).map((mx) => mx.priority).sort()).toEqual([10, 30]);
  }, 240_000);

  test('removing the MX: plan-check stops the pipeline (exit 1) before apply, and the MX stay served', async () => {
    const run = await pipeline({ MAIL_BACKUP_PRIORITY: '30', MAIL_MX: 'off', FORMAT: 'github' });
    expect(run.code).toBe(1);
    expect(run.output).toContain(`::error file=`);
    // Findings name the zone they are about (plan-check keys records by zone, issue 19 P2).
    expect(run.output).toContain(`title=plan-mx-removed ${ZONE}.::${ZONE}. (RFC 2136 ${ZONE} via dns) loses every MX: dns_mx_record_set.mx__pipeline_test is deleted`);
    expect(run.output).not.toContain('== apply');
    expect((await resolver.resolveMx(ZONE)).map((mx) => mx.priority).sort()).toEqual([10, 30]);
  }, 240_000);
}, ['dns']);
