import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { probeSmtp } from '../../lib/verify/smtp-probe';

/** An SMTP-ish server on 127.0.0.1 that says `greeting` to each client, then closes or waits. */
async function server(greeting: string, then: 'close' | 'wait'): Promise<{ port: number; server: Server; quit: Promise<string> }> {
  let quitSeen: (text: string) => void = () => undefined;
  const quit = new Promise<string>((resolve) => (quitSeen = resolve));
  const srv = createServer((socket: Socket) => {
    let heard = '';
    socket.on('data', (chunk) => {
      heard += chunk.toString('latin1');
      if (heard.includes('\n')) quitSeen(heard);
    });
    socket.on('error', () => undefined);
    socket.write(greeting, () => {
      if (then === 'close') socket.end();
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { port: (srv.address() as AddressInfo).port, server: srv, quit };
}

/** What `probeSmtp` makes of a server that sends `greeting`, then closes or waits. */
async function probe(greeting: string, then: 'close' | 'wait'): Promise<unknown> {
  const { port, server: srv } = await server(greeting, then);
  try {
    return await probeSmtp('127.0.0.1', port, 2000);
  } finally {
    srv.close();
  }
}

describe('probeSmtp (issue 13 item 11)', () => {
  test('a greeting ending in a bare LF is a greeting, reported as such', async () => {
    const { port, server: srv, quit } = await server('220 mx.example ESMTP ready\n', 'wait');
    try {
      expect(await probeSmtp('127.0.0.1', port, 2000)).toEqual({ status: 'ready', banner: 'mx.example ESMTP ready', bareLf: true });
      expect(await quit).toBe('QUIT\r\n');
    } finally {
      srv.close();
    }
  });

  test('a bare-LF greeting followed by close: still the greeting, not "closed before a greeting"', async () => {
    expect(await probe('220-mx.example\n220 ESMTP\n', 'close')).toEqual({ status: 'ready', banner: 'ESMTP', bareLf: true });
  });

  test('a CRLF greeting has no bareLf mark', async () => {
    expect(await probe('220 mx.example ESMTP\r\n', 'wait')).toEqual({ status: 'ready', banner: 'mx.example ESMTP' });
  });

  test('a connection closed mid-line says what arrived', async () => {
    expect(await probe('220 mx.exa', 'close')).toEqual({ status: 'unreachable', reason: 'connection closed after "220 mx.exa", before a complete greeting line' });
  });
});
