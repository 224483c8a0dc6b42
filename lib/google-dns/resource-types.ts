// Terraform resource types of this host, apart from the resource classes so readers (and lint)
// can name them without loading cdktf.

/** Google Cloud DNS's record-set resource. */
export const GOOGLE_DNS_RECORD_SET_TYPE = 'google_dns_record_set';
