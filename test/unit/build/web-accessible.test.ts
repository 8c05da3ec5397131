// What web pages may load from the extension, per browser.
import { describe, expect, it } from 'vitest';
import { webAccessibleFor } from '../../../scripts/manifest-variants';

// crxjs writes the sidebar's entry with use_dynamic_url: false.
const declared = [{ resources: ['sidebar.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: false }];

describe('web-accessible resources', () => {
  it("in Chrome, answer only at the per-session dynamic address, the second stage included", () => {
    const wars = webAccessibleFor('chrome', declared);
    expect(wars.flatMap((w) => w.resources).sort()).toEqual(['content/story-page.js', 'sidebar.html']);
    for (const w of wars) expect(w.use_dynamic_url).toBe(true);
  });

  it('in Firefox, carry no Chrome-only key (the moz-extension address is random per install)', () => {
    const wars = webAccessibleFor('firefox', declared);
    expect(wars.flatMap((w) => w.resources).sort()).toEqual(['content/story-page.js', 'sidebar.html']);
    for (const w of wars) expect('use_dynamic_url' in w).toBe(false);
  });
});
