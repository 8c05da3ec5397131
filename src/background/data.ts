// Placeholder wiring until the storage layer lands (replaced in the same series of commits).
import type { PageToBackground, SidebarMode } from '../protocol/messages';

type DataMessage = Exclude<PageToBackground, { type: 'ui/tabContext' | 'ui/sidebar' | 'ui/openSource' }>;

export function isDataMessage(msg: PageToBackground): msg is DataMessage {
  return !msg.type.startsWith('ui/');
}
export async function handleDataMessage(_msg: DataMessage): Promise<unknown> {
  throw new Error('storage not available');
}
export async function sidebarMode(): Promise<SidebarMode> {
  return 'first-open';
}
export async function recordCoverageVisit(_url: string, _storyId: string): Promise<void> {}
