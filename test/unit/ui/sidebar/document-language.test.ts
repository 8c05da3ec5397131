// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applyDocumentLanguage } from '../../../../src/ui/sidebar/document-language';

describe('applyDocumentLanguage', () => {
  it("sets <html lang>, dir and the title from the browser's UI language", () => {
    applyDocumentLanguage(document, 'zh_CN', '新闻背景');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.title).toBe('新闻背景');
    applyDocumentLanguage(document, 'ar', 'x');
    expect(document.documentElement.dir).toBe('rtl');
  });
});
