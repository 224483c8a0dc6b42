import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, Testing, TerraformStack } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MxInputError } from '../lib/dns/errors';

/** A fresh stack with a Cloudflare provider in a test app. */
export function newStack(id = 'stack', app: App = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, id);
  new CloudflareProvider(stack, 'cloudflare', {});
  return stack;
}

/** A synthesized cloudflare_dns_record, as Terraform sees it. */
export interface SynthRecord {
  zone_id: string;
  name: string;
  type: string;
  content: string;
  priority?: number;
  ttl: number;
  comment?: string;
  proxied?: boolean;
  lifecycle?: { create_before_destroy?: boolean };
}

/** The cloudflare_dns_record resources of a stack by Terraform name, validations run (errors throw). */
export function synthRecords(stack: TerraformStack, runValidations = true): Record<string, SynthRecord> {
  const json = JSON.parse(Testing.synth(stack, runValidations)) as { resource?: { cloudflare_dns_record?: Record<string, SynthRecord> } };
  return json.resource?.cloudflare_dns_record ?? {};
}

/** The error message `App.synth()` fails with, as `cdktf synth` prints it. */
export function appSynthError(build: (stack: TerraformStack) => void): string {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-'));
  try {
    const app = new App({ outdir });
    build(newStack('stack', app));
    app.synth();
  } catch (error) {
    return (error as Error).message;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  throw new Error('synth succeeded but was expected to fail');
}

/** Build a stack named `mail` in an App, synthesize it to a temporary directory and hand both to `use`. */
export function withSynth(build: (stack: TerraformStack) => void, use: (stack: TerraformStack, outdir: string) => void): void {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-synth-'));
  try {
    const app = new App({ outdir });
    const stack = newStack('mail', app);
    build(stack);
    app.synth();
    use(stack, outdir);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The MxInputError `make` throws (fails the test when it throws anything else, or nothing). */
export function inputError(make: () => unknown): MxInputError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(MxInputError);
    return error as MxInputError;
  }
  throw new Error('expected an MxInputError, got no error');
}
