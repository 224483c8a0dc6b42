import { cloudflareReader } from '../../cloudflare/reader';
import { HostReader } from '../../zones/host';
import { googleReader } from './google';
import { rfc2136Reader } from './rfc2136';
import { route53Reader } from './route53';

/** A host as plan-check sees it: how to read its resources, and whether one resource holds a whole record set. */
export interface PlanHost {
  readonly reader: HostReader;
  /**
   * True when one resource holds every record of a (name, type) (Route 53, Google, RFC 2136):
   * a replace then removes the whole set, and create_before_destroy deletes the new set
   * (hashicorp/dns #97, docs/hosts.md). False for one resource per record (Cloudflare).
   */
  readonly recordSets: boolean;
  /** The zone apex of a zone identity, when the identity names it (RFC 2136 `zone`); else it is inferred from the names. */
  readonly apexOf?: (zoneId: string) => string | undefined;
}

/**
 * Every DNS host whose resources plan-check reads from a plan's `before`/`after` objects
 * (they have the snake_case attribute shape of cdk.tf.json resources, plus computed ones).
 */
export const PLAN_HOSTS: readonly PlanHost[] = [
  { reader: cloudflareReader, recordSets: false },
  { reader: route53Reader, recordSets: true },
  { reader: googleReader, recordSets: true },
  { reader: rfc2136Reader, recordSets: true, apexOf: (zoneId) => zoneId.toLowerCase().replace(/\.$/, '') },
];
