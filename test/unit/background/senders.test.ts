// Who may ask what: the sender's facts decide, never what the message claims.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => ({ browser: {} }));
const { classify } = await import('../../../src/background/senders');

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;

describe('classify', () => {
  it('trusts the popup and the side panel, which have no tab', () => {
    expect(classify({ id: ID, url: `${BASE}popup.html` }, ID, BASE)).toBe('extension-page');
    expect(classify({ id: ID, url: `${BASE}sidebar.html` }, ID, BASE)).toBe('extension-page');
  });

  it('trusts an extension page that is the top frame of its own tab', () => {
    expect(classify({ id: ID, url: `${BASE}options.html`, frameId: 0, tab: { id: 3, url: `${BASE}options.html` } }, ID, BASE)).toBe('extension-page');
  });

  it('calls an extension page inside a web page embedded, whatever its address says', () => {
    const framed = { id: ID, url: `${BASE}sidebar.html?embedded=1`, frameId: 7, tab: { id: 3, url: 'https://news.example/a' } };
    expect(classify(framed, ID, BASE)).toBe('embedded-frame');
    // A page without host access: the browser does not even tell the tab's address.
    expect(classify({ ...framed, tab: { id: 3 } }, ID, BASE)).toBe('embedded-frame');
    // The popup's own address inside a frame is still a frame.
    expect(classify({ ...framed, url: `${BASE}popup.html` }, ID, BASE)).toBe('embedded-frame');
  });

  it('sees content scripts by their web page address and refuses other extensions', () => {
    expect(classify({ id: ID, url: 'https://news.example/a', frameId: 0, tab: { id: 3 } }, ID, BASE)).toBe('content-script');
    expect(classify({ id: 'other', url: `${BASE}popup.html` }, ID, BASE)).toBe('unknown');
    expect(classify({ id: ID, url: 'file:///etc/passwd', tab: { id: 3 } }, ID, BASE)).toBe('unknown');
  });
});
