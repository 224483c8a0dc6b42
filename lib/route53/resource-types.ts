// Terraform resource types of this host, apart from the resource classes so readers (and lint)
// can name them without loading cdktf.

/** Route 53's record-set resource. */
export const ROUTE53_RECORD_TYPE = 'aws_route53_record';
