// Route 53 as a DNS host: the zone target, its record-set resource, reader and host rules.
export { Route53Zone, route53Host } from './zone';
export { Route53Record, ROUTE53_RECORD_TYPE, AWS_GENERATOR_METADATA } from './route53-record';
export type { Route53RecordConfig } from './route53-record';
export { route53Reader, ROUTE53_ZONE_TYPE } from './reader';
export { toRoute53Txt, fromRoute53Txt } from './txt';
export { ROUTE53_RULES } from './rules';
