// The extension pages lay out right to left in Arabic: their CSS uses logical properties
// (margin-inline-start, inset-inline, text-align: start…), never physical left or right.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FILES = ['src/ui/sidebar/sidebar.css', 'src/ui/popup/popup.css', 'src/ui/settings/settings.css'];
const PHYSICAL = /^\s*(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)[\w-]*|left|right|float\s*:\s*(?:left|right)|clear\s*:\s*(?:left|right)|text-align\s*:\s*(?:left|right))\b/;

describe.each(FILES)('%s', (file) => {
  it('uses no physical left/right property', () => {
    const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const lines = css
      .split('\n')
      .map((line, i) => ({ line: line.trim(), n: i + 1 }))
      .filter(({ line }) => PHYSICAL.test(line))
      .map(({ line, n }) => `${n}: ${line}`);
    expect(lines).toEqual([]);
  });
});
