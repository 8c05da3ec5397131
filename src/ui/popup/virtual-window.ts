// Window math for a list whose rows all have the same height. Pure.

export interface WindowInput {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  /** Rows rendered beyond each edge, so Tab and arrow keys always find the next row in the DOM. */
  overscan: number;
}

/** Half-open range [start, end) of rows to render. */
export interface RowRange {
  start: number;
  end: number;
}

export function visibleRange({ count, rowHeight, scrollTop, viewportHeight, overscan }: WindowInput): RowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const last = Math.min(count - 1, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) - 1);
  return { start: Math.max(0, first - overscan), end: Math.min(count, Math.max(first, last) + 1 + overscan) };
}

/** The rows to render: the window, plus a pinned row (the one holding focus) wherever it is. */
export function rowsToRender(range: RowRange, pinned: number | null): number[] {
  const rows: number[] = [];
  if (pinned !== null && pinned < range.start) rows.push(pinned);
  for (let i = range.start; i < range.end; i++) rows.push(i);
  if (pinned !== null && pinned >= range.end) rows.push(pinned);
  return rows;
}

/** The scrollTop that brings row `index` fully into view, or null when it already is. */
export function scrollToReveal(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}
