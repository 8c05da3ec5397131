// Every browser the tests launch sends all its HTTP(S) traffic through this proxy, so what the
// browser requests is counted from the browser's side, whatever the extension's code claims.
// Plain HTTP to the loopback test servers is forwarded; everything else (HTTPS tunnels, other
// hosts) is refused and recorded.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProxyLog {
  /** Requests forwarded to loopback test servers: `GET http://127.0.0.1:port/path`. */
  local: string[];
  /** Anything else the browser tried: other hosts, CONNECT tunnels. */
  foreign: string[];
  /** Pages on real news hosts that a test opened on purpose, answered by a local stand-in. */
  standIns: string[];
}

/**
 * What a stand-in host answers for one URL: a page of the test's choosing (a labelled article
 * served at its original address), or null for the generic stand-in page.
 */
export type StandInResponder = (
  url: URL,
  request: { method: string; headers: IncomingHttpHeaders },
) => { body: string | Uint8Array; type?: string; status?: number; headers?: Record<string, string> } | null;

export interface LoggingProxy {
  port: number;
  log: ProxyLog;
  /** Answer HTTPS for this host with a local stand-in page (or `respond`'s page) instead of refusing it. */
  serveLocally(host: string, respond?: StandInResponder): void;
  close(): Promise<void>;
}

const TLS_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'tls');

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost)$/;

export async function startProxy(): Promise<LoggingProxy> {
  const log: ProxyLog = { local: [], foreign: [], standIns: [] };
  const standInHosts = new Map<string, StandInResponder | null>();
  // A local HTTPS server that plays every stand-in host: it shows which URL was asked for.
  const tls = createTlsServer(
    { key: readFileSync(join(TLS_DIR, 'key.pem')), cert: readFileSync(join(TLS_DIR, 'cert.pem')) },
    (req, res) => {
      const url = `https://${req.headers.host ?? ''}${req.url ?? '/'}`;
      log.standIns.push(`${req.method} ${url}`);
      let page: ReturnType<StandInResponder> = null;
      try {
        page = standInHosts.get(req.headers.host?.replace(/:\d+$/, '') ?? '')?.(new URL(url), { method: req.method ?? 'GET', headers: req.headers }) ?? null;
      } catch {
        page = null;
      }
      if (page) {
        res.writeHead(page.status ?? 200, { 'content-type': page.type ?? 'text/html; charset=utf-8', ...page.headers });
        res.end(page.body);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Stand-in</title><h1 id="stand-in">Local stand-in for a news page</h1>`);
    },
  );
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  const tlsPort = (tls.address() as AddressInfo).port;
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
  // Tunnels to stand-in hosts are raw sockets the HTTP server no longer tracks: closed by hand,
  // or a browser's kept-alive tunnels would hold the servers' close open.
  const tunnels = new Set<{ destroy(): void; on(e: 'close', cb: () => void): unknown }>();
  server.on('connect', (req, socket, head) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!standInHosts.has(host)) {
      log.foreign.push(`CONNECT ${req.url ?? ''}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    const upstream = connect(tlsPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    log,
    serveLocally: (host, respond) => void standInHosts.set(host, respond ?? null),
    close: async () => {
      for (const t of tunnels) t.destroy();
      tls.closeAllConnections();
      await new Promise<void>((resolve) => tls.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
