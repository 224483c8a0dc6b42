// Terraform resource types of hashicorp/dns that this host writes, apart from the resource classes
// so readers (and lint) can name them without loading cdktf.

export const DNS_MX_RECORD_SET_TYPE = 'dns_mx_record_set';
export const DNS_TXT_RECORD_SET_TYPE = 'dns_txt_record_set';
export const DNS_CNAME_RECORD_TYPE = 'dns_cname_record';
