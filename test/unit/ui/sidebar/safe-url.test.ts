import { describe, expect, it } from 'vitest';
import { displayHost, httpHref } from '../../../../src/ui/components/safe-url';

describe('httpHref', () => {
  it('accepts absolute http(s) URLs', () => {
    expect(httpHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(httpHref(' http://example.com ')).toBe('http://example.com/');
  });

  it('refuses every other scheme, relative paths and non-strings', () => {
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'chrome://settings', '/relative', '//example.com/x', 'vbscript:x', '', null, undefined, 42]) {
      expect(httpHref(bad)).toBeNull();
    }
  });
});

describe('displayHost', () => {
  it('shows the host without www, and nothing for a refused URL', () => {
    expect(displayHost('https://www.rbc.ru/politics/x')).toBe('rbc.ru');
    expect(displayHost('javascript:alert(1)')).toBe('');
  });
});
