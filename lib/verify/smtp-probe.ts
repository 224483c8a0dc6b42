import { connect } from 'node:net';

/** The port a sender connects to when it delivers to an MX host. */
export const SMTP_PORT = 25;

/** What an exchange's SMTP server said when a sender connected. */
export type SmtpProbe =
  /**
   * A 220 greeting: the server takes mail. `banner` is its greeting text; `bareLf` when its
   * lines end in LF alone instead of CRLF (RFC 5321 §2.3.8), which strict clients reject.
   */
  | { readonly status: 'ready'; readonly banner: string; readonly bareLf?: boolean }
  /** The server answered but refused service (e.g. 554), or with no valid reply. */
  | { readonly status: 'refused'; readonly banner: string }
  /** No SMTP conversation: connection refused, reset, or nothing within the timeout. */
  | { readonly status: 'unreachable'; readonly reason: string };

/**
 * Connect to `address:port` as a sender would, read the server's greeting (RFC 5321
 * §4.2: one or more `220-` lines ending in `220 `), say QUIT and hang up. Never sends mail;
 * settles within `timeoutMs` whatever the server does.
 */
export function probeSmtp(address: string, port: number, timeoutMs: number): Promise<SmtpProbe> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    let received = '';
    let settled = false;
    const finish = (result: SmtpProbe): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (result.status === 'unreachable') socket.destroy();
      else {
        socket.end('QUIT\r\n');
        // A server that never closes its side must not keep the process alive.
        setTimeout(() => socket.destroy(), 1000).unref();
      }
      resolve(result);
    };
    const timer = setTimeout(() => finish({ status: 'unreachable', reason: `no SMTP greeting within ${timeoutMs} ms` }), timeoutMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
      // Lines end in CRLF (RFC 5321 §2.3.8); a bare LF is read as a line end too, and reported.
      const lines = received.split(/\r?\n/);
      // The greeting is complete at its first line without a continuation hyphen.
      const last = lines.slice(0, -1).find((line) => !/^\d{3}-/.test(line));
      if (last === undefined) {
        if (received.length > 4096) finish({ status: 'refused', banner: `${received.slice(0, 80)}… (no complete reply)` });
        return;
      }
      const banner = last.slice(4).trim();
      const bareLf = /(?:^|[^\r])\n/.test(received);
      finish(/^220(?: |$)/.test(last) ? { status: 'ready', banner, ...(bareLf ? { bareLf } : {}) } : { status: 'refused', banner: last.trim() });
    });
    socket.on('error', (error: NodeJS.ErrnoException) => finish({ status: 'unreachable', reason: error.code === 'ECONNREFUSED' ? 'connection refused' : error.message }));
    socket.on('close', () => finish({ status: 'unreachable', reason: received === '' ? 'connection closed before a greeting' : `connection closed after ${JSON.stringify(received.slice(0, 80))}, before a complete greeting line` }));
  });
}
