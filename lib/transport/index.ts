// Mail transport security as pure data: MTA-STS (RFC 8461), TLS-RPT (RFC 8460), DANE TLSA (RFC 6698, RFC 7672).
export * from './mta-sts-policy';
export * from './mta-sts-record';
export * from './tls-rpt';
export * from './tlsa';
export * from './mx-patterns';
