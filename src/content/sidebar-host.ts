// The in-page part of the sidebar: a host element with a closed shadow root holding the
// extension-origin iframe (the page can neither read nor restyle what is inside) and the
// small "Context" tab that reopens it. No page text ever goes into this DOM.

import { FRAME_HELLO } from '../protocol/messages';
import { HOST_ATTRIBUTE } from './copies';
import { childController, observeUntil, onAbort } from './lifetime';

export type SidebarState = 'open' | 'collapsed';

const WIDTH_PX = 380;
const NARROW_PX = 900;
/** A sidebar frame that has not said it runs by then never will (a sandboxed page blocks its scripts). */
const READY_TIMEOUT_MS = 8000;
/** A page that keeps navigating the frame away wins after this many resets: the host goes. */
const MAX_RESETS = 3;

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
  /**
   * The origin the sidebar document has once loaded. Not always the address's: Chrome loads a
   * web-accessible page through its per-session dynamic URL, but the document it makes has the
   * extension's own origin (`chrome-extension://<id>`).
   */
  frameOrigin: string;
  /** The tab's frame secret from the background: handed to the frame, never to the page. */
  secret: string;
  tabLabel: string;
  frameTitle: string;
  /** The mounted page's signal: the host goes when it aborts. */
  signal: AbortSignal;
  onStateChange?: (state: SidebarState) => void;
}

export class SidebarHost {
  readonly element: HTMLElement;
  private readonly frame: HTMLIFrameElement;
  private readonly tab: HTMLButtonElement;
  private state: SidebarState = 'collapsed';
  private previousMargin: { value: string; priority: string } | null = null;
  private reattachments = 0;
  /** Aborted by destroy() or by the page's signal; everything the host set up hangs on it. */
  private readonly life: AbortController;
  /** The frame runs and the background accepted its secret: until then nothing is shown. */
  private ready = false;
  private readyTimer: ReturnType<typeof setTimeout> | undefined;
  /** True from setting the frame's address until its document loads: that load is ours. */
  private expectingLoad = true;
  private resets = 0;
  private port: MessagePort | null = null;

  constructor(private readonly options: SidebarHostOptions) {
    this.life = childController(options.signal);
    const { signal } = this.life;
    this.element = document.createElement('div');
    this.element.setAttribute(HOST_ATTRIBUTE, '');
    this.element.setAttribute('style', HOST_STYLE);
    const shadow = this.element.attachShadow({ mode: 'closed' });

    const style = document.createElement('style');
    style.textContent = SHADOW_CSS;

    this.frame = document.createElement('iframe');
    this.frame.className = 'panel';
    this.frame.title = options.frameTitle;
    this.frame.hidden = true;
    this.frame.addEventListener('load', () => this.onFrameLoad(), { signal });
    this.frame.src = options.sidebarUrl;

    this.tab = document.createElement('button');
    this.tab.className = 'tab';
    this.tab.type = 'button';
    this.tab.textContent = options.tabLabel;
    this.tab.setAttribute('aria-expanded', 'false');
    this.tab.addEventListener('click', () => this.setState('open'), { signal });
    this.tab.hidden = true;

    shadow.append(style, this.frame, this.tab);
    document.documentElement.append(this.element);

    this.readyTimer = setTimeout(() => this.destroy(), READY_TIMEOUT_MS);

    // A page (or a framework re-rendering the document) may remove, move or restyle the host.
    // Put it back a few times; a page that keeps at it wins, and then the host goes away
    // entirely (no margin kept for a panel the reader cannot see). The toolbar popup remains.
    observeUntil(signal, document.documentElement, { childList: true }, () => this.defend());
    observeUntil(signal, this.element, { attributes: true }, () => this.defend());

    onAbort(signal, () => {
      clearTimeout(this.readyTimer);
      this.port?.close();
      this.port = null;
      this.restoreMargin();
      this.element.remove();
    });
  }

  private get destroyed(): boolean {
    return this.life.signal.aborted;
  }

  /**
   * The frame's document loaded. The load this host asked for gets the secret, posted to the
   * frame's window alone (the target origin is the extension's, so a document the page put
   * there instead receives nothing) with a private port for the answer: nothing goes through
   * the page's window, where every script could read it. Any other load means the page
   * navigated the frame: what it shows now is not ours, so it is hidden and reset.
   */
  private onFrameLoad(): void {
    if (this.destroyed) return;
    if (!this.expectingLoad) return this.reset();
    this.expectingLoad = false;
    this.port?.close();
    const channel = new MessageChannel();
    this.port = channel.port1;
    channel.port1.onmessage = (event: MessageEvent) => this.onFrameMessage(event.data);
    try {
      this.frame.contentWindow?.postMessage({ type: FRAME_HELLO, secret: this.options.secret }, this.options.frameOrigin, [channel.port2]);
    } catch {
      this.reset();
    }
  }

  private onFrameMessage(data: unknown): void {
    const type = (data as { type?: unknown } | null)?.type;
    if (type === 'ready' && !this.ready) {
      this.ready = true;
      clearTimeout(this.readyTimer);
      this.setState(this.state);
    } else if (type === 'leaving') {
      // The frame's document is being replaced, and this host did not ask for it: hide it
      // before anything else can be painted there.
      if (!this.expectingLoad) this.reset();
    }
  }

  /** Hides the frame and loads the sidebar into it again; a page that keeps at it wins. */
  private reset(): void {
    if (this.destroyed) return;
    if (++this.resets > MAX_RESETS) return this.destroy();
    this.ready = false;
    this.frame.hidden = true;
    this.tab.hidden = true;
    this.restoreMargin();
    this.expectOwnLoad();
    this.frame.src = this.options.sidebarUrl;
  }

  /** The next load of the frame is one this host caused; it must say "ready" again in time. */
  private expectOwnLoad(): void {
    this.ready = false;
    this.port?.close();
    this.port = null;
    this.expectingLoad = true;
    clearTimeout(this.readyTimer);
    this.readyTimer = setTimeout(() => this.destroy(), READY_TIMEOUT_MS);
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
    if (moved) {
      // Put back into the document, the frame loads the sidebar afresh: that load is ours.
      this.expectOwnLoad();
      document.documentElement.append(this.element);
    }
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
    this.life.abort();
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
