// Every DNS host cdktf-mx knows, for code that reads output of any host (cdk.tf.json, plain
// zones) and for the full rule catalogue. Pure: loads readers and rules, not cdktf.
import { cloudflareReader } from './cloudflare/reader';
import { googleReader } from './plan/hosts/google';
import { rfc2136Reader } from './plan/hosts/rfc2136';
import { route53Reader } from './plan/hosts/route53';
import { rulesWithHost } from './rules/catalogue';
import { Rule } from './rules/rule';
import { HostReader } from './zones/host';

/**
 * Readers of every host's resources; readers of synthesized output try each. The record-set
 * readers (Route 53, Google, RFC 2136) live with plan-check until their hosts take them over;
 * listed here so `lint`, `verify` and `renderZone` read those stacks too.
 */
export const HOST_READERS: readonly HostReader[] = [cloudflareReader, route53Reader, googleReader, rfc2136Reader];

/**
 * Every rule, in the order findings are reported: records and the zone around them, the
 * hosts' own rules, then mail policy. Ids are stable public API. `lintZone` runs them all on
 * plain zones (a zone file does not say where it is hosted).
 */
export const RULES: readonly Rule[] = rulesWithHost(HOST_READERS.flatMap((host) => host.rules));

/** The rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
