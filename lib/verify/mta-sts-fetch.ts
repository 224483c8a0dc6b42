import { request } from 'node:https';
import { rootCertificates } from 'node:tls';
import { MAX_MTA_STS_POLICY_OCTETS } from '../transport/mta-sts-policy';
import { MTA_STS_POLICY_HOST_LABEL } from '../transport/mta-sts-record';
import { liveText } from './live-text';

/** Where senders fetch a policy (RFC 8461 §3.3). */
export const MTA_STS_POLICY_PATH = '/.well-known/mta-sts.txt';

/** Options of {@link fetchMtaStsPolicy}. */
export interface PolicyFetchOptions {
  /** The address to connect to: what `mta-sts.<domain>` resolves to (verify asks its own resolver). */
  readonly address: string;
  /** TCP port; 443 except in tests. */
  readonly port: number;
  /** Longest the whole fetch may take, in milliseconds. */
  readonly timeoutMs: number;
  /** Extra trusted CA certificates (PEM), added to Node's root store, never replacing it. */
  readonly extraCa?: string;
}

/**
 * How a fetch came out: the policy text, a server answer senders reject (`rejected`: a redirect,
 * another status, another media type, too large, a certificate not valid for the host), or no
 * answer at all (`unreachable`: refused, reset, timed out).
 */
export type PolicyFetch =
  | { readonly status: 'fetched'; readonly text: string }
  | { readonly status: 'rejected'; readonly reason: string }
  | { readonly status: 'unreachable'; readonly reason: string };

/** TLS errors that mean the certificate is not valid for the policy host: senders refuse the policy (RFC 8461 §3.3). */
const CERTIFICATE_ERRORS = /^(ERR_TLS_CERT_ALTNAME_INVALID|CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|CERT_HAS_EXPIRED|HOSTNAME_MISMATCH)/;

/**
 * Fetch `https://mta-sts.<domain>/.well-known/mta-sts.txt` as RFC 8461 §3.3 has senders do it:
 * HTTPS only, the certificate verified for `mta-sts.<domain>` (Node's roots plus `extraCa`), a 200
 * answer of media type `text/plain`, redirects not followed, the body cut off above 64 KiB (the
 * limit {@link MAX_MTA_STS_POLICY_OCTETS} senders apply), the whole fetch bounded by the timeout.
 * Always settles; the socket is destroyed on every path.
 */
export function fetchMtaStsPolicy(domain: string, options: PolicyFetchOptions): Promise<PolicyFetch> {
  const host = `${MTA_STS_POLICY_HOST_LABEL}.${domain.replace(/\.$/, '')}`;
  return new Promise((resolve) => {
    let settled = false;
    const req = request({
      host: options.address,
      port: options.port,
      path: MTA_STS_POLICY_PATH,
      method: 'GET',
      // The name the certificate must be valid for (SNI and identity check), not the address connected to.
      servername: host,
      headers: { host, accept: 'text/plain' },
      ca: options.extraCa !== undefined ? [...rootCertificates, options.extraCa] : undefined,
      rejectUnauthorized: true,
      agent: false,
    });
    const finish = (result: PolicyFetch): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ status: 'unreachable', reason: `no policy from ${host} within ${options.timeoutMs} ms` }), options.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (CERTIFICATE_ERRORS.test(code)) finish({ status: 'rejected', reason: `the certificate is not valid for ${host} (${code}: ${liveText(error.message)}); senders will not use the policy (RFC 8461 §3.3)` });
      else finish({ status: 'unreachable', reason: `cannot fetch https://${host}${MTA_STS_POLICY_PATH} from ${options.address}:${options.port} (${code || liveText(error.message)})` });
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) return finish({ status: 'rejected', reason: `answered ${status} (a redirect${typeof res.headers.location === 'string' ? ` to ${liveText(res.headers.location)}` : ''}); senders do not follow redirects (RFC 8461 §3.3): serve the policy at the URL itself` });
      if (status !== 200) return finish({ status: 'rejected', reason: `answered HTTP ${status}, not 200` });
      const type = String(res.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'text/plain') return finish({ status: 'rejected', reason: `Content-Type is ${type === '' ? 'missing' : liveText(type)}, not text/plain; senders check the media type (RFC 8461 §3.3)` });
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_MTA_STS_POLICY_OCTETS) return finish({ status: 'rejected', reason: `the policy is larger than ${MAX_MTA_STS_POLICY_OCTETS} octets; senders stop reading there` });
        chunks.push(chunk);
      });
      res.on('end', () => finish({ status: 'fetched', text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => finish({ status: 'unreachable', reason: `the answer from ${host} broke off (${liveText(error.message)})` }));
    });
    req.end();
  });
}
