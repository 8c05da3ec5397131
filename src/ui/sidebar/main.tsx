// Entry point of sidebar.html, both as the in-page iframe (?embedded=1) and as the browser's
// own side panel (Chrome side_panel, Firefox sidebar_action).
import { render } from 'preact';
import { App } from './App';
import { createBrowserApi } from './browser-api';
import { applyDocumentLanguage } from './document-language';
import { announceToHost, awaitFrameLink } from './frame-handshake';
import { request, t } from '../shared/client';

const embedded = new URLSearchParams(location.search).get('embedded') === '1';
const root = document.getElementById('app');

function show(api: ReturnType<typeof createBrowserApi>): void {
  applyDocumentLanguage(document, api.t, api.t('sidebarTitle'));
  if (root) render(<App api={api} embedded={embedded} />, root);
}

if (!embedded) {
  show(createBrowserApi({ followActiveTab: true }));
} else {
  applyDocumentLanguage(document, t, t('sidebarTitle'));
  // Framed by anything but this extension's own content script, the sidebar never learns a
  // secret and shows nothing: there is nothing to click.
  void awaitFrameLink((secret) =>
    request({ type: 'frame/context', secret }).then(
      () => true,
      () => false,
    ),
  ).then((link) => {
    show(createBrowserApi({ followActiveTab: false, secret: link.secret }));
    announceToHost(link);
  });
}
