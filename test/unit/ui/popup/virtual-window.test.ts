import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowsToRender, scrollToReveal, visibleRange } from '../../../../src/ui/popup/virtual-window';

describe('visibleRange', () => {
  it('covers the rows in view plus the overscan', () => {
    expect(visibleRange({ count: 10_000, rowHeight: 100, scrollTop: 0, viewportHeight: 350, overscan: 2 })).toEqual({ start: 0, end: 6 });
    expect(visibleRange({ count: 10_000, rowHeight: 100, scrollTop: 5_050, viewportHeight: 350, overscan: 2 })).toEqual({ start: 48, end: 56 });
  });

  it('stops at the end of the list and is empty for an empty list', () => {
    expect(visibleRange({ count: 5, rowHeight: 100, scrollTop: 400, viewportHeight: 350, overscan: 3 })).toEqual({ start: 1, end: 5 });
    expect(visibleRange({ count: 0, rowHeight: 100, scrollTop: 0, viewportHeight: 350, overscan: 3 })).toEqual({ start: 0, end: 0 });
  });

  it('always includes every row that intersects the viewport, and stays in bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 0, max: 5 }),
        (count, rowHeight, rawTop, viewportHeight, overscan) => {
          const scrollTop = Math.min(rawTop, Math.max(0, count * rowHeight - viewportHeight));
          const { start, end } = visibleRange({ count, rowHeight, scrollTop, viewportHeight, overscan });
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(count);
          // Only rows near the viewport can intersect it; scanning all of them would be slow.
          const from = Math.max(0, Math.floor(scrollTop / rowHeight) - 2);
          const to = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + 2);
          for (let i = from; i < to; i++) {
            const top = i * rowHeight;
            const intersects = top < scrollTop + viewportHeight && top + rowHeight > scrollTop;
            if (intersects) {
              expect(i).toBeGreaterThanOrEqual(start);
              expect(i).toBeLessThan(end);
            }
          }
          expect(end - start).toBeLessThanOrEqual(Math.ceil(viewportHeight / rowHeight) + 1 + 2 * overscan);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('rowsToRender', () => {
  it('keeps the focused row rendered when it is scrolled out, in list order', () => {
    expect(rowsToRender({ start: 10, end: 13 }, 2)).toEqual([2, 10, 11, 12]);
    expect(rowsToRender({ start: 10, end: 13 }, 40)).toEqual([10, 11, 12, 40]);
    expect(rowsToRender({ start: 10, end: 13 }, 11)).toEqual([10, 11, 12]);
  });
});

describe('scrollToReveal', () => {
  it('scrolls just enough to show a row above or below, and not at all when visible', () => {
    expect(scrollToReveal(2, 100, 500, 300)).toBe(200);
    expect(scrollToReveal(9, 100, 500, 300)).toBe(700);
    expect(scrollToReveal(6, 100, 500, 300)).toBeNull();
  });
});
