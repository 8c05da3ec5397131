/**
 * Builds the real-template fixtures in memory: a real site's saved page with a labelled story
 * text put where that site puts its article (title, Open Graph and JSON-LD, the headline, the
 * paragraphs), as a teaser behind a paywall, as a client-rendered page whose text arrives late,
 * or as a section front that lists the story's headline among others.
 *
 * The pages are built, not stored: the templates are a few hundred kilobytes each, and storing
 * every text in every template would cost tens of megabytes. The build is deterministic, and
 * `test/fixtures/templates/cases.json` freezes which text goes where and the expected outcome.
 * Node only (linkedom); used by `eval`, `bench-detect`, the unit tests and the e2e tests.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';

export type Family = 'template' | 'teaser' | 'late' | 'front';

export interface TemplateSpec {
  /** Saved page, relative to test/fixtures/templates/. */
  source: string;
  /** Element whose paragraphs are the article text (they are replaced). */
  slot: string;
  /** The article's headline element, when the site has one. */
  headline?: string;
  /** 'children': only the slot's own paragraphs are the article (a gallery nested in it stays). */
  only?: 'children';
  origin: string;
  licence: string;
}

export interface Case {
  /** Name of the built page (used in reports and e2e paths). */
  file: string;
  family: Family;
  template: string;
  /** Story text, relative to test/fixtures/: `corpus/text/pos/x.txt` or `templates/texts/...`. */
  text: string;
  label: 'pos' | 'neg';
  lang: string;
  /** Teasers: the page also declares the whole text as JSON-LD articleBody (as many publishers do for search engines). */
  ldBody?: boolean;
  /** Late text: the head as served names only the title (no description), as on sites that render their metadata client-side too. */
  bareHead?: boolean;
  /** Fronts: texts whose headlines the front lists besides `text`'s. */
  also?: string[];
}

export interface BuiltCase extends Case {
  /** The page as the browser has it once everything has arrived. */
  html: string;
  /** Late family: the page as served, before its script renders the article. */
  shell?: string;
  /** The paragraphs put into the page (for measuring how much the extractor recovers). */
  paragraphs: string[];
  url: string;
}

export const FIXTURES = join(dirname(new URL(import.meta.url).pathname), '../../test/fixtures');
const ROOT = join(FIXTURES, 'templates');

export interface StoryText {
  title: string;
  paragraphs: string[];
}

/** A text file: `URL: ...`, `TITLE: ...`, then paragraphs, one a line. */
export function readStoryText(path: string): StoryText {
  const [, titleLine, ...rest] = readFileSync(path, 'utf8').split('\n');
  return {
    // "(Publisher) headline" in the corpus names where the text came from; the page shows the headline.
    title: (titleLine ?? '').replace(/^TITLE: /, '').replace(/^\([^)]*\)\s*/, '').trim(),
    paragraphs: rest.map((l) => l.trim()).filter((l) => l !== ''),
  };
}

function firstRealParagraph(paragraphs: readonly string[]): string {
  return paragraphs.find((p) => p.length >= 80) ?? paragraphs[0] ?? '';
}

type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;

function setMeta(doc: Doc, key: string, value: string): void {
  const attrName = key.startsWith('og:') ? 'property' : 'name';
  let el = doc.head.querySelector(`meta[${attrName}="${key}"]`);
  if (!el) {
    el = doc.createElement('meta');
    el.setAttribute(attrName, key);
    doc.head.appendChild(el);
  }
  el.setAttribute('content', value);
}

function rewriteJsonLd(doc: Doc, fields: Record<string, unknown>): boolean {
  let rewrote = false;
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      script.remove();
      continue;
    }
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(visit);
      if (!v || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      if ('headline' in o || 'articleBody' in o) {
        for (const [k, val] of Object.entries(fields)) {
          if (val === undefined) delete o[k];
          else o[k] = val;
        }
        rewrote = true;
      }
      if ('@graph' in o) visit(o['@graph']);
    };
    visit(data);
    script.textContent = JSON.stringify(data).replace(/</g, '\\u003c');
  }
  return rewrote;
}

function addJsonLd(doc: Doc, fields: Record<string, unknown>): void {
  const script = doc.createElement('script');
  script.setAttribute('type', 'application/ld+json');
  script.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', ...fields }).replace(/</g, '\\u003c');
  doc.head.appendChild(script);
}

/** Replaces the slot's paragraphs with `paragraphs` (or nothing), where the first one stood. */
function fillSlot(doc: Doc, slot: El, paragraphs: readonly string[], only?: 'children', late = false): void {
  const old = only === 'children' ? Array.from(slot.children).filter((e) => e.localName === 'p') : Array.from(slot.querySelectorAll('p'));
  const anchor = doc.createElement('div');
  anchor.setAttribute('data-fixture', 'anchor');
  // The article goes where the site's own text began, not into a picture's caption.
  const first = old.find((p) => !p.closest('figure, figcaption')) ?? old[0];
  if (first?.parentNode) first.parentNode.insertBefore(anchor, first);
  else slot.appendChild(anchor);
  for (const p of old) p.remove();
  for (const text of paragraphs) {
    const p = doc.createElement('p');
    p.textContent = text;
    anchor.parentNode!.insertBefore(p, anchor);
  }
  // Client-rendered: the site's script fills this empty container where the text belongs.
  if (late) anchor.setAttribute('data-late-slot', '');
  else anchor.remove();
}

const PAYWALL: Record<string, string> = {
  en: 'Subscribe to continue reading. Get unlimited access to our journalism for $1 a week.',
  ru: 'Чтобы продолжить чтение, оформите подписку.',
  zh: '订阅以继续阅读全文。',
  ja: 'この記事は有料会員限定です。続きを読むには購読してください。',
  ko: '이 기사의 전문은 유료 회원만 볼 수 있습니다. 구독하고 계속 읽으세요.',
  es: 'Suscríbete para seguir leyendo.',
  de: 'Jetzt abonnieren und weiterlesen.',
  fr: 'Abonnez-vous pour lire la suite.',
  pt: 'Assine para continuar lendo.',
  ar: 'اشترك لمتابعة القراءة.',
};

// Other news a section front lists (test input: plain headlines, no story in them).
const FRONT_HEADLINES = [
  ['Central bank holds rates steady as inflation cools', 'Policymakers kept borrowing costs unchanged for a third meeting and signalled patience.'],
  ['Storm closes schools across the region', 'Forecasters expect heavy rain and high winds to last until the weekend.'],
  ['Chipmaker shares jump on record quarterly sales', 'Demand for data-centre processors lifted revenue above analysts’ estimates.'],
  ['Parliament passes budget after all-night session', 'The bill now goes to the upper house, where the government lacks a majority.'],
  ['Oil prices slip as supply worries ease', 'Brent crude fell for a second day after producers signalled higher output.'],
  ['Electric car maker recalls 40,000 vehicles', 'The recall concerns a software fault in the braking system, the regulator said.'],
  ['Retail sales rise more than expected in October', 'Shoppers spent more on electronics and clothing ahead of the holiday season.'],
  ['Airline strike grounds hundreds of flights', 'Unions said talks over pay had broken down after months of negotiation.'],
];

const FRONT_TITLES: Record<string, string> = {
  en: 'World news: latest headlines', ru: 'Мировые новости', zh: '国际新闻', ja: '国際ニュース', ko: '국제 뉴스',
  es: 'Noticias internacionales', de: 'Nachrichten aus aller Welt', fr: 'Actualités internationales', pt: 'Notícias do mundo', ar: 'أخبار العالم',
};

let templatesCache: Record<string, TemplateSpec> | null = null;
function templates(): Record<string, TemplateSpec> {
  return (templatesCache ??= JSON.parse(readFileSync(join(ROOT, 'templates.json'), 'utf8')) as Record<string, TemplateSpec>);
}

export function loadCases(): Case[] {
  return JSON.parse(readFileSync(join(ROOT, 'cases.json'), 'utf8')) as Case[];
}

const sourceCache = new Map<string, string>();

export function buildCase(c: Case, origin = 'http://127.0.0.1'): BuiltCase {
  const spec = templates()[c.template];
  if (!spec) throw new Error(`${c.file}: no template ${c.template}`);
  const sourcePath = join(ROOT, spec.source);
  let source = sourceCache.get(sourcePath);
  if (source === undefined) {
    source = readFileSync(sourcePath, 'utf8');
    sourceCache.set(sourcePath, source);
  }
  const { document: doc } = parseHTML(source);
  const story = readStoryText(join(FIXTURES, c.text));
  const url = `${origin}/templates/${c.file}`;
  const slot = doc.querySelector(spec.slot);
  if (!slot) throw new Error(`${c.file}: template ${c.template} has no ${spec.slot}`);
  doc.documentElement.setAttribute('lang', c.lang);
  // Content, not a known URL, decides.
  for (const link of Array.from(doc.querySelectorAll('link[rel="canonical"], link[rel="amphtml"]'))) link.remove();
  const canonical = doc.createElement('link');
  canonical.setAttribute('rel', 'canonical');
  canonical.setAttribute('href', url);
  doc.head.appendChild(canonical);

  const headlineEl = spec.headline ? doc.querySelector(spec.headline) : null;
  let paragraphs = story.paragraphs;
  let title = story.title;
  let description = firstRealParagraph(story.paragraphs).slice(0, 300);
  let ldFields: Record<string, unknown> = { headline: title, description, articleBody: undefined };
  let shell: string | undefined;

  if (c.family === 'front') {
    title = FRONT_TITLES[c.lang] ?? FRONT_TITLES['en']!;
    description = title;
    const listed = [c.text, ...(c.also ?? [])].map((t) => readStoryText(join(FIXTURES, t)));
    // The story's items sit among the others, as on a real front: headline and one-line standfirst.
    const items: string[][] = FRONT_HEADLINES.slice(0, 3).map((x) => [...x]);
    listed.forEach((s, i) => items.splice(1 + i * 2, 0, [s.title, firstRealParagraph(s.paragraphs).slice(0, 160)]));
    items.push(...FRONT_HEADLINES.slice(3).map((x) => [...x]));
    paragraphs = [];
    fillSlot(doc, slot, [], spec.only);
    for (const [h, standfirst] of items) {
      const box = doc.createElement('div');
      box.setAttribute('class', 'story-card');
      const h3 = doc.createElement('h3');
      const a = doc.createElement('a');
      a.setAttribute('href', '/news/item');
      a.textContent = h!;
      h3.appendChild(a);
      const p = doc.createElement('p');
      p.textContent = standfirst!;
      box.appendChild(h3);
      box.appendChild(p);
      slot.appendChild(box);
    }
    ldFields = { '@type': 'CollectionPage', headline: title, description, articleBody: undefined };
  } else if (c.family === 'teaser') {
    // What a paywalled page shows: the opening paragraphs (through the first two real ones),
    // then the gate. The rest of the article is not in the page.
    let real = 0;
    const shown: string[] = [];
    for (const p of story.paragraphs) {
      shown.push(p);
      if (p.length >= 80 && ++real >= 2) break;
    }
    paragraphs = shown;
    fillSlot(doc, slot, paragraphs, spec.only);
    const gate = doc.createElement('div');
    gate.setAttribute('class', 'paywall-gate');
    const gp = doc.createElement('p');
    gp.textContent = PAYWALL[c.lang] ?? PAYWALL['en']!;
    gate.appendChild(gp);
    slot.appendChild(gate);
    ldFields = { headline: title, description, isAccessibleForFree: false, articleBody: c.ldBody ? story.paragraphs.join('\n\n') : undefined };
  } else if (c.family === 'late') {
    fillSlot(doc, slot, [], spec.only, true);
  } else {
    fillSlot(doc, slot, paragraphs, spec.only);
  }

  doc.title = c.family === 'front' ? title : `${title} | ${c.template}`;
  setMeta(doc, 'og:title', title);
  setMeta(doc, 'twitter:title', title);
  if (c.bareHead) {
    for (const el of Array.from(doc.querySelectorAll('meta[name="description"], meta[property="og:description"], meta[name="twitter:description"]'))) el.remove();
    ldFields = { ...ldFields, description: undefined };
  } else {
    setMeta(doc, 'description', description);
    setMeta(doc, 'og:description', description);
  }
  if (headlineEl) headlineEl.textContent = title;
  if (!rewriteJsonLd(doc, ldFields) && c.family === 'teaser') addJsonLd(doc, ldFields);

  if (c.family === 'late') {
    // As served: the head already names the article (server-rendered metadata), the body's
    // article is empty, and the site's script renders it a moment later.
    const render = doc.createElement('script');
    render.setAttribute('nonce', 'fixture');
    render.textContent = `(function(){var t=${JSON.stringify(paragraphs).replace(/</g, '\\u003c')};function go(){var s=document.querySelector('[data-late-slot]');if(!s)return;t.forEach(function(x,i){setTimeout(function(){var p=document.createElement('p');p.textContent=x;s.appendChild(p);},i*40);});}setTimeout(go,${600});})();`;
    doc.body.appendChild(render);
    shell = doc.toString();
    render.remove();
    const lateSlot = doc.querySelector('[data-late-slot]')!;
    for (const text of paragraphs) {
      const p = doc.createElement('p');
      p.textContent = text;
      lateSlot.appendChild(p);
    }
  }
  const html = doc.toString();
  return { ...c, html, ...(shell === undefined ? {} : { shell }), paragraphs, url };
}

export function buildAll(filter?: (c: Case) => boolean, origin?: string): BuiltCase[] {
  return loadCases()
    .filter((c) => !filter || filter(c))
    .map((c) => buildCase(c, origin));
}
