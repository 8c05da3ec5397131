// Entry point of sidebar.html, both as the in-page iframe (?embedded=1) and as the browser's
// own side panel (Chrome side_panel, Firefox sidebar_action).
import { render } from 'preact';
import { App } from './App';
import { createBrowserApi } from './browser-api';
import { applyDocumentLanguage } from './document-language';

const embedded = new URLSearchParams(location.search).get('embedded') === '1';
const api = createBrowserApi({ followActiveTab: !embedded });
applyDocumentLanguage(document, api.uiLanguage(), api.t('sidebarTitle'));

const root = document.getElementById('app');
if (root) render(<App api={api} embedded={embedded} />, root);

// The in-page host shows nothing until its frame says it runs: in a sandboxed page the frame
// inherits the sandbox and its scripts never would. The nonce (the address's fragment) tells
// the host this frame's message from anything else posted to the page.
if (embedded && location.hash.length > 1) {
  window.parent.postMessage({ type: 'story-context:frame-ready', nonce: location.hash.slice(1) }, '*');
}
