import { render } from 'preact';
import { applyDocumentLanguage } from '../shared/document-language';
import { App, FIRST_PAGE } from './App';
import { createRealApi } from './real-api';

const api = createRealApi({ prefetch: FIRST_PAGE });
applyDocumentLanguage(document, api.t, api.t('pp_title'));
render(<App api={api} />, document.getElementById('app')!);
