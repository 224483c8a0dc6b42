import { Construct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { SpfAll } from '../presets/preset';
import { SPF_TERMINATORS } from '../presets/spf';
import { MailDomainProps } from './mail-domain-props';
import { MailRecordsBase } from './mail-records-base';
import { contributeSpf } from './spf-merge';

/** Props of {@link SpfInclude}. */
export interface SpfIncludeProps extends MailDomainProps {
  /** Domains to `include:` in the name's SPF record, e.g. `sendgrid.net` or `['amazonses.com']`. */
  readonly include: string | readonly string[];
  /**
   * The record's terminator. Default: whatever the other senders at the name document
   * (the most lenient of them), or `~all` when none does.
   */
  readonly all?: SpfAll;
}

const INCLUDE_DOMAIN = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)+$/i;

/**
 * Another sender in the name's SPF record (a newsletter tool, a CRM, …). Every vendor
 * construct's `companions.spf` and every `SpfInclude` at one name share a single `v=spf1`
 * record, because two SPF records at a name make SPF fail (RFC 7208 §3.2).
 */
export class SpfInclude extends MailRecordsBase {
  constructor(scope: Construct, id: string, props: SpfIncludeProps) {
    super(scope, id, props);
    const includes = typeof props.include === 'string' ? [props.include] : [...(props.include ?? [])];
    if (includes.length === 0) throw new MxInputError('include', `give at least one domain to include, e.g. "sendgrid.net" (${this.where()})`);
    includes.forEach((include, index) => {
      if (typeof include !== 'string' || !INCLUDE_DOMAIN.test(include.trim())) {
        throw new MxInputError(`include[${index}]`, `"${include}" is not a domain name to include: give it as the sender documents it, without "include:", e.g. "spf.example.net" (${this.where()})`);
      }
    });
    if (props.all !== undefined && !SPF_TERMINATORS.includes(props.all)) {
      throw new MxInputError('all', `"${props.all}" is not an SPF terminator; use one of: ${SPF_TERMINATORS.join(', ')} (${this.where()})`);
    }
    const create = (value: string) => this.publish({ type: 'TXT', value, identity: 'spf', field: 'include' });
    includes.forEach((include, index) => {
      contributeSpf(this, { zone: this.zone, name: this.recordName }, { include: include.trim(), ...(index === 0 && props.all ? { chosenAll: props.all } : {}), path: this.node.path, ttl: this.ttl }, create);
    });
  }
}
