// Every browser the tests launch sends all its HTTP(S) traffic through this proxy, so what the
// browser requests is counted from the browser's side, whatever the extension's code claims.
// Plain HTTP to the loopback test servers is forwarded; everything else (HTTPS tunnels, other
// hosts) is refused and recorded.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyLog {
  /** Requests forwarded to loopback test servers: `GET http://127.0.0.1:port/path`. */
  local: string[];
  /** Anything else the browser tried: other hosts, CONNECT tunnels. */
  foreign: string[];
}

export interface LoggingProxy {
  port: number;
  log: ProxyLog;
  close(): Promise<void>;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost)$/;

export async function startProxy(): Promise<LoggingProxy> {
  const log: ProxyLog = { local: [], foreign: [] };
  const server: Server = createServer((req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const line = `${req.method} ${target.href}`;
    if (target.protocol !== 'http:' || !LOOPBACK.test(target.hostname)) {
      log.foreign.push(line);
      res.writeHead(502, { 'content-type': 'text/plain' }).end('blocked by test proxy');
      return;
    }
    log.local.push(line);
    const upstream = httpRequest(
      { host: target.hostname, port: target.port || 80, method: req.method, path: target.pathname + target.search, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket) => {
    log.foreign.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
