import { HOST_READERS } from '../../hosts';
import { HostReader } from '../../zones/host';
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
  /** The zone apex of a zone identity, when the identity names it (RFC 2136 `zone`); else it is inferred from the names. */
  readonly apexOf?: (zoneId: string) => string | undefined;
}

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
  ...(APEX_OF.has(reader) ? { apexOf: APEX_OF.get(reader) } : {}),
}));
