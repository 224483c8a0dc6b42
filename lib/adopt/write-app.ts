import { recordLogicalId } from '../cloudflare/logical-id';
import { toCloudflareTxt } from '../cloudflare/txt';
import { fqdn } from '../dns/names';
import { RULES_BY_ID } from '../hosts';
import { Finding } from '../rules/engine';
import { formatFinding } from './findings';
import { LiveRecord, LiveZone } from './live-zone';
import { AdoptedUnit, VendorUnit } from './recognise';

/** Options of {@link writeApp}. */
export interface WriteAppOptions {
  /** The zone as read (domain, Cloudflare zone id when known, source). */
  readonly zone: Pick<LiveZone, 'domain' | 'zoneId' | 'source'>;
  /** The mail records as constructs and raw records (see `recogniseMail`). */
  readonly units: readonly AdoptedUnit[];
  /** Findings of the live zone; each is written as a comment above the code it concerns. */
  readonly findings?: readonly Finding[];
  /** `app` (default): a complete cdktf app; `construct`: one construct class to paste into a stack. */
  readonly mode?: 'app' | 'construct';
  /** Where the constructs are imported from. Default `cdktf-mx`. */
  readonly moduleSpecifier?: string;
  /** The command that wrote the file, for its header. */
  readonly command?: string;
}

/** A construct a vendor unit can be written as, with its props beyond the zone props; undefined when the unit needs `VendorMx`. */
type NamedConstruct = { readonly name: string; readonly props: (unit: VendorUnit) => Record<string, unknown> | undefined };

const onlyDefault = (unit: VendorUnit, props: Record<string, unknown> = {}) =>
  unit.variant === unit.preset.defaultVariant && Object.keys(unit.parameters).length === 0 ? props : undefined;

/** Presets with a named construct, and how a recognised selection maps onto its props. */
const NAMED: Readonly<Record<string, NamedConstruct>> = {
  'google-workspace': { name: 'GoogleWorkspaceMx', props: (u) => (u.variant === u.preset.defaultVariant ? {} : { variant: u.variant }) },
  'microsoft-365': { name: 'Microsoft365Mx', props: (u) => ({ exchange: u.parameters.exchange, ...(u.region !== u.preset.defaultRegion ? { region: u.region } : {}) }) },
  fastmail: { name: 'FastmailMx', props: (u) => onlyDefault(u) },
  'proton-mail': { name: 'ProtonMailMx', props: (u) => onlyDefault(u) },
  'icloud-plus': { name: 'ICloudMailMx', props: (u) => onlyDefault(u) },
  'zoho-mail': { name: 'ZohoMailMx', props: (u) => onlyDefault(u, { region: u.region }) },
  'amazon-ses-inbound': { name: 'AmazonSesInboundMx', props: (u) => onlyDefault(u, { region: u.region }) },
  mailgun: { name: 'MailgunMx', props: (u) => onlyDefault(u, u.region !== u.preset.defaultRegion ? { region: u.region } : {}) },
  mimecast: { name: 'MimecastMx', props: (u) => onlyDefault(u, { region: u.region }) },
  'cloudflare-email-routing': {
    name: 'CloudflareEmailRoutingMx',
    props: (u) => ({
      priorities: { route1: Number(u.parameters.route1), route2: Number(u.parameters.route2), route3: Number(u.parameters.route3) },
      ...(u.variant !== u.preset.defaultVariant ? { variant: u.variant } : {}),
    }),
  },
};

/**
 * The TypeScript of a cdktf app (or one construct) that publishes exactly the adopted mail
 * records: constructs for what was recognised, `DnsRecord`s for the rest, live TTLs, comments
 * and proxy flags kept. With a Cloudflare zone id, every record carries its import id:
 * construct-made records through `adoptLiveRecords`, raw ones through cdktf's `importFrom`.
 * Pure: the same input always gives the same text.
 */
export function writeApp(options: WriteAppOptions): string {
  const { zone, units } = options;
  const mode = options.mode ?? 'app';
  const withIds = zone.zoneId !== undefined;
  const findings = [...(options.findings ?? [])];
  const constructs = new Set<string>();
  const body: string[] = [];
  const variables = new Set<string>();
  const addresses = new Set<string>();
  let hasRaw = false;

  // Each finding is written once, above the first unit with a record at its name; the rest go on top.
  const findingsAt = (names: ReadonlySet<string>): string[] => {
    const here = findings.filter((f) => names.has(f.name));
    for (const finding of here) findings.splice(findings.indexOf(finding), 1);
    return here.map((f) => `// ${comment(formatFinding(f))}`);
  };

  for (const unit of units) {
    const names = new Set(unit.records.map((r) => fqdn(r.name)));
    body.push(...findingsAt(names));
    if (unit.kind === 'raw') {
      hasRaw = true;
      body.push(rawRecordCode(unit.record, uniqueAddress(unit.record, addresses), withIds ? zone.zoneId : undefined));
      continue;
    }
    const { construct, props, describe } = constructOf(unit);
    constructs.add(construct);
    const id = unit.name === zone.domain ? 'mail' : `mail-${unit.name.slice(0, -zone.domain.length - 1)}`;
    const variable = uniqueVariable(id, variables);
    const nameProp = unit.name === zone.domain ? {} : { name: unit.name.slice(0, -zone.domain.length - 1) };
    const allProps = { zoneId: IDENT('zoneId'), domain: IDENT('domain'), ...nameProp, ...props, ttl: unit.ttl, ...(unit.comment !== undefined ? { comment: unit.comment } : {}) };
    body.push(`// ${comment(describe)}`);
    if (withIds) {
      constructs.add('adoptLiveRecords');
      body.push(`const ${variable} = new ${construct}(this, ${str(id)}, ${literal(allProps, 0)});`);
      body.push(`adoptLiveRecords(${variable}, ZONE_ID, ${literal(unit.records.map(importRef), 0)});`);
    } else {
      body.push(`new ${construct}(this, ${str(id)}, ${literal(allProps, 0)});`);
    }
  }
  const leftover = findings.map((f) => `// ${comment(formatFinding(f))}`);
  // Errors in what is live would fail synth; adoption keeps what is live, so they are suppressed
  // with a reason the synthesized output records, and fixed after the first deploy.
  // Each is scoped to the adopted zone and the name it was found at, so it never hides the rule
  // for another name or another domain declared in the same stack later.
  const errors = new Set<string>();
  const suppressions: string[] = [];
  for (const finding of options.findings ?? []) {
    // Only rules synth runs: lintZone's input findings (record-invalid, …) have nothing to suppress.
    if (finding.severity !== 'error' || findings.includes(finding) || !RULES_BY_ID.has(finding.rule)) continue;
    const key = `${finding.rule} ${finding.name}`;
    if (errors.has(key)) continue;
    errors.add(key);
    const name = nameInZone(finding.name, zone.domain);
    suppressions.push(`suppressMxRule(this, { id: ${str(finding.rule)}, zone: domain, name: ${str(name)}, reason: ${str(`live at adoption (${finding.name}); adopted as is, fix after the first deploy`)} });`);
  }
  if (suppressions.length > 0) constructs.add('suppressMxRule');

  const imports = [
    cdktfImport([...(mode === 'app' ? ['App', 'TerraformStack'] : []), ...(withIds ? [] : ['TerraformVariable'])]),
    `import { Construct } from 'constructs';`,
    mode === 'app' ? `import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';` : undefined,
    hasRaw ? `import { DnsRecord, DnsRecordConfig } from '@cdktf/provider-cloudflare/lib/dns-record';` : undefined,
    constructs.size > 0 ? `import { ${[...constructs].sort().join(', ')} } from ${str(options.moduleSpecifier ?? 'cdktf-mx')};` : undefined,
  ].filter((line): line is string => line !== undefined);

  const header = [
    `// ${comment(`Mail records of ${zone.domain}, adopted from ${zone.source}${options.command ? ` by \`${options.command}\`` : ''}.`)}`,
    '// Generated to publish exactly what is live, so the first deploy changes nothing; fix the findings afterwards.',
    ...(withIds ? ['// Every record carries its Cloudflare import id: the first `cdktf deploy` imports them instead of creating duplicates.'] : [
      '// The source has no record ids: import the existing records (terraform import) before the first deploy, or remove them first.',
    ]),
  ];
  const className = mode === 'app' ? 'MailStack' : `${pascal(zone.domain)}Mail`;
  const zoneIdLine = withIds
    ? undefined
    : mode === 'app'
      ? `const zoneId = new TerraformVariable(this, 'zone_id', { type: 'string', description: ${str(`Cloudflare zone id of ${zone.domain}`)} }).stringValue;`
      : `const zoneId = props.zoneId ?? new TerraformVariable(this, 'zone_id', { type: 'string', description: ${str(`Cloudflare zone id of ${zone.domain}`)} }).stringValue;`;
  const lines: string[] = [...header, ...imports, ''];
  if (withIds) lines.push(`/** ${comment(`Cloudflare zone id of ${zone.domain}.`)} */`, `${mode === 'construct' ? 'export ' : ''}const ZONE_ID = ${str(zone.zoneId!)};`);
  lines.push(`const domain = ${str(zone.domain)};`, '');
  if (mode === 'app') {
    lines.push(`class ${className} extends TerraformStack {`, '  constructor(scope: Construct, id: string) {', '    super(scope, id);', `    new CloudflareProvider(this, 'cloudflare', {});`);
    if (withIds) lines.push('    const zoneId = ZONE_ID;');
  } else {
    lines.push(
      `/** Props of {@link ${className}}. */`,
      `export interface ${className}Props {`,
      withIds ? `  /** Cloudflare zone id; default the id the records were read from. */` : `  /** Cloudflare zone id; default a Terraform variable \`zone_id\`. */`,
      '  readonly zoneId?: string;',
      '}',
      '',
      `/** ${comment(`The mail records of ${zone.domain} as they are live.`)} */`,
      `export class ${className} extends Construct {`,
      `  constructor(scope: Construct, id: string, props: ${className}Props = {}) {`,
      '    super(scope, id);',
    );
    if (withIds) lines.push('    const zoneId = props.zoneId ?? ZONE_ID;');
  }
  if (zoneIdLine) lines.push(`    ${zoneIdLine}`);
  for (const line of [...leftover, ...suppressions, ...body]) lines.push(...line.split('\n').map((l) => `    ${l}`));
  lines.push('  }', '}');
  if (hasRaw) {
    lines.push(
      '',
      '/** A live record kept as it is, at a content-derived address' + (withIds ? ', imported by its id.' : '.') + ' */',
      `function liveRecord(scope: Construct, address: string, config: DnsRecordConfig${withIds ? ', importId: string' : ''}): DnsRecord {`,
      '  const record = new DnsRecord(scope, address, config);',
      '  record.overrideLogicalId(address);',
      ...(withIds ? ['  record.importFrom(importId);'] : []),
      '  return record;',
      '}',
    );
  }
  if (mode === 'app') lines.push('', 'const app = new App();', `new ${className}(app, 'mail');`, 'app.synth();');
  return `${lines.join('\n')}\n`;
}

function cdktfImport(names: readonly string[]): string | undefined {
  return names.length > 0 ? `import { ${names.join(', ')} } from 'cdktf';` : undefined;
}

/** The construct, its specific props and a one-line description of a recognised unit. */
function constructOf(unit: Exclude<AdoptedUnit, { kind: 'raw' }>): { construct: string; props: Record<string, unknown>; describe: string } {
  if (unit.kind === 'null') {
    return { construct: 'NullMx', props: { spf: unit.spf, dmarc: unit.dmarc }, describe: `${unit.name} takes no mail (null MX, RFC 7505)` };
  }
  if (unit.kind === 'mx') {
    return { construct: 'MxRecords', props: { records: unit.mx.map((m) => ({ priority: m.priority, exchange: m.exchange })) }, describe: `${unit.name}: an MX set no vendor preset describes` };
  }
  const companions = Object.keys(unit.companions).length > 0 ? { companions: unit.companions } : {};
  const named = NAMED[unit.preset.id];
  const namedProps = named?.props(unit);
  const describe = `${unit.preset.name}${unit.variant !== unit.preset.defaultVariant ? ` (${unit.variant})` : ''}${unit.region !== undefined ? `, region ${unit.region}` : ''} at ${unit.name}`;
  if (named && namedProps) return { construct: named.name, props: { ...namedProps, ...companions }, describe };
  return {
    construct: 'VendorMx',
    props: {
      preset: unit.preset.id,
      ...(unit.variant !== unit.preset.defaultVariant ? { variant: unit.variant } : {}),
      ...(unit.region !== undefined && unit.region !== unit.preset.defaultRegion ? { region: unit.region } : {}),
      ...(Object.keys(unit.parameters).length > 0 ? { parameters: unit.parameters } : {}),
      ...companions,
    },
    describe,
  };
}

function rawRecordCode(record: LiveRecord, address: string, zoneId: string | undefined): string {
  const content = record.content ?? (record.type === 'TXT' || record.type === 'SPF' ? toCloudflareTxt(record.value) : record.value);
  const config = {
    zoneId: IDENT('zoneId'),
    name: record.name,
    type: record.type,
    content: terraformString(content),
    ...(record.priority !== undefined ? { priority: record.priority } : {}),
    ttl: record.ttl,
    ...(record.proxied ? { proxied: true } : {}),
    ...(record.comment !== undefined ? { comment: terraformString(record.comment) } : {}),
    ...(record.tags !== undefined ? { tags: record.tags } : {}),
  };
  // The zone id is the file's ZONE_ID constant, so the record ids read as what they are.
  const importArg = zoneId !== undefined ? `, ZONE_ID + ${str(`/${record.id}`)}` : '';
  return `liveRecord(this, ${str(address)}, ${literal(config, 0)}${importArg});`;
}

/**
 * Terraform reads `${…}` and `%{…}` in JSON strings as templates; `$${` and `%%{` are the literal
 * text (https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences-1).
 */
function terraformString(value: string): string {
  return value.replace(/\$\{/g, '$$${').replace(/%\{/g, '%%{');
}

/** What `adoptLiveRecords` matches a construct's record by, and its id. */
function importRef(record: LiveRecord): Record<string, unknown> {
  return { id: record.id, type: record.type, name: record.name, value: record.value, ...(record.priority !== undefined ? { priority: record.priority } : {}) };
}

/** The content-derived Terraform address our constructs use, made unique when a zone holds the same record twice. */
function uniqueAddress(record: LiveRecord, taken: Set<string>): string {
  const base = recordLogicalId(record.type, record.name, record.type === 'MX' || record.type === 'CNAME' ? record.value : `${record.value}`);
  let address = base;
  for (let n = 2; taken.has(address); n++) address = `${base}_${n}`;
  taken.add(address);
  return address;
}

function uniqueVariable(id: string, taken: Set<string>): string {
  const base = id.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^[0-9]/, '_$&');
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

function pascal(domain: string): string {
  return domain.split(/[^a-zA-Z0-9]+/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join('').replace(/^[0-9]/, '_$&');
}

/** An identifier written as code, not as a string. */
interface Ident {
  readonly ident: string;
}
function IDENT(ident: string): Ident {
  return { ident };
}

/**
 * Live data as a TypeScript string literal: JSON.stringify escapes `\\`, `"` and every control
 * character; U+2028/U+2029 are escaped too (legal in JSON, but kept out of generated source), and
 * the quotes are switched to the single quotes the rest of the file uses.
 */
function str(value: string): string {
  const body = JSON.stringify(value)
    .slice(1, -1)
    .replace(/\\\\|\\"|'/g, (m) => (m === "'" ? "\\'" : m === '\\"' ? '"' : m))
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `'${body}'`;
}

const COMMENT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * Live data as text inside a `//` or `/* *\/` comment: no line terminator (ECMA-262 §12.3: LF, CR,
 * U+2028, U+2029 end a `//` comment, so the rest of the line would be code) and no `*\/` (ends a
 * block comment); they are written as visible escapes instead.
 */
function comment(text: string): string {
  return text.replace(/[\n\r\u2028\u2029]/g, (c) => COMMENT_ESCAPES[c]).replace(/\*\//g, '*\\/');
}

/** A value as TypeScript source, objects over several lines indented by `indent` levels. */
function literal(value: unknown, indent: number): string {
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${literal(v, indent + 1)},`).join('\n')}\n${end}]`;
  }
  if (value && typeof value === 'object') {
    if ('ident' in value && Object.keys(value).length === 1) return (value as Ident).ident;
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inline = entries.every(([, v]) => typeof v !== 'object' || (v !== null && 'ident' in v));
    const parts = entries.map(([k, v]) => {
      const key = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : str(k);
      return k === (v as Ident)?.ident ? k : `${key}: ${literal(v, indent + 1)}`;
    });
    const oneLine = `{ ${parts.join(', ')} }`;
    if (inline && oneLine.length <= 100) return oneLine;
    return `{\n${parts.map((p) => `${pad}${p},`).join('\n')}\n${end}}`;
  }
  return 'undefined';
}

/** `@` for the apex, `mail` for `mail.example.com.` in `example.com`, else the absolute name with its dot. */
function nameInZone(name: string, domain: string): string {
  const bare = name.replace(/\.$/, '');
  if (bare === domain) return '@';
  return bare.endsWith(`.${domain}`) ? bare.slice(0, -domain.length - 1) : fqdn(bare);
}
