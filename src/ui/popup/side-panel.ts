// The browser's own side panel: Chrome's sidePanel, Firefox's sidebarAction. Both refuse to
// open unless a user gesture is under way, so callers invoke this synchronously from a click
// handler, with no await before it.
import { browser } from '../../platform/browser';

interface ChromeSidePanel {
  open(options: { tabId: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

function sidePanelApi(): ChromeSidePanel | null {
  const api = (browser as unknown as { sidePanel?: Partial<ChromeSidePanel> }).sidePanel;
  return typeof api?.open === 'function' ? (api as ChromeSidePanel) : null;
}

function sidebarActionApi(): FirefoxSidebarAction | null {
  const api = (browser as unknown as { sidebarAction?: Partial<FirefoxSidebarAction> }).sidebarAction;
  return typeof api?.open === 'function' ? (api as FirefoxSidebarAction) : null;
}

export function hasSidePanel(): boolean {
  return sidePanelApi() !== null || sidebarActionApi() !== null;
}

export function openSidePanel(tabId: number): Promise<void> {
  const chromePanel = sidePanelApi();
  if (chromePanel) return chromePanel.open({ tabId });
  const firefoxSidebar = sidebarActionApi();
  if (firefoxSidebar) return firefoxSidebar.open();
  return Promise.reject(new Error('This browser has no side panel.'));
}
