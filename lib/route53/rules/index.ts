// Rules only Route 53 zones need: its TTL range and TXT string limit, the record-set lifecycle hazard and two resources on one set.
import { Rule } from '../../rules/rule';
import { recordSetCreateBeforeDestroy } from '../../zones/rules/record-set-create-before-destroy';
import { recordSetShared } from '../../zones/rules/record-set-shared';
import { route53Ttl } from './route53-ttl';
import { route53TxtString } from './route53-txt-string';

/** Route 53's host rules, in the order findings are reported. */
export const ROUTE53_RULES: readonly Rule[] = [route53Ttl, route53TxtString, recordSetCreateBeforeDestroy, recordSetShared];
