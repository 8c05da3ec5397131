// The packs in force: the bundled ones, each replaced by a newer version installed from the
// pack feed, plus the stories only the feed carries. Pure and shared by the background (which
// installs), the extension pages (which show) and the content script (which detects).
//
// The database's packs table is where an update is installed, in one transaction. Extension
// pages and content scripts read a copy the background keeps in storage.local: a content script
// cannot open the extension's database, and Firefox gives an extension frame embedded in a web
// page no other shared area (see background/broadcast.ts).
import type { StoryPack } from './schema';

/** storage.local key of the installed packs' copy (see InstalledMirror). */
export const INSTALLED_PACKS_KEY = 'installedPacks';

/**
 * storage.local key of the prefilter index of the packs in force, written with the copy. The
 * content script's first stage reads it instead of the built-in index while packs are installed.
 */
export const PACK_PREFILTER_KEY = 'packPrefilter';

/** The copy the background writes after every install: the installed packs as parsed JSON. */
export interface InstalledMirror {
  /** Installed packs (only those newer than or absent from the bundled set), as validated. */
  packs: StoryPack[];
  /** When the last update installed something (epoch ms), null when nothing was ever installed. */
  updatedAt: number | null;
}

/** A pack's version: format 2 packs carry one; a format 1 pack is version 1. */
export function packVersion(pack: object): number {
  const version = (pack as { version?: unknown }).version;
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 1;
}

/**
 * The packs in force. An installed pack replaces the bundled pack of the same id only when it
 * is newer: after the extension itself is updated with a newer bundled pack, an older copy
 * left from the feed must not hide it.
 */
export function packsInForce<P extends { id: string }>(bundled: readonly P[], installed: readonly P[]): P[] {
  const byId = new Map<string, P>();
  for (const pack of bundled) byId.set(pack.id, pack);
  for (const pack of installed) {
    const current = byId.get(pack.id);
    if (!current || packVersion(pack) > packVersion(current)) byId.set(pack.id, pack);
  }
  return [...byId.values()];
}

/** Version of each pack in force (pack id → version), what a feed's versions are compared with. */
export function versionsOf(packs: readonly StoryPack[]): Record<string, number> {
  return Object.fromEntries(packs.map((p) => [p.id, packVersion(p)]));
}

/** The mirror as read back from storage: anything malformed counts as nothing installed. */
export function readMirror(value: unknown): InstalledMirror {
  const v = value as Partial<InstalledMirror> | null | undefined;
  const packs = Array.isArray(v?.packs) ? v.packs.filter((p): p is StoryPack => typeof p === 'object' && p !== null && typeof (p as StoryPack).id === 'string') : [];
  return { packs, updatedAt: typeof v?.updatedAt === 'number' ? v.updatedAt : null };
}
