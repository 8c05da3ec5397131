// The in-page part of the sidebar: a host element with a closed shadow root holding the
// extension-origin iframe (the page can neither read nor restyle what is inside) and the
// small "Context" tab that reopens it. No page text ever goes into this DOM.

export type SidebarState = 'open' | 'collapsed';

export const HOST_ATTRIBUTE = 'data-story-context';
const WIDTH_PX = 380;
const NARROW_PX = 900;

// Inline `!important` beats the page's own `!important` rules, so a page cannot hide or move
// the host by styling it.
const HOST_STYLE =
  'all: initial !important; position: fixed !important; top: 0 !important; right: 0 !important;' +
  'height: 100vh !important; width: 0 !important; z-index: 2147483646 !important;' +
  'display: block !important; visibility: visible !important; opacity: 1 !important;' +
  'transform: none !important; pointer-events: none !important;';

const SHADOW_CSS = `
.panel { position: fixed; top: 0; right: 0; height: 100vh; width: ${WIDTH_PX}px; max-width: 100vw;
  border: 0; border-left: 1px solid #8884; box-shadow: -2px 0 12px #0003; background: Canvas;
  pointer-events: auto; color-scheme: light dark; }
.panel[hidden] { display: none; }
.tab { position: fixed; top: 40vh; right: 0; pointer-events: auto; writing-mode: vertical-rl;
  font: 600 13px/1.2 system-ui, sans-serif; padding: 12px 6px; border: 1px solid #8886;
  border-right: 0; border-radius: 8px 0 0 8px; background: #1d4ed8; color: #fff; cursor: pointer; }
.tab:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.tab[hidden] { display: none; }
`;

export interface SidebarHostOptions {
  sidebarUrl: string;
  tabLabel: string;
  frameTitle: string;
  onStateChange?: (state: SidebarState) => void;
}

export class SidebarHost {
  readonly element: HTMLElement;
  private readonly frame: HTMLIFrameElement;
  private readonly tab: HTMLButtonElement;
  private state: SidebarState = 'collapsed';
  private previousMargin: { value: string; priority: string } | null = null;
  private readonly guard: MutationObserver;
  private reattachments = 0;
  private destroyed = false;

  constructor(private readonly options: SidebarHostOptions) {
    this.element = document.createElement('div');
    this.element.setAttribute(HOST_ATTRIBUTE, '');
    this.element.setAttribute('style', HOST_STYLE);
    const shadow = this.element.attachShadow({ mode: 'closed' });

    const style = document.createElement('style');
    style.textContent = SHADOW_CSS;

    this.frame = document.createElement('iframe');
    this.frame.className = 'panel';
    this.frame.src = options.sidebarUrl;
    this.frame.title = options.frameTitle;
    this.frame.hidden = true;

    this.tab = document.createElement('button');
    this.tab.className = 'tab';
    this.tab.type = 'button';
    this.tab.textContent = options.tabLabel;
    this.tab.setAttribute('aria-expanded', 'false');
    this.tab.addEventListener('click', () => this.setState('open'));

    shadow.append(style, this.frame, this.tab);
    document.documentElement.append(this.element);

    // A page (or a framework re-rendering the document) may remove the host. Put it back a few
    // times; a page that keeps removing it wins, and the reader still has the toolbar popup.
    this.guard = new MutationObserver(() => {
      if (this.destroyed || this.element.isConnected) return;
      if (++this.reattachments > 3) {
        this.guard.disconnect();
        this.restoreMargin();
        return;
      }
      document.documentElement.append(this.element);
    });
    this.guard.observe(document.documentElement, { childList: true });
  }

  getState(): SidebarState {
    return this.state;
  }

  setState(state: SidebarState): void {
    if (this.destroyed) return;
    this.state = state;
    const open = state === 'open';
    this.frame.hidden = !open;
    this.tab.hidden = open;
    this.tab.setAttribute('aria-expanded', String(open));
    if (open) this.reserveMargin();
    else this.restoreMargin();
    if (open) this.frame.focus();
    this.options.onStateChange?.(state);
  }

  toggle(): void {
    this.setState(this.state === 'open' ? 'collapsed' : 'open');
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.guard.disconnect();
    this.restoreMargin();
    this.element.remove();
  }

  /** On wide screens the page moves aside instead of being covered. */
  private reserveMargin(): void {
    if (window.innerWidth < NARROW_PX || this.previousMargin) return;
    const s = document.documentElement.style;
    this.previousMargin = { value: s.getPropertyValue('margin-right'), priority: s.getPropertyPriority('margin-right') };
    s.setProperty('margin-right', `${WIDTH_PX}px`, 'important');
  }

  private restoreMargin(): void {
    if (!this.previousMargin) return;
    const s = document.documentElement.style;
    if (this.previousMargin.value) s.setProperty('margin-right', this.previousMargin.value, this.previousMargin.priority);
    else s.removeProperty('margin-right');
    this.previousMargin = null;
  }
}
