// An in-memory stand-in for a `browser.storage` area (storage.session here), holding copies as
// the browser does, so a test sees what a later read would.
export function memoryStorageArea(values: Map<string, unknown>) {
  return {
    get: async (key: string) => (values.has(key) ? { [key]: structuredClone(values.get(key)) } : {}),
    set: async (entries: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(entries)) values.set(k, structuredClone(v));
    },
    remove: async (keys: string | string[]) => {
      for (const k of [keys].flat()) values.delete(k);
    },
  };
}
