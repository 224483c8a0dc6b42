// Rules only zones on RFC 2136 servers (hashicorp/dns) need: TTL range, TXT escaping, the record-set lifecycle hazard.
import { Rule } from '../../rules/rule';
import { recordSetCreateBeforeDestroy } from '../../zones/rules/record-set-create-before-destroy';
import { recordSetShared } from '../../zones/rules/record-set-shared';
import { rfc2136Ttl } from './rfc2136-ttl';
import { rfc2136TxtEscape } from './rfc2136-txt-escape';

/** The RFC 2136 host rules, in the order findings are reported. */
export const RFC2136_RULES: readonly Rule[] = [rfc2136Ttl, rfc2136TxtEscape, recordSetCreateBeforeDestroy, recordSetShared];
