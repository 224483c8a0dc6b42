/** Key of the cdktf-mx block in the synthesized stack's `//.metadata` (suppressions and what they matched). Loads no cdktf. */
export const METADATA_KEY = 'cdktf-mx';
