// Renders the sidebar App against a fake API and waits for its first render with data.
import { render, waitFor } from '@testing-library/preact';
import { App } from '../../../../src/ui/sidebar/App';
import { fakeApi, type FakeOptions } from './fake-api';

export async function renderApp(options: FakeOptions = {}, embedded = true) {
  const api = fakeApi(options);
  const result = render(<App api={api} embedded={embedded} />);
  await waitFor(() => {
    if (!result.container.querySelector('[data-ready]')) throw new Error('not ready');
  });
  return { api, ...result };
}
