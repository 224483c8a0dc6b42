import { HOST_READERS } from '../../hosts';
import { HostReader } from '../../zones/host';
import { googleDnsReader } from '../../google-dns/reader';
import { rfc2136Reader } from '../../rfc2136/reader';

/** A host as plan-check sees it: how to read its resources, and whether one resource holds a whole record set. */
export interface PlanHost {
  readonly reader: HostReader;
  /**
   * True when one resource holds every record of a (name, type) ({@link HostReader.recordSets}):
   * a replace then removes the whole set, and create_before_destroy deletes the new set
   * (hashicorp/dns #97, docs/hosts.md).
   */
  readonly recordSets: boolean;
  /**
   * True when a zone identity is unique only within one provider configuration: an RFC 2136 zone
   * name on one server, a Google managed zone name in one project. The plan's provider
   * configuration (`dns.prod`, `dns.staging`) is then part of the zone's key.
   */
  readonly zonesPerProvider: boolean;
  /** The zone apex of a zone identity, when the identity names it (RFC 2136 `zone`); else it is inferred from the names. */
  readonly apexOf?: (zoneId: string) => string | undefined;
}

/** Hosts whose zone identity is unique only within a provider configuration (a server, a project). */
const ZONES_PER_PROVIDER: ReadonlySet<HostReader> = new Set([rfc2136Reader, googleDnsReader]);

/** Hosts whose zone identity is the zone's DNS name. */
const APEX_OF: ReadonlyMap<HostReader, (zoneId: string) => string> = new Map([[rfc2136Reader, (zoneId: string) => zoneId.toLowerCase().replace(/\.$/, '')]]);

/**
 * Every DNS host whose resources plan-check reads from a plan's `before`/`after` objects
 * (they have the snake_case attribute shape of cdk.tf.json resources, plus computed ones):
 * the hosts every reader of synthesized output knows.
 */
export const PLAN_HOSTS: readonly PlanHost[] = HOST_READERS.map((reader) => ({
  reader,
  recordSets: reader.recordSets,
  zonesPerProvider: ZONES_PER_PROVIDER.has(reader),
  ...(APEX_OF.has(reader) ? { apexOf: APEX_OF.get(reader) } : {}),
}));
