// Rules only Google Cloud DNS zones need: its TTL range, TXT quoting, and the record-set lifecycle hazard.
import { Rule } from '../../rules/rule';
import { recordSetCreateBeforeDestroy } from '../../zones/rules/record-set-create-before-destroy';
import { googleDnsTtl } from './google-dns-ttl';
import { googleDnsTxtUnquoted } from './google-dns-txt-unquoted';

/** Google Cloud DNS's host rules, in the order findings are reported. */
export const GOOGLE_DNS_RULES: readonly Rule[] = [googleDnsTtl, googleDnsTxtUnquoted, recordSetCreateBeforeDestroy];
