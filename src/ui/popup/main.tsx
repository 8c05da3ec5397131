import { render } from 'preact';
import { browser } from '../../platform/browser';
import { App, FIRST_PAGE } from './App';
import { createRealApi } from './real-api';

const api = createRealApi({ prefetch: FIRST_PAGE });
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = api.t('pp_title');
render(<App api={api} />, document.getElementById('app')!);
