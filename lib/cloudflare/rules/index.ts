// Rules only Cloudflare zones need: its API's TTL range and what its proxy can carry.
import { Rule } from '../../rules/rule';
import { cloudflareProxiedMailHost } from './cloudflare-proxied-mail-host';
import { cloudflareProxiedType } from './cloudflare-proxied-type';
import { cloudflareTtl } from './cloudflare-ttl';

/** Cloudflare's host rules, in the order findings are reported. */
export const CLOUDFLARE_RULES: readonly Rule[] = [cloudflareTtl, cloudflareProxiedMailHost, cloudflareProxiedType];
