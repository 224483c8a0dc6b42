import { createHash, X509Certificate } from 'node:crypto';
import { connect, Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { Tlsa } from '../transport/tlsa';
import { liveText } from './live-text';

/** What an exchange presented after STARTTLS, or why there was nothing to compare. */
export type StarttlsResult =
  | { readonly status: 'presented'; readonly certificate: X509Certificate }
  | { readonly status: 'no-starttls'; readonly reason: string }
  | { readonly status: 'unreachable'; readonly reason: string };

/**
 * Connect to `address:port` as a DANE sender does (RFC 7672 §2.2): read the greeting, EHLO,
 * STARTTLS, and take the certificate the server presents for `host` (SNI). The chain is not
 * judged by the CA roots here: for DANE-EE the TLSA record is what authenticates the key
 * (RFC 7672 §3.1.1), and {@link tlsaMatches} makes that comparison. Sends no mail; QUIT, then
 * the socket is destroyed on every path, within `timeoutMs`.
 */
export function starttlsCertificate(address: string, port: number, host: string, timeoutMs: number): Promise<StarttlsResult> {
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: address, port });
    let settled = false;
    let tls: ReturnType<typeof tlsConnect> | undefined;
    const finish = (result: StarttlsResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      tls?.destroy();
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ status: 'unreachable', reason: `no STARTTLS conversation with ${address}:${port} within ${timeoutMs} ms` }), timeoutMs);
    let buffer = '';
    let step: 'greeting' | 'ehlo' | 'starttls' = 'greeting';
    const reply: string[] = [];
    const onLine = (line: string): void => {
      reply.push(line);
      if (/^\d{3}-/.test(line)) return;
      const code = line.slice(0, 3);
      const lines = reply.splice(0);
      if (step === 'greeting') {
        if (code !== '220') return finish({ status: 'no-starttls', reason: `greeted with ${liveText(line)}` });
        step = 'ehlo';
        socket.write('EHLO verify.cdktf-mx.invalid\r\n');
      } else if (step === 'ehlo') {
        if (code !== '250') return finish({ status: 'no-starttls', reason: `answered EHLO with ${liveText(line)}` });
        if (!lines.some((l) => /^250[- ]STARTTLS\b/i.test(l))) return finish({ status: 'no-starttls', reason: 'does not offer STARTTLS: DANE senders refuse to deliver without TLS (RFC 7672 §2.2)' });
        step = 'starttls';
        socket.write('STARTTLS\r\n');
      } else {
        if (code !== '220') return finish({ status: 'no-starttls', reason: `answered STARTTLS with ${liveText(line)}` });
        socket.removeAllListeners('data');
        // The TLSA comparison below authenticates the key; CA roots and names are not what DANE-EE checks.
        tls = tlsConnect({ socket, servername: host, rejectUnauthorized: false });
        tls.once('secureConnect', () => {
          const certificate = tls?.getPeerX509Certificate();
          tls?.write('QUIT\r\n');
          finish(certificate ? { status: 'presented', certificate } : { status: 'no-starttls', reason: 'presented no certificate' });
        });
        tls.once('error', (error) => finish({ status: 'no-starttls', reason: `the TLS handshake failed (${liveText(error.message)})` }));
      }
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > 16_384) return finish({ status: 'no-starttls', reason: 'sent more than 16 KiB without a complete reply' });
      let end: number;
      while (!settled && (end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        onLine(line);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => finish({ status: 'unreachable', reason: error.code === 'ECONNREFUSED' ? `${address}:${port} connection refused` : `${address}:${port} ${liveText(error.message)}` }));
    socket.on('close', () => finish({ status: 'unreachable', reason: `${address}:${port} closed the connection during the SMTP conversation` }));
  });
}

/**
 * True when a DANE-EE record (usage 3) matches the certificate: selector 0 the whole certificate,
 * 1 its SubjectPublicKeyInfo; matching type 0 exact, 1 SHA-256, 2 SHA-512 (RFC 6698 §2.1, RFC 7218).
 */
export function tlsaMatches(tlsa: Tlsa, certificate: X509Certificate): boolean {
  if (tlsa.usage !== 3) return false;
  const selected = tlsa.selector === 0 ? certificate.raw : tlsa.selector === 1 ? certificate.publicKey.export({ type: 'spki', format: 'der' }) : undefined;
  if (selected === undefined) return false;
  const data = tlsa.matchingType === 0 ? selected.toString('hex') : tlsa.matchingType === 1 ? createHash('sha256').update(selected).digest('hex') : tlsa.matchingType === 2 ? createHash('sha512').update(selected).digest('hex') : undefined;
  return data !== undefined && data === tlsa.data.toLowerCase();
}
