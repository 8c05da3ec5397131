import type { TestServer } from './server';
import { seedPageHtml, unrelatedPageHtml } from './pages';

/** Serves a seed article at `path`, or an unrelated page when `seed` is null. */
export function fixturePage(server: TestServer, path: string, seed: string | null): void {
  const body = seed ? seedPageHtml(seed.replace(/^seeds\//, '')) : unrelatedPageHtml('city-budget');
  server.route(path, { body });
}
