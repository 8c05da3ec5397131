// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Welcome, type WelcomeApi } from '../../../../src/ui/welcome/App';
import en from '../../../../public/_locales/en/messages.json' with { type: 'json' };

afterEach(cleanup);

const messages = en as Record<string, { message: string }>;
const t = (key: string, ...subs: string[]) => (messages[key]?.message ?? key).replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');

function api(over: Partial<WelcomeApi> = {}): WelcomeApi {
  return {
    t,
    listedSites: ['ft.com', 'reuters.com'],
    previousChoice: vi.fn(async () => null),
    chooseAnySite: vi.fn(async () => 'any' as const),
    chooseListedOnly: vi.fn(async () => 'listed' as const),
    openOptions: vi.fn(),
    ...over,
  };
}

async function mount(a: WelcomeApi) {
  const view = render(<Welcome api={a} />);
  await waitFor(() => expect(view.container.querySelector('[data-ready]')).not.toBeNull());
  return view;
}

describe('welcome page', () => {
  it('says what it reads and that nothing leaves the browser, and offers the two choices', async () => {
    const view = await mount(api());
    expect(view.container.textContent).toContain('it reads the page you are on');
    expect(view.container.textContent).toContain('This happens on this device only.');
    expect(view.container.textContent).toContain('Nothing about the pages you read leaves your browser');
    expect(screen.getByRole('button', { name: 'Show context on any site' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Only on the listed news sites' })).toBeTruthy();
    expect(view.container.textContent).toContain('The listed sites (2)');
  });

  it('asks the browser for every site on "any site" and says so', async () => {
    const a = api();
    await mount(a);
    fireEvent.click(screen.getByRole('button', { name: 'Show context on any site' }));
    await waitFor(() => expect(screen.getByTestId('welcome-done').textContent).toBe('Done: Story Context will check articles on any site.'));
    expect(a.chooseAnySite).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('open-options'));
    expect(a.openOptions).toHaveBeenCalled();
  });

  it('stays on the listed sites, in words, when the browser refuses', async () => {
    await mount(api({ chooseAnySite: vi.fn(async () => 'listed' as const) }));
    fireEvent.click(screen.getByRole('button', { name: 'Show context on any site' }));
    await waitFor(() => expect(screen.getByTestId('welcome-done').textContent).toMatch(/did not give access/));
  });

  it('shows an earlier answer instead of asking again as if new', async () => {
    const view = await mount(api({ previousChoice: vi.fn(async () => 'listed' as const) }));
    await waitFor(() => expect(view.container.querySelector('[data-choice=listed][data-ready]')).not.toBeNull());
    expect(screen.getByTestId('welcome-done').textContent).toMatch(/listed news sites/);
  });
});
