// Rules only Google Cloud DNS zones need: its TTL range, TXT quoting, the record-set lifecycle hazard and two resources on one set.
import { Rule } from '../../rules/rule';
import { recordSetCreateBeforeDestroy } from '../../zones/rules/record-set-create-before-destroy';
import { recordSetShared } from '../../zones/rules/record-set-shared';
import { googleDnsTtl } from './google-dns-ttl';
import { googleDnsTxtUnquoted } from './google-dns-txt-unquoted';

/** Google Cloud DNS's host rules, in the order findings are reported. */
export const GOOGLE_DNS_RULES: readonly Rule[] = [googleDnsTtl, googleDnsTxtUnquoted, recordSetCreateBeforeDestroy, recordSetShared];
