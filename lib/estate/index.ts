// Many domains in stable shards: inventory files, rendezvous assignment, the move handshake.
export { MailEstate } from './mail-estate';
export type { MailEstateProps, EstateShard } from './mail-estate';
export { readInventory, parseInventoryCsv, parseInventoryJson, INVENTORY_COLUMNS } from './inventory';
export type { EstateDomain, InventorySource } from './inventory';
export { assignShards, DEFAULT_SHARD_SIZE } from './shard-assignment';
export type { ShardAssignment, ShardOptions } from './shard-assignment';
export { rendezvousShard } from './rendezvous';
export { readEstateRecord, checkEstateRecord, ESTATE_RECORD_FILE } from './estate-record';
export type { EstateRecord, EstateRecordDomain } from './estate-record';
export { ESTATE_HOSTS, DEFAULT_ESTATE_HOST } from './estate-hosts';
export type { EstateZoneFactory } from './estate-hosts';
export { compareSynths, SynthReadError } from './changed-stacks';
export type { ChangedStack, StackComparison } from './changed-stacks';
