// Every DNS host cdktf-mx knows, for code that reads output of any host (cdk.tf.json, plain
// zones) and for the full rule catalogue. Pure: loads readers and rules, not cdktf.
import { cloudflareReader } from './cloudflare/reader';
import { googleDnsReader } from './google-dns/reader';
import { rfc2136Reader } from './rfc2136/reader';
import { route53Reader } from './route53/reader';
import { rulesWithHost, ZONE_RULES } from './rules/catalogue';
import { Rule } from './rules/rule';
import { HostReader } from './zones/host';

/** Readers of every host's resources; readers of synthesized output try each. */
export const HOST_READERS: readonly HostReader[] = [cloudflareReader, route53Reader, googleDnsReader, rfc2136Reader];

/**
 * Every rule, in the order findings are reported: records and the zone around them, the
 * hosts' own rules, then mail policy. Ids are stable public API. `lintZone` runs them all on
 * plain zones (a zone file does not say where it is hosted) unless its `host` option names the
 * host ({@link rulesForHost}). A rule several hosts share
 * (record-set-create-before-destroy) is listed once.
 */
export const RULES: readonly Rule[] = rulesWithHost([...new Set(HOST_READERS.flatMap((host) => host.rules))]);

/** What the `host` lint option takes besides a host id: only the host-neutral rules, no host's. */
export const NO_HOST = 'none';

/** The values of the `host` lint option (`cdktf-mx lint --host`): every host's id, then `none`. */
export const HOST_CHOICES: readonly string[] = [...HOST_READERS.map((host) => host.id), NO_HOST];

/**
 * The rules for a zone at `host` (a {@link HostReader.id}): the zone-wide rules with that host's
 * own, in report order; `none`: the zone-wide rules alone; not given: {@link RULES} (every
 * host's rules, for a zone whose host is unknown). Undefined for an id no host has.
 */
export function rulesForHost(host?: string): readonly Rule[] | undefined {
  if (host === undefined) return RULES;
  if (host === NO_HOST) return ZONE_RULES;
  const reader = HOST_READERS.find((candidate) => candidate.id === host);
  return reader ? rulesWithHost(reader.rules) : undefined;
}

/** The rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
