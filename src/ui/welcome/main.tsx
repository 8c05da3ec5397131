import { render } from 'preact';
import { browser } from '../../platform/browser';
import { SITE_ACCESS_KEY } from '../../protocol/messages';
import { t } from '../shared/client';
import { applyDocumentLanguage } from '../shared/document-language';
import { chooseAnySite, chooseListedOnly, currentSiteAccess, listedSiteNames, type SiteAccessChoice } from '../settings/site-access';
import { Welcome, type WelcomeApi } from './App';

const api: WelcomeApi = {
  t,
  listedSites: listedSiteNames(),
  async previousChoice() {
    const got = (await browser.storage.local.get(SITE_ACCESS_KEY))[SITE_ACCESS_KEY] as { choice?: SiteAccessChoice } | undefined;
    if (got?.choice !== 'any' && got?.choice !== 'listed') return null;
    // Answered before: what is in force now (access may have been withdrawn since, in the
    // browser's own settings).
    return currentSiteAccess();
  },
  chooseAnySite,
  chooseListedOnly,
  openOptions: () => void browser.runtime.openOptionsPage(),
};
applyDocumentLanguage(document, t, t('wl_title'));
render(<Welcome api={api} />, document.getElementById('app')!);
