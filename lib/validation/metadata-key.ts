/** Key of the cdktf-mx block in the synthesized stack's `//.metadata` (suppressions and what they matched). Loads no cdktf. */
export const METADATA_KEY = 'cdktf-mx';
/** Key of the MTA-STS policies (by construct path: zone id, host, name, text) inside the cdktf-mx metadata block. */
export const MTA_STS_POLICIES_KEY = 'mtaStsPolicies';
