// Every DNS host cdktf-mx knows, for code that reads output of any host (cdk.tf.json, plain
// zones) and for the full rule catalogue. Pure: loads readers and rules, not cdktf.
import { cloudflareReader } from './cloudflare/reader';
import { googleDnsReader } from './google-dns/reader';
import { rfc2136Reader } from './rfc2136/reader';
import { route53Reader } from './route53/reader';
import { rulesWithHost } from './rules/catalogue';
import { Rule } from './rules/rule';
import { HostReader } from './zones/host';

/** Readers of every host's resources; readers of synthesized output try each. */
export const HOST_READERS: readonly HostReader[] = [cloudflareReader, route53Reader, googleDnsReader, rfc2136Reader];

/**
 * Every rule, in the order findings are reported: records and the zone around them, the
 * hosts' own rules, then mail policy. Ids are stable public API. `lintZone` runs them all on
 * plain zones (a zone file does not say where it is hosted). A rule several hosts share
 * (record-set-create-before-destroy) is listed once.
 */
export const RULES: readonly Rule[] = rulesWithHost([...new Set(HOST_READERS.flatMap((host) => host.rules))]);

/** The rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
