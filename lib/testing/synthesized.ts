import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fromCloudflareTxt } from '../cloudflare/txt';
import { MxInputError } from '../dns/errors';
import { WrittenRecord } from '../dns/record';

/** A `cloudflare_dns_record` as `cdktf synth` wrote it, before its name is resolved against a zone. */
export interface SynthesizedRecord extends WrittenRecord {
  /** Stack the record is in (`cdktf.out/stacks/<stack>`). */
  readonly stack: string;
  /** Terraform address, e.g. `cloudflare_dns_record.mx__example_com__smtp_google_com`. */
  readonly address: string;
  /** Construct path from the synth metadata, when present. */
  readonly path?: string;
}

interface RawRecord {
  readonly '//'?: { metadata?: { path?: string } };
  readonly zone_id?: unknown;
  readonly name?: unknown;
  readonly type?: unknown;
  readonly content?: unknown;
  readonly data?: { target?: unknown; priority?: unknown } | unknown;
  readonly priority?: unknown;
  readonly ttl?: unknown;
  readonly proxied?: unknown;
  readonly count?: unknown;
  readonly for_each?: unknown;
}

/**
 * Every `cloudflare_dns_record` in synthesized output: a `cdktf.out` directory (all its
 * stacks, or only `stack`), one stack's directory, or a `cdk.tf.json` file. Records whose
 * name, type or data are Terraform expressions (known only at apply) are left out, as are
 * `count`/`for_each` records: what they publish cannot be known before apply.
 */
export function readSynthesizedRecords(path: string, options: { stack?: string } = {}): SynthesizedRecord[] {
  const files = stackFiles(path).filter((file) => options.stack === undefined || file.stack === options.stack);
  if (files.length === 0) {
    const which = options.stack === undefined ? 'no synthesized stacks' : `no stack "${options.stack}"`;
    throw new MxInputError('path', `${which} in ${path}; give a cdktf.out directory (run \`cdktf synth\` first), a stack directory or a cdk.tf.json file.`);
  }
  return files.flatMap(({ stack, file }) => recordsOfStack(stack, file));
}

function stackFiles(path: string): Array<{ stack: string; file: string }> {
  if (!existsSync(path)) throw new MxInputError('path', `${path} does not exist; run \`cdktf synth\` first or give the path of its output.`);
  if (statSync(path).isFile()) return [{ stack: basename(dirname(path)), file: path }];
  const manifest = join(path, 'manifest.json');
  if (existsSync(manifest)) {
    const stacks = (JSON.parse(readFileSync(manifest, 'utf8')) as { stacks?: Record<string, { synthesizedStackPath?: string }> }).stacks ?? {};
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

function recordsOfStack(stack: string, file: string): SynthesizedRecord[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { resource?: { cloudflare_dns_record?: Record<string, RawRecord> } };
  const records: SynthesizedRecord[] = [];
  for (const [id, raw] of Object.entries(json.resource?.cloudflare_dns_record ?? {})) {
    if (raw.count !== undefined || raw.for_each !== undefined) continue;
    const data = typeof raw.data === 'object' && raw.data !== null ? (raw.data as { target?: unknown; priority?: unknown }) : {};
    const content = literal(raw.content) ?? literal(data.target);
    const name = literal(raw.name);
    const type = literal(raw.type)?.toUpperCase();
    if (typeof raw.zone_id !== 'string' || name === undefined || type === undefined || content === undefined) continue;
    const priority = raw.priority ?? data.priority;
    records.push({
      stack,
      address: `cloudflare_dns_record.${id}`,
      ...(typeof raw['//']?.metadata?.path === 'string' ? { path: raw['//'].metadata.path } : {}),
      zoneId: raw.zone_id,
      name,
      type,
      value: type === 'TXT' ? fromCloudflareTxt(content) : content,
      ...(typeof priority === 'number' ? { priority } : {}),
      ...(typeof raw.ttl === 'number' ? { ttl: raw.ttl } : {}),
      ...(typeof raw.proxied === 'boolean' ? { proxied: raw.proxied } : {}),
    });
  }
  return records;
}

/** A string known at synth; undefined for Terraform expressions (`${…}`) and non-strings. */
function literal(value: unknown): string | undefined {
  return typeof value === 'string' && !value.includes('${') ? value : undefined;
}
