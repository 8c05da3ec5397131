// The content script's decisions, walked through without a browser: what a check of the
// current address does, and what a detection result leads to.
import { describe, expect, it, vi } from 'vitest';
import { checkStep, detectedStep, mountsHost } from '../../../src/content/page-steps';

const A = 'https://news.example/a';
const B = 'https://news.example/b';

describe('checkStep', () => {
  it('does nothing for an address it has checked already, and does not ask the runtime', () => {
    const alive = vi.fn(() => true);
    expect(checkStep(A, A, 3, true, alive)).toBe('same');
    expect(alive).not.toHaveBeenCalled();
  });

  it('dismisses a page without the names of a story and never touches the runtime', () => {
    const alive = vi.fn(() => true);
    expect(checkStep(A, '', 0, false, alive)).toBe('dismiss');
    expect(alive).not.toHaveBeenCalled();
  });

  it('leaves a story page when the single-page site moves on to a page without a story', () => {
    expect(checkStep(B, A, 0, true, () => true)).toBe('leave');
  });

  it('enters a candidate page, first or after another', () => {
    expect(checkStep(A, '', 1, false, () => true)).toBe('enter');
    expect(checkStep(B, A, 2, true, () => true)).toBe('enter');
  });

  it('goes when the runtime is gone, wherever it would have gone next', () => {
    expect(checkStep(A, '', 1, false, () => false)).toBe('orphan');
    expect(checkStep(B, A, 0, true, () => false)).toBe('orphan');
  });
});

describe('detectedStep', () => {
  it('shows a story found on a web page', () => {
    expect(detectedStep(A, 'alibaba-pla-memo', false)).toBe('show');
    expect(detectedStep('http://news.example/a', 'alibaba-pla-memo', false)).toBe('show');
  });

  it('watches for the text of a page that may still be a story', () => {
    expect(detectedStep(A, null, true)).toBe('watch');
  });

  it('leaves a page that was judged, and any page that is not a web page', () => {
    expect(detectedStep(A, null, false)).toBe('leave');
    expect(detectedStep('file:///tmp/a.html', 'alibaba-pla-memo', false)).toBe('leave');
    expect(detectedStep('file:///tmp/a.html', null, true)).toBe('leave');
  });
});

describe('mountsHost', () => {
  it('mounts with a secret in an ordinary document', () => {
    expect(mountsHost('https://news.example', 's'.repeat(32))).toBe(true);
  });

  it('does not mount in a sandboxed document or without a secret', () => {
    expect(mountsHost('null', 's'.repeat(32))).toBe(false);
    expect(mountsHost('https://news.example', null)).toBe(false);
  });
});
