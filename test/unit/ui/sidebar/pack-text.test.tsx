// @vitest-environment happy-dom
// Pack text inside or beside a translated sentence: each piece its own <bdi> in the pack's
// language, and lists built as elements around the translated "and". Tried in the Arabic UI,
// where an English name that is not isolated runs into the sentence around it.
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import arabicMessages from '../../../../public/_locales/ar/messages.json';
import { bundledPacks } from '../../../../src/packs/bundled';
import type { StoryPack } from '../../../../src/packs/schema';
import { App } from '../../../../src/ui/sidebar/App';
import { PackList, withParts } from '../../../../src/ui/sidebar/PackText';
import { UiContext } from '../../../../src/ui/sidebar/ui-context';
import { englishT, fakeApi, messagesT, tabContext, type FakeOptions, type Messages } from './fake-api';

const pack = bundledPacks.find((p) => p.id === 'alibaba-pla-memo') as StoryPack;
const arabicT = messagesT(arabicMessages as Messages);

afterEach(() => cleanup());

async function renderArabic(options: FakeOptions = {}) {
  const api = { ...fakeApi(options), t: vi.fn(arabicT) };
  const result = render(<App api={api} embedded />);
  await waitFor(() => {
    if (!result.container.querySelector('[data-ready]')) throw new Error('not ready');
  });
  return result.container;
}

/** The <bdi> elements below `root`, as [text, lang]. */
function isolated(root: Element): Array<[string, string | null]> {
  return [...root.querySelectorAll('bdi')].map((b) => [b.textContent ?? '', b.getAttribute('lang')]);
}

describe('pack text in the Arabic first screen', () => {
  it('names each denier in its own <bdi lang="en">, with the Arabic "and" between them as text', async () => {
    const container = await renderArabic();
    const by = container.querySelector('[data-testid=denied-by]')!;
    expect(isolated(by)).toEqual([
      ['Alibaba Group', 'en'],
      ["Embassy of the People's Republic of China in Washington", 'en'],
    ]);
    // The words around the names are the message's and the list format's, outside any <bdi>.
    const between = [...by.childNodes].flatMap(function text(n): string[] {
      return n.nodeName === 'BDI' ? ['|'] : n.nodeType === 3 ? [n.textContent ?? ''] : [...n.childNodes].flatMap(text);
    });
    expect(between.join('')).toBe(' نفاه: | و |');
  });

  it('isolates the status label from the chip\'s Arabic prefix, which keeps the page language', async () => {
    const container = await renderArabic();
    const chip = container.querySelector('[data-testid=status-chip][data-tone=denied] .chip')!;
    expect(isolated(chip)).toEqual([[pack.claimStatuses.find((s) => s.tone === 'denied')!.label, 'en']]);
    const prefix = chip.querySelector('.sr-only')!;
    expect(prefix.textContent).toBe(`${arabicT('sb_status_prefix')} `);
    expect(prefix.closest('[lang]')?.getAttribute('lang') ?? null).not.toBe('en');
  });

  it('isolates the claim, the status note, the quote, its speaker, the mention sentences and the chart\'s labels', async () => {
    const container = await renderArabic();
    const glance = container.querySelector('[data-testid=glance]')!;
    const pieces = isolated(glance);
    const expected = [
      pack.claims[0]!.text,
      pack.verification[0]!.text,
      '“The assertions and innuendos in the article are completely false.”',
      'Alibaba Group (spokesperson)',
      // The fake page reports the denial only.
      "This page reports Alibaba's denial.",
      "No mention found of the Chinese embassy's response.",
      'No mention found that the FT could not independently verify the claims.',
      ...pack.detection.mentionKinds.map((k) => k.label),
    ];
    for (const text of expected) expect(pieces, text).toContainEqual([text, 'en']);
    // The speaker is the <bdi> itself, beside the Arabic kind of statement.
    const speaker = glance.querySelector('[data-testid=top-response-speaker]')!;
    expect(speaker.tagName).toBe('BDI');
    expect(speaker.parentElement!.textContent).toContain(arabicT('sb_kind_denial'));
  });

  it('isolates the publisher inside "this page is in the linked coverage"', async () => {
    const item = pack.coverage.find((c) => c.id === 'zerohedge')!;
    const container = await renderArabic({ ctx: tabContext({ url: item.url }, { knownCoverageId: item.id }) });
    const basis = container.querySelector('[data-testid=this-page] .basis')!;
    expect(isolated(basis)).toEqual([[item.publisher, 'en']]);
    expect(basis.textContent).toContain(arabicT('sb_known_coverage', item.publisher));
  });
});

describe('sentences and lists with elements in them', () => {
  it('puts each element where the message places its placeholder, keeping the words around it', () => {
    const t = (key: string, ...subs: string[]) => (key === 'swapped' ? `«${subs[1]}» قبل «${subs[0]}».` : key);
    const parts = withParts((...marks) => t('swapped', ...marks), ['A', 'B']);
    expect(parts).toEqual(['«', 'B', '» قبل «', 'A', '».']);
  });

  it('sets the Chinese "and" apart from names in Latin letters, and leaves it joined to Chinese ones', () => {
    const zh = (key: string) => (key === 'locale' ? 'zh_CN' : key);
    const { container } = render(
      <UiContext.Provider value={{ t: zh, lang: 'zh-CN' }}>
        <p data-testid="latin">
          <PackList items={['NVIDIA', 'CAC']} />
        </p>
        <p data-testid="han">
          <PackList items={['人民日报', '玉渊谭天']} />
        </p>
      </UiContext.Provider>,
    );
    expect(container.querySelector('[data-testid=latin]')!.textContent).toBe('NVIDIA 和 CAC');
    expect(container.querySelector('[data-testid=han]')!.textContent).toBe('人民日报和玉渊谭天');
  });

  it('joins a list with the English "and" in the English UI, each item still isolated', () => {
    const { container } = render(
      <UiContext.Provider value={{ t: englishT, lang: 'en-US' }}>
        <p>
          <PackList items={['NVIDIA', 'Jensen Huang, NVIDIA CEO', 'CAC']} />
        </p>
      </UiContext.Provider>,
    );
    const p = container.querySelector('p')!;
    expect(p.textContent).toBe('NVIDIA, Jensen Huang, NVIDIA CEO, and CAC');
    expect(isolated(p)).toEqual([
      ['NVIDIA', 'en'],
      ['Jensen Huang, NVIDIA CEO', 'en'],
      ['CAC', 'en'],
    ]);
  });
});
