// Zone targets: where constructs publish, host-neutral.
export type { ZoneTarget, ZoneHost, HostReader, RawResource, PublishedRecord } from './host';
export { ZoneRegistry } from './registry';
export type { ZoneDeclaration } from './registry';
export { eachStackZone, stackZones } from './stack-zones';
export type { StackZones, StackZoneSource, ZoneModel, RawRecord } from './stack-zones';
export { escapeTerraformString, terraformLiteral } from './terraform-strings';
export { publishToRecordSet, resolvedMembers } from './record-sets';
export type { RecordSet, RecordSetMember, RecordSetEmitter, ResolvedMember } from './record-sets';
export { GeneratedLikeResource } from './record-set-resource';
export type { GeneratorMetadata, ResourceMetaConfig, AttributeSpec, StringList } from './record-set-resource';
export { recordSetCreateBeforeDestroy } from './rules/record-set-create-before-destroy';
