import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The broken answers a server impersonating Zoho can give, one per name. */
export const BAD_ANSWERS = [
  'html-502',
  'truncated-json',
  'data-not-array',
  'no-details',
  'empty-200',
  'huge-body',
  'wrong-content-type',
  'headers-then-stall',
  'reset-mid-body',
] as const;
export type BadAnswer = (typeof BAD_ANSWERS)[number];

const HUGE_BYTES = 50 * 1024 * 1024;

/**
 * A local HTTP server that answers every request the way a broken Zoho, proxy or network would: `answer` picks
 * the breakage for the requests that follow. Requests are counted per answer so tests can tell they arrived.
 */
export class BadServer {
  answer: BadAnswer = 'html-502';
  private readonly sockets = new Set<Socket>();
  /** Built up front: making 50 MB inside a request would block this process, the client's timers included. */
  private readonly huge = Buffer.concat([
    Buffer.from('{"data":[{"id":"1","Description":"'),
    Buffer.alloc(HUGE_BYTES, 'a'),
    Buffer.from('"}]}'),
  ]);

  private constructor(private readonly server: Server) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(): Promise<BadServer> {
    const server = createServer();
    const bad = new BadServer(server);
    server.on('request', (req, res) => bad.respond(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return bad;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private respond(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    const json = { 'Content-Type': 'application/json;charset=UTF-8' };
    switch (this.answer) {
      case 'html-502':
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end(
          '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
        );
        return;
      case 'truncated-json':
        res.writeHead(200, json);
        res.end('{"data":[{"id":"4150868000000224005","Last_Name":"Da');
        return;
      case 'data-not-array':
        res.writeHead(200, json);
        res.end(
          JSON.stringify({ data: { id: '4150868000000224005' }, org: 'x', users: 7, fields: null, info: 3 }),
        );
        return;
      case 'no-details':
        res.writeHead(200, json);
        res.end(
          JSON.stringify({
            data: [{ code: 'SUCCESS', status: 'success', message: 'record added' }],
            org: [{}],
            users: [{}],
            fields: [{}],
          }),
        );
        return;
      case 'empty-200':
        res.writeHead(200, json);
        res.end();
        return;
      case 'huge-body':
        res.writeHead(200, { ...json, 'Content-Length': this.huge.length });
        res.end(this.huge);
        return;
      case 'wrong-content-type':
        res.writeHead(200, { 'Content-Type': 'text/html;charset=UTF-8' });
        res.end('<!DOCTYPE html><html><body><form action="/signin">Sign in to Zoho</form></body></html>');
        return;
      case 'headers-then-stall':
        res.writeHead(200, json);
        res.flushHeaders();
        return; // never ends: the client's timeout must.
      case 'reset-mid-body':
        res.writeHead(200, { ...json, 'Content-Length': 4000 });
        res.write('{"data":[{"id":"4150868000000224005","Last_Name":"');
        setTimeout(() => res.socket?.destroy(), 20);
        return;
    }
  }
}
