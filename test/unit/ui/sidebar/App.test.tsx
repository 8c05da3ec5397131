// @vitest-environment happy-dom
import { cleanup, fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { pageKey } from '../../../../src/url/identity';
import { bundledPacks } from '../../../../src/packs/bundled';
import type { StoryPack } from '../../../../src/packs/schema';
import { tabContext } from './fake-api';
import { renderApp } from './render-app';

const pack = bundledPacks.find((p) => p.id === 'alibaba-pla-memo') as StoryPack;

afterEach(() => cleanup());

function byTestId(root: ParentNode, id: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
}

function follows(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

describe('sidebar content', () => {
  it('shows the first screen, then every section closed, in reading order', async () => {
    const { container } = await renderApp();
    const order = ['glance', 'status-chips', 'top-response', 'this-page', 'coverage-chart', 'claims', 'responses', 'verification', 'coverage', 'timeline', 'why', 'settings'];
    const firsts = order.map((id) => byTestId(container, id)[0]);
    firsts.forEach((el, i) => expect(el, order[i]).toBeDefined());
    for (let i = 1; i < firsts.length; i++) expect(follows(firsts[i - 1]!, firsts[i]!), `${order[i - 1]} before ${order[i]}`).toBe(true);
    const disclosures = [...container.querySelectorAll<HTMLDetailsElement>('main details.disclosure')];
    expect(disclosures.map((d) => d.dataset['testid'])).toEqual(order.slice(5));
    expect(disclosures.every((d) => !d.open)).toBe(true);
  });

  it('says the status in words: not verified, in the pack\'s words, and denied, by whom', async () => {
    const { container } = await renderApp();
    const chips = byTestId(container, 'status-chip');
    expect(chips.map((c) => c.dataset['tone'])).toEqual(['unverified', 'denied']);
    expect(chips[0]!.textContent).toContain('Status: Not verified');
    expect(chips[0]!.textContent).toContain(pack.verification[0]!.text);
    expect(chips[1]!.textContent).toContain('Status: Denied');
    expect(chips[1]!.textContent).toContain("by Alibaba Group and Embassy of the People's Republic of China in Washington");
  });

  it('quotes the denial short, with its speaker', async () => {
    const { container } = await renderApp();
    const top = byTestId(container, 'top-response')[0]!;
    expect(top.querySelector('blockquote')?.textContent).toBe('“The assertions and innuendos in the article are completely false.”');
    expect(byTestId(top, 'top-response-speaker')[0]!.textContent).toBe('Alibaba Group (spokesperson)');
  });

  it('charts coverage by language and the share that reports each response, in words too', async () => {
    const { container } = await renderApp();
    const chart = byTestId(container, 'coverage-chart')[0]!;
    expect(chart.querySelectorAll('svg[aria-hidden="true"]').length).toBe(4);
    expect(chart.textContent).toContain(`${pack.coverage.length} linked articles, by language`);
    const english = pack.coverage.filter((c) => c.lang === 'en').length;
    expect(byTestId(chart, 'chart-languages')[0]!.textContent).toContain(`English ${english}`);
    expect(byTestId(chart, 'chart-mentions')[0]!.querySelector('li')?.textContent).toMatch(new RegExp(`^${pack.detection.mentionKinds[0]!.label}: \\d+ of \\d+ outlets$`));
  });

  it('never shows notes written for pack authors', async () => {
    const { container } = await renderApp();
    const text = container.textContent ?? '';
    const authorNotes = [pack.firstReport.authorNote, ...pack.claims.map((c) => c.source.authorNote), ...pack.parties.flatMap((p) => p.statements.map((s) => s.authorNote)), ...pack.coverage.map((c) => c.authorNote)];
    for (const note of authorNotes) if (note) expect(text).not.toContain(note);
    expect(text).not.toMatch(/stored material|known only from a link/i);
  });

  it('states how the claims are known, with a link to each source', async () => {
    const { container } = await renderApp();
    const verification = byTestId(container, 'verification')[0]!;
    for (const note of pack.verification) expect(verification.textContent).toContain(note.text);
    const hrefs = [...verification.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain(pack.firstReport.url);
    expect(hrefs).toContain(pack.verification[0]!.source.url);
  });

  it('says who makes the claims, who answered them and their source once, not on every card', async () => {
    const { container } = await renderApp();
    const shared = byTestId(container, 'claims-shared')[0]!;
    expect(shared.textContent).toContain(pack.claims[0]!.allegedBy);
    expect(shared.textContent).toContain('Responded to by:');
    expect(shared.querySelector('a')?.getAttribute('href')).toBe(pack.firstReport.url);
    expect(shared.querySelector('a')?.textContent).toContain(pack.claims[0]!.source.note);
    for (const card of byTestId(container, 'claim')) {
      expect(card.textContent).not.toContain(pack.claims[0]!.allegedBy);
      expect(card.querySelector('a')).toBeNull();
    }
  });

  it('shows every claim as written, with who makes it and its status as text', async () => {
    const { container } = await renderApp();
    const claims = byTestId(container, 'claim');
    expect(claims).toHaveLength(pack.claims.length);
    claims.forEach((el, i) => {
      const claim = pack.claims[i]!;
      expect(el.textContent).toContain(claim.text);
      expect(el.querySelector('.chip')?.textContent).toBe(`Status: ${claim.status[0]!.toUpperCase()}${claim.status.slice(1)}`);
    });
  });

  it('quotes each statement word for word in a blockquote, with speaker, addressee and source', async () => {
    const { container } = await renderApp();
    const statements = pack.parties.flatMap((p) => p.statements);
    const rendered = byTestId(container, 'statement');
    expect(rendered).toHaveLength(statements.length);
    rendered.forEach((el, i) => {
      const st = statements[i]!;
      const quote = el.querySelector('blockquote')!;
      expect(quote.querySelector('p')?.textContent).toBe(st.quote);
      if (st.quoteContinued) expect(quote.textContent).toContain(st.quoteContinued);
      expect(el.textContent).toContain(st.speaker);
      expect(el.textContent).toContain(st.addressee);
      expect([...el.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toContain(st.sourceUrl);
      if (st.date === null) expect(el.textContent).toContain('date not shown');
    });
  });

  it('counts the outlets that mention the denial and says what the count is based on', async () => {
    const { container } = await renderApp();
    const denial = pack.detection.mentionKinds[0]!;
    const applicable = pack.coverage.filter((c) => c.mentions[denial.id] !== 'n/a');
    const yes = applicable.filter((c) => c.mentions[denial.id] === 'yes').length;
    const counts = byTestId(container, 'coverage-counts')[0]!;
    expect(counts.textContent).toContain(`${denial.label}: ${yes} of ${applicable.length} outlets`);
    expect(counts.textContent).toMatch(/excerpt/);
  });

  it('lists coverage with publisher, wire, language and date as given', async () => {
    const { container } = await renderApp();
    const items = byTestId(container, 'coverage-item');
    expect(items).toHaveLength(pack.coverage.length);
    const tradingkey = items.find((el) => el.dataset['coverageId'] === 'tradingkey-ja')!;
    expect(tradingkey.textContent).toContain('Reuters Japanese (via tradingkey.com)');
    expect(tradingkey.textContent).toContain('wire: Reuters');
    expect(tradingkey.textContent).toContain('Japanese');
    expect(tradingkey.textContent).toContain('2025-11-14');
    const circa = items.find((el) => el.dataset['coverageId'] === 'hurriyetdailynews')!;
    expect(circa.textContent).toContain('c. 2025-11-15/16 (not shown)');
    const undated = items.find((el) => el.dataset['coverageId'] === 'yoyofeed')!;
    expect(undated.textContent).toContain('date not shown');
  });

  it('renders only http(s) links, each opening in a new tab without an opener', async () => {
    const { container } = await renderApp();
    const links = [...container.querySelectorAll('a[href]')].filter((a) => !a.getAttribute('href')!.startsWith('#'));
    expect(links.length).toBeGreaterThan(pack.coverage.length);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('shows the follow-ups timeline with its sources', async () => {
    const { container } = await renderApp();
    const timeline = byTestId(container, 'timeline')[0]!;
    for (const entry of pack.timeline) {
      expect(timeline.textContent).toContain(entry.text);
      for (const url of entry.sources) expect(timeline.querySelector(`a[href="${url}"]`)).not.toBeNull();
    }
  });
});

describe('filtering coverage', () => {
  it('filters by language and wire, and sorts by date with undated items last', async () => {
    const { container } = await renderApp();
    const shown = () => byTestId(container, 'coverage-item').map((el) => el.dataset['coverageId']);
    fireEvent.change(container.querySelector<HTMLSelectElement>('#sb-filter-lang')!, { target: { value: 'ru' } });
    expect(shown()).toEqual(pack.coverage.filter((c) => c.lang === 'ru').map((c) => c.id));
    expect(byTestId(container, 'coverage-shown')[0]!.textContent).toBe(`Showing ${shown().length} of ${pack.coverage.length} articles`);
    fireEvent.change(container.querySelector<HTMLSelectElement>('#sb-filter-lang')!, { target: { value: '' } });
    fireEvent.change(container.querySelector<HTMLSelectElement>('#sb-filter-wire')!, { target: { value: 'Reuters' } });
    expect(shown()).toEqual(pack.coverage.filter((c) => c.wireOrigin === 'Reuters').map((c) => c.id));
    fireEvent.change(container.querySelector<HTMLSelectElement>('#sb-filter-wire')!, { target: { value: '' } });
    fireEvent.change(container.querySelector<HTMLSelectElement>('#sb-sort')!, { target: { value: 'newest' } });
    const ids = shown();
    expect(ids).toHaveLength(pack.coverage.length);
    expect(pack.coverage.find((c) => c.id === ids.at(-1))!.date).toBeNull();
    expect(pack.coverage.find((c) => c.id === ids[0])!.date).toMatch(/^2026-/);
  });
});

describe('opening coverage', () => {
  it('asks the background to open a plain click, and marks the source as opened', async () => {
    const { api, container } = await renderApp();
    const item = byTestId(container, 'coverage-item').find((el) => el.dataset['coverageId'] === 'zerohedge')!;
    expect(item.hasAttribute('data-opened')).toBe(false);
    const link = item.querySelector('a')!;
    const notPrevented = fireEvent.click(link);
    expect(notPrevented).toBe(false);
    expect(api.openSource).toHaveBeenCalledWith(pack.coverage.find((c) => c.id === 'zerohedge')!.url, pack.id);
    await waitFor(() => expect(item.getAttribute('data-opened')).toBe('true'));
    expect(item.textContent).toContain('Opened');
  });

  it("leaves a modifier- or middle-click to the browser", async () => {
    const { api, container } = await renderApp();
    const link = byTestId(container, 'coverage-item')[0]!.querySelector('a')!;
    // Record what the sidebar did with the click, then stop the test DOM from navigating.
    const leftToBrowser: boolean[] = [];
    const stop = (e: Event) => {
      leftToBrowser.push(!e.defaultPrevented);
      e.preventDefault();
    };
    document.addEventListener('click', stop);
    document.addEventListener('auxclick', stop);
    fireEvent.click(link, { ctrlKey: true });
    fireEvent.click(link, { button: 1 });
    fireEvent.click(link, { shiftKey: true });
    document.removeEventListener('click', stop);
    document.removeEventListener('auxclick', stop);
    expect(leftToBrowser).toEqual([true, true, true]);
    expect(api.openSource).not.toHaveBeenCalled();
  });

  it('marks sources opened earlier, comparing normalised URLs', async () => {
    const target = pack.coverage.find((c) => c.id === 'firstpost')!;
    const { container } = await renderApp({
      visits: [{ url: pageKey(target.url), storyId: pack.id, firstAt: 1, lastAt: 2, count: 2 }],
    });
    const opened = byTestId(container, 'coverage-item').filter((el) => el.hasAttribute('data-opened'));
    expect(opened.map((el) => el.dataset['coverageId'])).toEqual(['firstpost']);
  });

  it('updates the opened marks when the background says visits changed', async () => {
    const { api, container } = await renderApp();
    const target = pack.coverage.find((c) => c.id === 'ettoday')!;
    api.state.visits.push({ url: pageKey(target.url), storyId: pack.id, firstAt: 1, lastAt: 1, count: 1 });
    api.emit({ what: 'visits' });
    await waitFor(() => {
      const item = byTestId(container, 'coverage-item').find((el) => el.dataset['coverageId'] === 'ettoday')!;
      expect(item.hasAttribute('data-opened')).toBe(true);
    });
  });
});

describe('this page', () => {
  it('says what the page mentions and what was not found', async () => {
    const { container } = await renderApp({ ctx: tabContext({}, { mentions: { denial: true, embassy: false, ftCaveat: false } }) });
    const section = byTestId(container, 'this-page')[0]!;
    const [denial, ...others] = pack.detection.mentionKinds;
    expect(byTestId(section, 'page-mentions').map((li) => li.textContent)).toEqual([`✓${denial!.yes}`]);
    expect(byTestId(section, 'page-leaves-out').map((li) => li.textContent)).toEqual(others.map((k) => `✗${k.no}`));
    expect(section.textContent).toContain('key words');
    expect(byTestId(container, 'caution')).toHaveLength(0);
  });

  it('says when the page is known coverage and marks it in the list', async () => {
    const zh = pack.coverage.find((c) => c.id === 'zerohedge')!;
    const { container } = await renderApp({ ctx: tabContext({ url: zh.url }, { knownCoverageId: 'zerohedge' }) });
    expect(byTestId(container, 'this-page')[0]!.textContent).toContain('This page is in the linked coverage (ZeroHedge)');
    const item = byTestId(container, 'coverage-item').find((el) => el.dataset['coverageId'] === 'zerohedge')!;
    expect(item.textContent).toContain('This page');
  });

  it("shows the pack's caution for a look-alike site prominently, with a jump from the top", async () => {
    const caution = pack.cautions.find((c) => c.id === 'cnnbc-lookalike')!;
    const { container } = await renderApp({ ctx: tabContext({ url: caution.urls[0]! }) });
    const box = byTestId(container, 'caution')[0]!;
    expect(box.textContent).toContain(caution.text);
    expect(box.textContent).toContain('Look-alike domain');
    const jump = within(container.querySelector('header')!).getByRole('button', { name: /This page has a caution \(Look-alike domain\)/ });
    fireEvent.click(jump);
    expect(document.activeElement).toBe(box);
  });

  it("shows detection's caution text when only detection knows it", async () => {
    const { container } = await renderApp({ ctx: tabContext({}, { caution: 'This site rewrites wire copy.' }) });
    expect(byTestId(container, 'caution')[0]!.textContent).toContain('This site rewrites wire copy.');
  });
});

describe('why am I seeing this', () => {
  it('lists the matched signals with where they matched', async () => {
    const { container } = await renderApp();
    const why = byTestId(container, 'why')[0]!;
    const items = [...why.querySelectorAll('.signals li')].map((li) => li.textContent);
    expect(items).toEqual(['Alibaba — in the headline: alibaba', 'the memo — in the opening paragraphs: memo']);
  });

  it("turns the sidebar off for the page's host and says so", async () => {
    const { api, container } = await renderApp({ ctx: tabContext({ url: 'https://www.news.example.org/a' }) });
    fireEvent.click(byTestId(container, 'site-off')[0]!);
    await waitFor(() => expect(byTestId(container, 'why')[0]!.textContent).toContain('Turned off on www.news.example.org'));
    expect(api.setSiteEnabled).toHaveBeenCalledWith('www.news.example.org', false);
    expect(byTestId(container, 'site-off')).toHaveLength(0);
    fireEvent.click(within(byTestId(container, 'why')[0]!).getByRole('button', { name: 'Turn back on' }));
    await waitFor(() => expect(byTestId(container, 'site-off')).toHaveLength(1));
    expect(api.setSiteEnabled).toHaveBeenLastCalledWith('www.news.example.org', true);
  });

  it('shows the site as off when the settings already list it', async () => {
    const { container } = await renderApp({
      ctx: tabContext({ url: 'https://news.example.org/a' }),
      settings: { sidebarMode: 'first-open', disabledSites: ['example.org'] },
    });
    expect(byTestId(container, 'site-off')).toHaveLength(0);
    expect(byTestId(container, 'why')[0]!.textContent).toContain('Turned off on news.example.org');
  });
});

describe('saving', () => {
  it('saves a claim, shows it saved in place and announces it; undo deletes it', async () => {
    const { api, container } = await renderApp();
    const claimEl = byTestId(container, 'claim')[1]!;
    fireEvent.click(within(claimEl).getByTestId('save-claim'));
    await waitFor(() => expect(within(claimEl).queryByTestId('undo')).not.toBeNull());
    const claim = pack.claims[1]!;
    expect(api.saveItem).toHaveBeenCalledWith(expect.objectContaining({ kind: 'claim', ref: claim.id, url: claim.source.url, storyId: pack.id }));
    expect(claimEl.textContent).toContain('Saved');
    expect(within(claimEl).queryByTestId('save-claim')).toBeNull();
    await waitFor(() => expect(container.querySelector('[role="status"]')?.textContent).toBe('Saved'));
    // Focus follows the control that replaced the pressed button.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Add note and tags'));

    const savedId = api.saveItem.mock.results[0]!.value as Promise<{ id: string }>;
    fireEvent.click(within(claimEl).getByTestId('undo'));
    await waitFor(() => expect(within(claimEl).queryByTestId('save-claim')).not.toBeNull());
    expect(api.deleteItems).toHaveBeenCalledWith([(await savedId).id]);
    await waitFor(() => expect(container.querySelector('[role="status"]')?.textContent).toMatch(/^Undone/));
    // Only the second claim changed.
    expect(byTestId(container, 'undo')).toHaveLength(0);
  });

  it('saves a quote, a source and the article with what each is', async () => {
    const { api, container } = await renderApp({ ctx: tabContext({ url: 'https://news.example.org/a' }, { title: 'Page headline' }) });
    fireEvent.click(byTestId(container, 'save-quote')[0]!);
    fireEvent.click(byTestId(container, 'save-source')[0]!);
    fireEvent.click(byTestId(container, 'save-article')[0]!);
    await waitFor(() => expect(api.saveItem).toHaveBeenCalledTimes(3));
    const statement = pack.parties[0]!.statements[0]!;
    const inputs = api.saveItem.mock.calls.map((c) => c[0]);
    expect(inputs[0]).toMatchObject({ kind: 'quote', ref: statement.id, url: statement.sourceUrl });
    expect(inputs[0]!.quote).toContain(statement.quote);
    expect(inputs[1]).toMatchObject({ kind: 'source', ref: pack.coverage[0]!.id, url: pack.coverage[0]!.url });
    expect(inputs[2]).toMatchObject({ kind: 'article', url: 'https://news.example.org/a', title: 'Page headline' });
    await waitFor(() => expect(byTestId(container, 'undo')).toHaveLength(3));
  });

  it('adds a note and tags to a saved item', async () => {
    const { api, container } = await renderApp();
    const statementEl = byTestId(container, 'statement')[0]!;
    fireEvent.click(within(statementEl).getByTestId('save-quote'));
    const noteButton = await within(statementEl).findByRole('button', { name: 'Add note and tags' });
    fireEvent.click(noteButton);
    fireEvent.input(within(statementEl).getByLabelText('Note'), { target: { value: ' check the wire copy ' } });
    fireEvent.input(within(statementEl).getByLabelText('Tags (separated by commas)'), { target: { value: 'denial, Reuters, denial' } });
    fireEvent.click(within(statementEl).getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(statementEl.textContent).toContain('check the wire copy'));
    const id = (await (api.saveItem.mock.results[0]!.value as Promise<{ id: string }>)).id;
    expect(api.updateItem).toHaveBeenCalledWith(id, { note: 'check the wire copy', tags: ['denial', 'Reuters'] });
    expect(statementEl.textContent).toContain('denial, Reuters');
    expect(within(statementEl).getByRole('button', { name: 'Edit note and tags' })).toBeDefined();
  });

  it('shows items saved elsewhere when the background says items changed', async () => {
    const { api, container } = await renderApp();
    const claim = pack.claims[0]!;
    api.state.items.push({
      id: 'elsewhere', kind: 'claim', url: claim.source.url!, title: claim.text, publisher: '', quote: '', note: 'from the popup',
      tags: [], storyId: pack.id, ref: claim.id, site: new URL(claim.source.url!).hostname, key: `claim|${claim.source.url!}|${claim.id}`,
      createdAt: 1, updatedAt: 1,
    });
    api.emit({ what: 'items' });
    const claimEl = byTestId(container, 'claim')[0]!;
    await waitFor(() => expect(within(claimEl).queryByTestId('undo')).not.toBeNull());
    expect(claimEl.textContent).toContain('from the popup');
  });

  it('still shows the whole story when storage is unavailable, and says saving is off', async () => {
    const { container } = await renderApp({ storageUnavailable: true });
    expect(container.textContent).toContain('Saving is unavailable in this window');
    expect(byTestId(container, 'claim')).toHaveLength(pack.claims.length);
    expect(byTestId(container, 'coverage-item')).toHaveLength(pack.coverage.length);
    for (const id of ['save-article', 'save-claim', 'save-quote', 'save-source']) expect(byTestId(container, id)).toHaveLength(0);
    expect(byTestId(container, 'verification')).toHaveLength(1);
  });
});

describe('inside a web page, settings are confirmed in the options page', () => {
  it('asks the options page to turn the site off instead of turning it off', async () => {
    const { api, container } = await renderApp({ privileged: false, ctx: tabContext({ url: 'https://www.news.example.org/a' }) });
    const why = byTestId(container, 'why')[0]!;
    expect(why.textContent).toContain("confirm in Story Context's settings");
    fireEvent.click(byTestId(container, 'site-off')[0]!);
    await waitFor(() => expect(why.textContent).toContain('Confirm in the settings tab that just opened.'));
    expect(api.confirmSiteOff).toHaveBeenCalledTimes(1);
    expect(api.setSiteEnabled).not.toHaveBeenCalled();
  });

  it('offers the options page instead of the opening-mode choices', async () => {
    const { api, container } = await renderApp({ privileged: false });
    expect(container.querySelector('input[name="sb-mode"]')).toBeNull();
    fireEvent.click(byTestId(container, 'open-settings')[0]!);
    await waitFor(() => expect(api.openSettings).toHaveBeenCalledTimes(1));
    expect(api.updateSettings).not.toHaveBeenCalled();
  });
});

describe('settings', () => {
  it('shows the current opening mode and changes it', async () => {
    const { api, container } = await renderApp({ settings: { sidebarMode: 'tab-only', disabledSites: [] } });
    const tabOnly = container.querySelector<HTMLInputElement>('input[value="tab-only"]')!;
    expect(tabOnly.checked).toBe(true);
    const always = container.querySelector<HTMLInputElement>('input[value="always-open"]')!;
    fireEvent.click(always);
    await waitFor(() => expect(api.updateSettings).toHaveBeenCalledWith({ sidebarMode: 'always-open' }));
    await waitFor(() => expect(container.querySelector<HTMLInputElement>('input[value="always-open"]')!.checked).toBe(true));
  });
});

describe('embedded in a page', () => {
  it('has a close button, and Escape anywhere closes too', async () => {
    const { api, container } = await renderApp({}, true);
    const close = byTestId(container, 'close')[0]!;
    expect(close.tagName).toBe('BUTTON');
    expect(close.getAttribute('aria-label')).toBe('Close the sidebar');
    fireEvent.click(close);
    expect(api.setSidebar).toHaveBeenCalledWith('collapsed');
    api.setSidebar.mockClear();
    fireEvent.keyDown(byTestId(container, 'claim')[0]!, { key: 'Escape' });
    expect(api.setSidebar).toHaveBeenCalledWith('collapsed');
  });

  it('asks for its own tab (no tab id) and reloads when that tab changes', async () => {
    const { api } = await renderApp({}, true);
    expect(api.tabContext).toHaveBeenCalledWith(undefined);
    expect(api.activeTabId).not.toHaveBeenCalled();
    const calls = api.tabContext.mock.calls.length;
    api.emit({ what: 'tab', tabId: 99 });
    api.emit({ what: 'tab', tabId: 7 });
    await waitFor(() => expect(api.tabContext.mock.calls.length).toBe(calls + 1));
  });
});

describe('in the browser side panel', () => {
  it('follows the active tab, with no close button', async () => {
    const other = tabContext({ tabId: 8, url: 'https://cnnbc.com/x' });
    const { api, container } = await renderApp({ contexts: { 7: tabContext(), 8: other }, activeTab: 7 }, false);
    expect(api.tabContext).toHaveBeenCalledWith(7);
    expect(byTestId(container, 'close')).toHaveLength(0);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(api.setSidebar).not.toHaveBeenCalled();
    expect(byTestId(container, 'caution')).toHaveLength(0);

    api.state.activeTab = 8;
    api.emit({ what: 'tab', tabId: 8 });
    await waitFor(() => expect(byTestId(container, 'caution')).toHaveLength(1));
    expect(api.tabContext).toHaveBeenLastCalledWith(8);
  });

  it('shows a short empty state on a tab without a tracked story', async () => {
    const { container } = await renderApp({ contexts: { 7: null }, activeTab: 7 }, false);
    expect(container.textContent).toContain('No tracked story in this tab');
    expect(byTestId(container, 'verification')).toHaveLength(0);
    expect(container.querySelector('h1')?.textContent).toBe('Story context');
  });
});

describe('when the background does not answer', () => {
  it('says so and can try again', async () => {
    const { api, container, findByText } = await renderApp();
    api.tabContext.mockRejectedValueOnce(new Error('The extension did not answer.'));
    api.emit({ what: 'tab' });
    await findByText('The story context could not be loaded');
    expect(container.querySelector('[data-ready]')).not.toBeNull();
    fireEvent.click(await findByText('Try again'));
    await waitFor(() => expect(byTestId(container, 'verification')).toHaveLength(1));
  });
});
