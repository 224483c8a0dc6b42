import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { DefaultTokenResolver, StringConcat, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { RecordOrigin, WrittenRecord } from '../dns/record';
import { originOf } from './dns-record-adapter';
import { fromCloudflareTxt } from './txt';

/** A `cloudflare_dns_record` as configured in a stack, before its name is resolved against a zone. */
export interface ConfiguredRecord extends WrittenRecord {
  readonly origin: RecordOrigin;
  /** The resource, so findings can be attached to it. */
  readonly resource: DnsRecord;
}

/**
 * Every `cloudflare_dns_record` below `scope`, ours and the user's own, read from its
 * configured inputs so rules see the zone as it will be published. Values that are
 * unresolved tokens (known only at apply time) are skipped: nothing can be judged there.
 */
export function readConfiguredRecords(scope: IConstruct): ConfiguredRecord[] {
  const records: ConfiguredRecord[] = [];
  for (const node of scope.node.findAll()) {
    if (!(node instanceof DnsRecord)) continue;
    const zoneId = node.zoneIdInput;
    const name = node.nameInput;
    const type = node.typeInput;
    if (zoneId === undefined || name === undefined || type === undefined) continue;
    if (Token.isUnresolved(name) || Token.isUnresolved(type)) continue;
    const content = literal(node, node.contentInput) ?? dataValue(node);
    if (content === undefined) continue;
    const upperType = type.toUpperCase();
    const priority = node.priorityInput ?? dataPriority(node);
    const proxied = node.proxiedInput;
    records.push({
      zoneId,
      name,
      type: upperType,
      value: upperType === 'TXT' ? fromCloudflareTxt(content) : content,
      ...(priority !== undefined && !Token.isUnresolved(priority) ? { priority } : {}),
      ...(node.ttlInput !== undefined && !Token.isUnresolved(node.ttlInput) ? { ttl: node.ttlInput } : {}),
      ...(typeof proxied === 'boolean' ? { proxied } : {}),
      origin: originOf(node) ?? { path: node.node.path },
      resource: node,
    });
  }
  return records;
}

/** A string input, with lazy values (e.g. a merged SPF) resolved; undefined when only known at apply time. */
function literal(node: DnsRecord, value: string | undefined): string | undefined {
  if (value === undefined || !Token.isUnresolved(value)) return value;
  const resolved: unknown = Tokenization.resolve(value, { scope: node, resolver: new DefaultTokenResolver(new StringConcat()), preparing: false });
  return typeof resolved === 'string' && !resolved.includes('${') ? resolved : undefined;
}

function dataValue(node: DnsRecord): string | undefined {
  const data = node.dataInput;
  if (!data || Token.isUnresolved(data)) return undefined;
  const target = (data as { target?: string }).target;
  return typeof target === 'string' ? target : undefined;
}

function dataPriority(node: DnsRecord): number | undefined {
  const data = node.dataInput;
  if (!data || Token.isUnresolved(data)) return undefined;
  const priority = (data as { priority?: number }).priority;
  return typeof priority === 'number' ? priority : undefined;
}
