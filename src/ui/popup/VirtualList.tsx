// A list that renders only the rows in view, for lists of thousands of fixed-height rows.
// It stays a real <ul> of <li> (with aria-setsize/aria-posinset) so assistive technology
// announces "item 12 of 10,000"; the row holding focus stays rendered wherever it scrolls, so
// a half-typed note is never unmounted.
import type { ComponentChildren } from 'preact';
import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { rowsToRender, scrollToReveal, visibleRange } from './virtual-window';

export interface VirtualListHandle {
  /** Scrolls row `index` into view and focuses the element matching `selector` inside it. */
  focusRow(index: number, selector: string): void;
}

interface Props<T> {
  items: readonly T[];
  /** Row height in rem, so the layout and the window math agree at any font size. */
  rowHeightRem: number;
  getKey: (item: T) => string;
  renderRow: (item: T, index: number) => ComponentChildren;
  rowAttributes?: (item: T) => Record<string, string>;
  label: string;
  busy?: boolean;
  overscan?: number;
  /** Arrow keys move between rows when focus is on an element matching this selector. */
  arrowSelector?: string;
  handle?: RefObject<VirtualListHandle | null>;
}

// happy-dom and a popup that is still sizing itself report 0; render a screenful anyway.
const FALLBACK_VIEWPORT_PX = 480;

function remInPx(): number {
  const size = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}

export function VirtualList<T>(props: Props<T>) {
  const { items, rowHeightRem, getKey, renderRow, rowAttributes, label, busy, overscan = 3, arrowSelector, handle } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(FALLBACK_VIEWPORT_PX);
  const [rowHeight, setRowHeight] = useState(() => rowHeightRem * remInPx());
  const [pinnedKey, setPinnedKey] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ index: number; selector: string } | null>(null);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const measure = () => {
      setViewportHeight(el.clientHeight > 0 ? el.clientHeight : FALLBACK_VIEWPORT_PX);
      setRowHeight(rowHeightRem * remInPx());
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [rowHeightRem]);

  // A shorter list (a narrower search) may leave the old scroll position past its end.
  useEffect(() => {
    const el = viewport.current;
    const max = Math.max(0, items.length * rowHeight - viewportHeight);
    if (el && el.scrollTop > max) {
      el.scrollTop = max;
      setScrollTop(max);
    }
  }, [items.length, rowHeight, viewportHeight]);

  const revealAndFocus = useCallback(
    (index: number, selector: string) => {
      const el = viewport.current;
      if (!el || index < 0 || index >= items.length) return;
      const target = scrollToReveal(index, rowHeight, el.scrollTop, el.clientHeight || viewportHeight);
      if (target !== null) {
        el.scrollTop = target;
        setScrollTop(target);
      }
      setFocusRequest({ index, selector });
    },
    [items.length, rowHeight, viewportHeight],
  );

  if (handle) handle.current = { focusRow: revealAndFocus };

  useLayoutEffect(() => {
    if (!focusRequest) return;
    const row = viewport.current?.querySelector<HTMLElement>(`li[data-index="${focusRequest.index}"]`);
    const target = row?.querySelector<HTMLElement>(focusRequest.selector) ?? row;
    if (target) {
      target.focus();
      setFocusRequest(null);
    }
  });

  const keyToIndex = useCallback(
    (key: string | null): number | null => {
      if (key === null) return null;
      const i = items.findIndex((item) => getKey(item) === key);
      return i < 0 ? null : i;
    },
    [items, getKey],
  );

  const range = visibleRange({ count: items.length, rowHeight, scrollTop, viewportHeight, overscan });
  const rows = rowsToRender(range, keyToIndex(pinnedKey));

  const rowOf = (target: EventTarget | null): HTMLElement | null =>
    target instanceof Element ? (target.closest('li[data-key]') as HTMLElement | null) : null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (!arrowSelector || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    const target = event.target as Element | null;
    const selector = arrowSelector.split(',').map((s) => s.trim()).find((s) => target?.matches(s));
    if (!target || !selector) return;
    const index = Number(rowOf(target)?.dataset.index);
    if (!Number.isInteger(index)) return;
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= items.length) return;
    event.preventDefault();
    revealAndFocus(next, selector);
  };

  return (
    <div
      class="list-viewport"
      ref={viewport}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onFocusIn={(e) => setPinnedKey(rowOf(e.target)?.dataset.key ?? null)}
      onFocusOut={(e) => {
        if (!rowOf(e.relatedTarget)) setPinnedKey(null);
      }}
      onKeyDown={onKeyDown}
    >
      <ul class="list" aria-label={label} aria-busy={busy ? 'true' : undefined} style={{ height: `${items.length * rowHeightRem}rem` }}>
        {rows.map((index) => {
          const item = items[index] as T;
          const key = getKey(item);
          return (
            <li
              key={key}
              class="row"
              data-key={key}
              data-index={String(index)}
              aria-setsize={items.length}
              aria-posinset={index + 1}
              style={{ top: `${index * rowHeightRem}rem`, height: `${rowHeightRem}rem` }}
              {...rowAttributes?.(item)}
            >
              {renderRow(item, index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
