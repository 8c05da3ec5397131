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
