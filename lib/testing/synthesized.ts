import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MxInputError } from '../dns/errors';
import { WrittenRecord } from '../dns/record';
import { HOST_READERS } from '../hosts';
import { HostReader } from '../zones/host';
import { synthesizedValidation, SynthesizedValidation } from '../validation/synthesized-validation';
import { METADATA_KEY, MTA_STS_POLICIES_KEY } from '../validation/metadata-key';
import { synthesizedResources } from '../zones/raw-resources';

/** A record resource of any known host as `cdktf synth` wrote it, before its name is resolved against a zone. */
export interface SynthesizedRecord extends WrittenRecord {
  /** Stack the record is in (`cdktf.out/stacks/<stack>`). */
  readonly stack: string;
  /** Terraform address, e.g. `cloudflare_dns_record.mx__example_com__smtp_google_com`. */
  readonly address: string;
  /** Construct path from the synth metadata, when present. */
  readonly path?: string;
  /** Id of the host whose reader read the resource (`cloudflare`, `route53`, …): the zone's host, whose host rules apply. */
  readonly host: string;
}

/**
 * Every DNS record resource of every known host (`cloudflare_dns_record`, …) in synthesized
 * output: a `cdktf.out` directory (all its stacks, or only `stack`), one stack's directory, or a
 * `cdk.tf.json` file. Each host reads its own resource types. Records whose name, type or data
 * are Terraform expressions (known only at apply) are left out, as are `count`/`for_each`
 * records: what they publish cannot be known before apply. Escaped text (`$${`) is read as the
 * literal it stands for.
 */
export function readSynthesizedRecords(path: string, options: { stack?: string } = {}): SynthesizedRecord[] {
  return readSynthesizedStacks(path, options).flatMap((stack) => stack.records);
}

/** One synthesized stack: its record resources (as {@link readSynthesizedRecords}), what synth's validation judged it with, and its MTA-STS policies. */
export interface SynthesizedStack {
  readonly stack: string;
  readonly records: SynthesizedRecord[];
  /** Suppressions and `configureMxValidation` settings from `//.metadata["cdktf-mx"]`. */
  readonly validation: SynthesizedValidation;
  /** The policies its `MtaSts` constructs wrote (as {@link readSynthesizedPolicies}). */
  readonly policies: SynthesizedPolicy[];
}

/** {@link readSynthesizedRecords}, stack by stack, with each stack's validation metadata. */
export function readSynthesizedStacks(path: string, options: { stack?: string } = {}): SynthesizedStack[] {
  const files = stackFiles(path).filter((file) => options.stack === undefined || file.stack === options.stack);
  if (files.length === 0) {
    const which = options.stack === undefined ? 'no synthesized stacks' : `no stack "${options.stack}"`;
    throw new MxInputError('path', `${which} in ${path}; give a cdktf.out directory (run \`cdktf synth\` first), a stack directory or a cdk.tf.json file.`);
  }
  return files.map(({ stack, file }) => {
    const json = readJson(file);
    return { stack, records: recordsOfStack(stack, json), validation: synthesizedValidation(json), policies: policiesOfStack(stack, json) };
  });
}

/** An MTA-STS policy an `MtaSts` construct wrote into a stack's `//.metadata` at synth. */
export interface SynthesizedPolicy {
  readonly stack: string;
  /** The zone identity as the stack's record resources write it. */
  readonly zoneId: string;
  /** Id of the zone's host. */
  readonly host: string;
  /** The policy domain. */
  readonly name: string;
  readonly text: string;
  /** Construct path of the `MtaSts`. */
  readonly path: string;
}

/**
 * The MTA-STS policies in synthesized output (`//.metadata["cdktf-mx"].mtaStsPolicies`, written by
 * each `MtaSts`): the policy file is not in DNS, so lint of the output reads it from there.
 * Entries of an unexpected shape are left out.
 */
export function readSynthesizedPolicies(path: string, options: { stack?: string } = {}): SynthesizedPolicy[] {
  return stackFiles(path)
    .filter((f) => options.stack === undefined || f.stack === options.stack)
    .flatMap(({ stack, file }) => policiesOfStack(stack, readJson(file)));
}

/** The MTA-STS policies in one stack's parsed cdk.tf.json; entries of an unexpected shape are left out. */
export function policiesOfStack(stack: string, parsed: unknown): SynthesizedPolicy[] {
  const json = parsed as { '//'?: { metadata?: Record<string, { [MTA_STS_POLICIES_KEY]?: unknown } | undefined> } } | null;
  const entries = json?.['//']?.metadata?.[METADATA_KEY]?.[MTA_STS_POLICIES_KEY];
  if (entries === null || typeof entries !== 'object') return [];
  const policies: SynthesizedPolicy[] = [];
  for (const [constructPath, entry] of Object.entries(entries as Record<string, unknown>)) {
    const { zoneId, host, name, text } = (entry ?? {}) as Record<string, unknown>;
    if (typeof zoneId === 'string' && typeof host === 'string' && typeof name === 'string' && typeof text === 'string') policies.push({ stack, zoneId, host, name, text, path: constructPath });
  }
  return policies;
}

function stackFiles(path: string): Array<{ stack: string; file: string }> {
  if (!existsSync(path)) throw new MxInputError('path', `${path} does not exist; run \`cdktf synth\` first or give the path of its output.`);
  if (statSync(path).isFile()) return [{ stack: basename(dirname(path)), file: path }];
  const manifest = join(path, 'manifest.json');
  if (existsSync(manifest)) {
    const stacks = (readJson(manifest) as { stacks?: Record<string, { synthesizedStackPath?: string }> } | null)?.stacks ?? {};
    return Object.entries(stacks)
      .filter(([, stack]) => typeof stack.synthesizedStackPath === 'string')
      .map(([name, stack]) => ({ stack: name, file: join(path, stack.synthesizedStackPath!) }))
      .sort((a, b) => (a.stack < b.stack ? -1 : a.stack > b.stack ? 1 : 0));
  }
  if (existsSync(join(path, 'cdk.tf.json'))) return [{ stack: basename(path), file: join(path, 'cdk.tf.json') }];
  const stacksDir = join(path, 'stacks');
  if (!existsSync(stacksDir)) return [];
  return readdirSync(stacksDir)
    .sort()
    .filter((name) => existsSync(join(stacksDir, name, 'cdk.tf.json')))
    .map((name) => ({ stack: name, file: join(stacksDir, name, 'cdk.tf.json') }));
}

function recordsOfStack(stack: string, json: unknown, hosts: readonly HostReader[] = HOST_READERS): SynthesizedRecord[] {
  const byType = new Map<string, HostReader>();
  for (const host of hosts) for (const type of host.recordTypes) byType.set(type, host);
  const { records: resources } = synthesizedResources(json, { recordTypes: new Set(byType.keys()), zoneTypes: new Set() });
  const records: SynthesizedRecord[] = [];
  for (const resource of resources) {
    const host = byType.get(resource.type)!;
    for (const record of host.readRecords(resource)) {
      records.push({ stack, address: resource.address, ...(resource.path !== undefined ? { path: resource.path } : {}), host: host.id, ...record });
    }
  }
  return records;
}

/** A JSON file's content, or an error naming the file. */
function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MxInputError('path', `cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MxInputError('path', `${file} is not valid JSON (${(error as Error).message}); run \`cdktf synth\` again to rewrite it.`);
  }
}
