// @vitest-environment happy-dom
// When the content script waits for an article's text, and that the wait stays in bounds: one
// look per burst of changes, a few looks at most, gone once decided or out of time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLateText } from '../../../src/content/late-text';
import { detectStory } from '../../../src/detection/detect';
import { awaitsText, LATE_TEXT_LIMITS } from '../../../src/detection/late-text';
import { bundledPacks } from '../../../src/packs/bundled';
import { buildPage, parse } from './helpers';

const URL = 'https://news.example/a';
const STORY = [
  'Washington has accused Alibaba of helping China’s People’s Liberation Army, the Financial Times reported on Friday, citing a White House memo based on declassified intelligence.',
  'The memo alleged that Alibaba gave the PLA access to customer data including IP addresses, WiFi information and payment records, and passed on knowledge of zero-day vulnerabilities.',
  'Alibaba called the claims completely false and a malicious PR operation. The FT said it could not independently verify them, and the White House declined to comment.',
];

describe('awaitsText', () => {
  it('waits on a page whose article container is still empty', () => {
    expect(awaitsText(detectStory(parse(buildPage({ title: 'Alibaba: what the memo says', paragraphs: [] })), URL, bundledPacks))).toBe(true);
  });

  it('does not wait once a whole article about other news is there', () => {
    const earnings = [
      'Alibaba reported quarterly revenue above analysts’ estimates on Tuesday, as its cloud computing unit grew faster than expected on demand for artificial intelligence services.',
      'The company said revenue from its cloud intelligence group rose 34 percent from a year earlier, while its domestic e-commerce business posted steady growth in customer management revenue.',
      'Chief executive Eddie Wu told analysts that the company would keep investing heavily in AI infrastructure over the next three years, and that demand still outstripped supply.',
      'Shares of the company rose in premarket trading in New York after the results, recovering part of the ground they had lost over the previous month.',
      'Analysts said the results showed the cloud business was becoming the main driver of growth, although margins in the core shopping business remained under pressure from competition.',
      'The company also announced a new share buyback programme and said it would continue to return capital to shareholders through dividends.',
      'Alibaba’s international commerce unit, which includes AliExpress, narrowed its losses as it cut marketing spending in Europe and the United States.',
    ];
    const result = detectStory(parse(buildPage({ title: 'Alibaba revenue beats estimates as cloud grows', paragraphs: earnings })), URL, bundledPacks);
    expect(result.storyId).toBeNull();
    expect(awaitsText(result)).toBe(false);
  });

  it('has nothing to wait for on a story page', () => {
    const result = detectStory(parse(buildPage({ title: 'White House memo links Alibaba to Chinese military', paragraphs: STORY })), URL, bundledPacks);
    expect(result.storyId).toBe('alibaba-pla-memo');
    expect(awaitsText(result)).toBe(false);
  });
});

describe('watchLateText', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.replaceChildren();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const addParagraph = async (text = 'More text.') => {
    const p = document.createElement('p');
    p.textContent = text;
    document.body.appendChild(p);
    // Let the observer's microtask deliver the records.
    await Promise.resolve();
    await Promise.resolve();
  };

  it('looks once per burst of changes, and stops when the look decides', async () => {
    const look = vi.fn(async () => document.body.children.length >= 3);
    const page = new AbortController();
    const ended = vi.fn();
    watchLateText(look, page.signal, { onEnd: ended });
    await addParagraph();
    await addParagraph();
    await vi.advanceTimersByTimeAsync(LATE_TEXT_LIMITS.batchMs);
    expect(look).toHaveBeenCalledTimes(1);
    await addParagraph();
    await vi.advanceTimersByTimeAsync(LATE_TEXT_LIMITS.batchMs);
    expect(look).toHaveBeenCalledTimes(2);
    // Decided: later changes cost nothing.
    await addParagraph();
    await vi.advanceTimersByTimeAsync(LATE_TEXT_LIMITS.batchMs * 2);
    expect(look).toHaveBeenCalledTimes(2);
    expect(ended).toHaveBeenCalledTimes(1);
    // Ending on its own leaves the page's signal alone.
    expect(page.signal.aborted).toBe(false);
    page.abort();
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('gives up after its last look on a page that never stops changing', async () => {
    const look = vi.fn(async () => false);
    watchLateText(look, new AbortController().signal);
    for (let i = 0; i < LATE_TEXT_LIMITS.maxRuns * 3; i++) {
      await addParagraph();
      await vi.advanceTimersByTimeAsync(LATE_TEXT_LIMITS.batchMs);
    }
    expect(look).toHaveBeenCalledTimes(LATE_TEXT_LIMITS.maxRuns);
  });

  it('stops when its time is up, and when its page goes', async () => {
    const look = vi.fn(async () => false);
    watchLateText(look, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(LATE_TEXT_LIMITS.maxMs + 1);
    await addParagraph();
    await vi.advanceTimersByTimeAsync(LATE_TEXT_LIMITS.batchMs);
    expect(look).not.toHaveBeenCalled();

    const other = vi.fn(async () => false);
    const page = new AbortController();
    const ended = vi.fn();
    watchLateText(other, page.signal, { onEnd: ended });
    page.abort();
    page.abort();
    expect(ended).toHaveBeenCalledTimes(1);
    await addParagraph();
    await vi.advanceTimersByTimeAsync(LATE_TEXT_LIMITS.batchMs);
    expect(other).not.toHaveBeenCalled();

    const late = vi.fn(async () => false);
    const gone = new AbortController();
    gone.abort();
    watchLateText(late, gone.signal);
    await addParagraph();
    await vi.advanceTimersByTimeAsync(LATE_TEXT_LIMITS.batchMs);
    expect(late).not.toHaveBeenCalled();
  });
});
