// Zone targets: where constructs publish, host-neutral.
export type { ZoneTarget, ZoneHost, HostReader, RawResource, PublishedRecord } from './host';
export { ZoneRegistry } from './registry';
export type { ZoneDeclaration } from './registry';
export { stackZones } from './stack-zones';
export type { StackZones, ZoneModel, RawRecord } from './stack-zones';
export { escapeTerraformString, terraformLiteral } from './terraform-strings';
