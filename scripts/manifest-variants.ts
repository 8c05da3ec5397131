// One manifest.json for both browsers; this derives what each browser accepts. Kept pure so a
// unit test can pin the differences.
export type Target = 'chrome' | 'firefox';

export interface VariantOptions {
  target: Target;
  /** Test builds also run on local addresses, where the e2e suite serves its pages. */
  e2e: boolean;
}

export const LOCAL_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

type Json = Record<string, unknown>;

export function manifestFor(base: Json, { target, e2e }: VariantOptions): Json {
  const m = structuredClone(base) as Json & {
    permissions?: string[];
    host_permissions?: string[];
    content_scripts?: Array<{ matches: string[] }>;
  };
  if (target === 'chrome') {
    delete m['browser_specific_settings'];
    delete m['sidebar_action'];
  } else {
    delete m['side_panel'];
    m.permissions = (m.permissions ?? []).filter((p) => p !== 'sidePanel');
    // Firefox cannot run a background service worker (the pref is locked off): the same module
    // runs as an event page.
    const bg = m['background'] as { service_worker?: string; type?: string } | undefined;
    if (bg?.service_worker) m['background'] = { scripts: [bg.service_worker], type: bg.type ?? 'module' };
  }
  if (e2e) {
    for (const cs of m.content_scripts ?? []) cs.matches = [...cs.matches, ...LOCAL_MATCHES];
    // Test builds get the local origins granted up front, as the curated news sites are.
    m.host_permissions = [...(m.host_permissions ?? []), ...LOCAL_MATCHES];
  }
  return m;
}
