import { render } from 'preact';
import { browser } from '../../platform/browser';
import { App } from './App';
import { createOptionsApi } from './real-api';

const api = createOptionsApi();
document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
document.title = api.t('op_title');
const root = document.getElementById('app')!;
const show = () => render(<App key={location.hash} api={api} hash={location.hash} />, root);
// The sidebar may send the reader here again, with another site to confirm, while it is open.
window.addEventListener('hashchange', show);
show();
