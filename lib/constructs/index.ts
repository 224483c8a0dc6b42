// The constructs users put in their stacks.
export type { MailDomainProps } from './mail-domain-props';
export { DEFAULT_TTL } from './mail-domain-props';
export { MailRecordsBase } from './mail-records-base';
export { MxRecords } from './mx-records';
export type { MxEntry, MxRecordsProps } from './mx-records';
export { NullMx, SPF_REJECT_ALL, DMARC_REJECT } from './null-mx';
export type { NullMxProps } from './null-mx';
export { GoogleWorkspaceMx } from './google-workspace-mx';
export type { GoogleWorkspaceMxProps, GoogleWorkspaceVariant } from './google-workspace-mx';
export { Microsoft365Mx } from './microsoft-365-mx';
export type { Microsoft365MxProps } from './microsoft-365-mx';
