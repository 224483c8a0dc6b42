/** What Cloudflare's dashboard export writes in the comment after a record: `; <note> cf_tags=<tag>,<tag>`. */
export interface CloudflareRecordTags {
  /** `cf-proxied:true|false`: the proxy status (orange cloud). */
  readonly proxied?: boolean;
  /** The record's comment at Cloudflare: the text before `cf_tags=` (or the whole comment when there are no tags). */
  readonly note?: string;
  /** The user's own tags (`name:value`), without Cloudflare's `cf-` tags. */
  readonly tags?: readonly string[];
}

/** Cloudflare's own tags in `cf_tags=` (proxy status, CNAME flattening), as opposed to user tags. */
const CLOUDFLARE_TAG = /^cf-/;

/**
 * The parts of a record's comment in a Cloudflare export. One parser for the zone-file
 * reader (proxied, for the rules) and adoption (comment and tags, kept so nothing changes).
 */
export function cloudflareTags(comment: string): CloudflareRecordTags {
  const match = /(?:^|\s)cf_tags=(\S*)\s*$/.exec(comment);
  const note = (match ? comment.slice(0, match.index) : comment).trim();
  const tags = (match?.[1] ?? '').split(',').filter((t) => t !== '');
  const proxied = tags.find((t) => /^cf-proxied:(true|false)$/.test(t));
  const own = tags.filter((t) => !CLOUDFLARE_TAG.test(t));
  return {
    ...(proxied ? { proxied: proxied.endsWith('true') } : {}),
    ...(note !== '' ? { note } : {}),
    ...(own.length > 0 ? { tags: own } : {}),
  };
}
