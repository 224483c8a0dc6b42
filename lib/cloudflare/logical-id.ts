// Content-derived Terraform addresses are shared by every host; kept here for existing imports.
export { recordLogicalId, zoneQualifiedLogicalId } from '../zones/logical-id';
