import { render } from 'preact';
import { applyDocumentLanguage } from '../shared/document-language';
import { App } from './App';
import { createOptionsApi } from './real-api';

const api = createOptionsApi();
applyDocumentLanguage(document, api.t, api.t('op_title'));
const root = document.getElementById('app')!;
const show = () => render(<App key={location.hash} api={api} hash={location.hash} />, root);
// The sidebar may send the reader here again, with another site to confirm, while it is open.
window.addEventListener('hashchange', show);
show();
