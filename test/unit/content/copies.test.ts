// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HOST_ATTRIBUTE, sidebarShown } from '../../../src/content/copies';

describe('whether an older copy of the content script has a sidebar to take down', () => {
  it('is no on a page without the host', () => {
    document.documentElement.replaceChildren(document.createElement('head'), document.createElement('body'));
    expect(sidebarShown(document)).toBe(false);
  });
  it('is yes when the host is a child of the root element, where the sidebar puts it', () => {
    const host = document.createElement('div');
    host.setAttribute(HOST_ATTRIBUTE, '');
    document.documentElement.append(host);
    expect(sidebarShown(document)).toBe(true);
  });
  it('looks no deeper than the root’s children: a copy of the marker inside the article is not a sidebar', () => {
    document.documentElement.replaceChildren(document.createElement('head'), document.createElement('body'));
    const inner = document.createElement('div');
    inner.setAttribute(HOST_ATTRIBUTE, '');
    document.body.append(inner);
    expect(sidebarShown(document)).toBe(false);
  });
  it('is no, without throwing, on a page that removed its root element', () => {
    const root = document.documentElement;
    document.removeChild(root);
    try {
      expect(sidebarShown(document)).toBe(false);
    } finally {
      document.appendChild(root);
    }
  });
});
