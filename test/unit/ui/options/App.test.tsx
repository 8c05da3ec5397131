// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../../src/ui/options/App';
import type { OptionsApi } from '../../../../src/ui/options/api';
import { confirmDisableHost } from '../../../../src/ui/options/confirm-disable';
import en from '../../../../public/_locales/en/messages.json' with { type: 'json' };

afterEach(cleanup);

const messages = en as Record<string, { message: string }>;
function t(key: string, ...subs: string[]): string {
  const m = messages[key]?.message;
  if (!m) throw new Error(`no message ${key}`);
  return m.replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');
}

function fakeApi(over: Partial<OptionsApi> = {}) {
  const disabled = new Set<string>(['old.example']);
  const api: OptionsApi = {
    locale: 'en',
    t,
    listedSites: ['ft.com', 'reuters.com'],
    siteAccess: vi.fn(async () => 'listed' as const),
    chooseAnySite: vi.fn(async () => 'any' as const),
    chooseListedOnly: vi.fn(async () => 'listed' as const),
    disabledSites: vi.fn(async () => [...disabled].sort()),
    setSiteEnabled: vi.fn(async (site: string, enabled: boolean) => {
      if (enabled) disabled.delete(site);
      else disabled.add(site);
    }),
    sidebarMode: vi.fn(async () => 'first-open' as const),
    setSidebarMode: vi.fn(async () => undefined),
    counts: vi.fn(async () => ({ items: 3, visits: 2 })),
    exportAll: vi.fn(async () => ({ name: 'story-context.json', count: 3 })),
    deleteAll: vi.fn(async () => 3),
    forgetVisits: vi.fn(async () => undefined),
    watch: () => () => undefined,
    ...over,
  };
  return api;
}

async function mount(api: OptionsApi, hash = '') {
  const view = render(<App api={api} hash={hash} />);
  await waitFor(() => expect(view.container.querySelector('[data-ready]')).not.toBeNull());
  return view;
}

describe('confirm-disable hash', () => {
  it('reads a url-encoded host', () => {
    expect(confirmDisableHost('#confirm-disable=news.example.com')).toBe('news.example.com');
    expect(confirmDisableHost('#confirm-disable=News.Example.COM.')).toBe('news.example.com');
    expect(confirmDisableHost('#confirm-disable=xn--80ak6aa92e.com')).toBe('xn--80ak6aa92e.com');
  });

  it('refuses anything that is not a hostname', () => {
    for (const bad of ['', '#', '#confirm-disable=', '#confirm-disable=%3Cb%3E', '#confirm-disable=a b', '#confirm-disable=%E0%A4%A', '#other=x.com', '#confirm-disable=x.com&y=1', `#confirm-disable=${'a'.repeat(254)}`]) {
      expect(confirmDisableHost(bad), bad).toBeNull();
    }
  });
});

describe('options page', () => {
  it('asks "Turn off Story Context on <host>?" with focus, and turns it off on "Turn off"', async () => {
    const api = fakeApi();
    const view = await mount(api, '#confirm-disable=news.example.com');
    const confirm = view.container.querySelector('[data-confirm-disable]')!;
    expect(confirm.getAttribute('data-confirm-disable')).toBe('news.example.com');
    expect(confirm.textContent).toContain('Turn off Story Context on news.example.com?');
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(confirm.querySelector('[data-action=confirm]')!);
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toBe('Story Context is now off on news.example.com.'));
    expect(api.setSiteEnabled).toHaveBeenCalledWith('news.example.com', false);
    expect(view.container.querySelector('[data-confirm-disable]')).toBeNull();
    expect(view.container.querySelector('[data-site="news.example.com"]')).not.toBeNull();
  });

  it('changes nothing on "Keep it on"', async () => {
    const api = fakeApi();
    const view = await mount(api, '#confirm-disable=news.example.com');
    fireEvent.click(view.container.querySelector('[data-action=cancel]')!);
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toBe('Story Context stays on for news.example.com.'));
    expect(api.setSiteEnabled).not.toHaveBeenCalled();
    expect(view.container.querySelector('[data-confirm-disable]')).toBeNull();
  });

  it('shows no question without the hash', async () => {
    const view = await mount(fakeApi());
    expect(view.container.querySelector('[data-confirm-disable]')).toBeNull();
  });

  it('lists the turned-off sites, each removable', async () => {
    const api = fakeApi();
    const view = await mount(api);
    fireEvent.click(screen.getByRole('button', { name: 'Turn Story Context on again on old.example' }));
    await waitFor(() => expect(view.container.querySelector('[data-site="old.example"]')).toBeNull());
    expect(api.setSiteEnabled).toHaveBeenCalledWith('old.example', true);
  });

  it('shows the listed sites and switches site access', async () => {
    const api = fakeApi();
    const view = await mount(api);
    expect([...view.container.querySelectorAll('[data-testid=listed-sites] li')].map((li) => li.textContent)).toEqual(['ft.com', 'reuters.com']);
    fireEvent.click(screen.getByLabelText('Show context on any site'));
    await waitFor(() => expect(view.container.querySelector('[data-access=any]')).not.toBeNull());
    expect(api.chooseAnySite).toHaveBeenCalled();
  });

  it('deletes all saved items only after a confirmation, and forgets opened coverage', async () => {
    const api = fakeApi();
    await mount(api);
    await waitFor(() => expect(screen.getByTestId('counts').textContent).toContain('3 saved items'));
    fireEvent.click(screen.getByTestId('delete-all'));
    expect(api.deleteAll).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all' }));
    await waitFor(() => expect(screen.getByTestId('data-note').textContent).toBe('Deleted 3 saved items.'));
    fireEvent.click(screen.getByTestId('forget-visits'));
    await waitFor(() => expect(api.forgetVisits).toHaveBeenCalled());
  });
});
