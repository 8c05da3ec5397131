// The in-page part of the sidebar: a host element with a closed shadow root holding the
// extension-origin iframe (the page can neither read nor restyle what is inside) and the
// small "Context" tab that reopens it. No page text ever goes into this DOM.

export type SidebarState = 'open' | 'collapsed';

export const HOST_ATTRIBUTE = 'data-story-context';
const WIDTH_PX = 380;
const NARROW_PX = 900;
/** A sidebar frame that has not said it runs by then never will (a sandboxed page blocks its scripts). */
const READY_TIMEOUT_MS = 8000;
/** What the sidebar frame posts to its parent once it runs: see ui/sidebar/main.tsx. */
export const FRAME_READY = 'story-context:frame-ready';

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
  /** The frame's scripts run: until then neither the panel nor the tab is shown. */
  private ready = false;
  // getRandomValues, not randomUUID: the latter is missing on plain-http pages (not a secure context).
  private readonly nonce = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  private readonly readyTimer: ReturnType<typeof setTimeout>;
  private readonly onWindowMessage = (event: MessageEvent) => {
    const data = event.data as { type?: unknown; nonce?: unknown } | null;
    if (this.ready || !data || data.type !== FRAME_READY || data.nonce !== this.nonce) return;
    this.ready = true;
    clearTimeout(this.readyTimer);
    window.removeEventListener('message', this.onWindowMessage);
    this.setState(this.state);
  };

  constructor(private readonly options: SidebarHostOptions) {
    this.element = document.createElement('div');
    this.element.setAttribute(HOST_ATTRIBUTE, '');
    this.element.setAttribute('style', HOST_STYLE);
    const shadow = this.element.attachShadow({ mode: 'closed' });

    const style = document.createElement('style');
    style.textContent = SHADOW_CSS;

    this.frame = document.createElement('iframe');
    this.frame.className = 'panel';
    // The nonce tells this frame's "ready" from anything else posted to the window; the page
    // cannot read the frame's address inside the closed shadow root.
    this.frame.src = `${options.sidebarUrl}#${this.nonce}`;
    this.frame.title = options.frameTitle;
    this.frame.hidden = true;

    this.tab = document.createElement('button');
    this.tab.className = 'tab';
    this.tab.type = 'button';
    this.tab.textContent = options.tabLabel;
    this.tab.setAttribute('aria-expanded', 'false');
    this.tab.addEventListener('click', () => this.setState('open'));
    this.tab.hidden = true;

    shadow.append(style, this.frame, this.tab);
    document.documentElement.append(this.element);

    window.addEventListener('message', this.onWindowMessage);
    this.readyTimer = setTimeout(() => this.destroy(), READY_TIMEOUT_MS);

    // A page (or a framework re-rendering the document) may remove, move or restyle the host.
    // Put it back a few times; a page that keeps at it wins, and then the host goes away
    // entirely (no margin kept for a panel the reader cannot see). The toolbar popup remains.
    this.guard = new MutationObserver(() => this.defend());
    this.guard.observe(document.documentElement, { childList: true });
    this.guard.observe(this.element, { attributes: true });
  }

  private defend(): void {
    if (this.destroyed) return;
    const moved = this.element.parentNode !== document.documentElement;
    const restyled = this.element.getAttribute('style') !== HOST_STYLE;
    if (!moved && !restyled) return;
    if (++this.reattachments > 3) {
      this.destroy();
      return;
    }
    if (restyled) this.element.setAttribute('style', HOST_STYLE);
    if (moved) document.documentElement.append(this.element);
  }

  getState(): SidebarState {
    return this.state;
  }

  setState(state: SidebarState): void {
    if (this.destroyed) return;
    this.state = state;
    if (!this.ready) return;
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
    clearTimeout(this.readyTimer);
    window.removeEventListener('message', this.onWindowMessage);
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
