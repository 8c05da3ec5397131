// Serves test pages from 127.0.0.1 on a port chosen at run time. Routes map URL paths to
// files or to generated bodies; nothing is ever fetched from the network.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';

export type Route =
  | { file: string; type?: string; headers?: Record<string, string>; transform?: (html: string) => string }
  | { body: string | Buffer; type?: string; headers?: Record<string, string> };

/**
 * Saved real pages name their sites' hosts in resource hints (preconnect, dns-prefetch,
 * prefetch, preload); a browser acts on those whatever the page's policy, which would send
 * requests off the machine. Tests that serve such pages drop the hints.
 */
export function stripResourceHints(html: string): string {
  return html.replace(/<link\b[^>]*\brel\s*=\s*["']?(?:preconnect|dns-prefetch|prefetch|preload|prerender|modulepreload)\b[^>]*>/gi, '');
}

export interface TestServer {
  origin: string;
  url(path: string): string;
  route(path: string, route: Route): void;
  /** Paths requested so far, in order (to prove what the browser asked for). */
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
};

export async function startServer(routes: Record<string, Route> = {}, host = '127.0.0.1'): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push(req.url ?? '/');
    const r = table.get(path);
    if (!r) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    try {
      let body: string | Buffer = 'file' in r ? await readFile(r.file) : r.body;
      if ('file' in r && r.transform) body = r.transform(body.toString('utf8'));
      const ext = ('file' in r ? r.file : path).split('.').pop() ?? 'html';
      res.writeHead(200, { 'content-type': r.type ?? TYPES[ext] ?? TYPES['html']!, ...(r.headers ?? {}) });
      res.end(body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: (path) => origin + path,
    route: (path, route) => void table.set(path, route),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
