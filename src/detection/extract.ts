/**
 * Main-content extraction that reads the document without changing it.
 *
 * Order of preference:
 * 1. JSON-LD `articleBody` of an Article-type object: the publisher's own statement of what the
 *    article says, free of navigation, "Trending" boxes and comments by construction.
 * 2. The DOM: one walk over the body that skips boilerplate subtrees (nav, aside, footer,
 *    comments, trending/most-read/related boxes recognised by tag, role, class/id or heading)
 *    and credits paragraph text to its parent and grandparent, as Readability does; the
 *    best-credited container (plus siblings of comparable weight) is the article.
 *
 * Why not @mozilla/readability here: it mutates the document, so the content script would have
 * to clone the live page first (a full deep copy of every node), and it then runs several
 * passes with regex class scoring, style checks and retries; on heavy pages that costs tens of
 * milliseconds, while this single walk costs a few. The candidate-scoring idea is Readability's.
 */

import { textWeight } from './score';

export interface ExtractedPage {
  title: string;
  /** Paragraphs of the main text, in order, joined by newlines. */
  mainText: string;
  method: 'json-ld' | 'dom' | 'none';
  /** The standfirst as the page declares it (og:description, meta description, JSON-LD description). */
  description: string;
  /** Declared language tag (html lang, og:locale, JSON-LD inLanguage), or ''. */
  declaredLang: string;
  siteName: string;
  canonicalUrl: string;
}

/** Main text beyond this is not read: the story's signals are in the opening of an article. */
export const MAX_MAIN_CHARS = 20000;
const MAX_JSON_LD_CHARS = 2_000_000;
// Heavy real pages have 3,000-15,000 elements; past this the rest is not read.
const MAX_NODES = 25000;

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'nav', 'aside', 'footer', 'button', 'select', 'textarea', 'input', 'label',
  'figcaption', 'dialog', 'menu', 'video', 'audio', 'picture', 'img', 'head', 'title', 'meta', 'link',
]);
const SKIP_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu', 'menubar', 'dialog', 'alert']);
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol',
  'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'dd', 'dt', 'dl', 'br', 'hr', 'center', 'address',
]);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

// Class or id naming a box that is never the article, whatever else it says.
const BOILERPLATE_STRONG =
  /(?:^|[\s_-])(?:comments?|comment-[a-z]+|disqus|trending|most-?(?:read|popular|viewed|shared)|popular|related|recommend(?:ed|ations)?|outbrain|taboola|repl(?:y|ies)|more-?stories|also-?read|newsletter|cookie|consent)(?:$|[\s_-])/i;
// Class or id that usually marks boilerplate, unless it also names the content.
const BOILERPLATE_WEAK =
  /(?:^|[\s_-])(?:sidebar|share|sharing|social|promo|ads?|advert(?:isement)?|sponsor(?:ed)?|footer|nav|navbar|menu|breadcrumbs?|subscribe|masthead|toolbar|widget|byline|tags?)(?:$|[\s_-])/i;
const CONTENT_HINT = /article|body|content|main|story|entry|post|text/i;
// Galleries and slideshows: fifty captions outweigh an article, and they are never its text.
const GALLERY = /(?:^|[\s_-])(?:gallery|galleries|slideshow|carousel|slider|swiper|lightbox)(?:$|[\s_-])/i;
// "Read more" and "paywall" each name two different things: a box of links to other articles or
// the subscription gate, and the wrapper a site puts the article itself in (folded behind a
// "read more" button, or the part a subscriber sees). Length and link density tell them apart.
const READ_MORE = /read-?more|paywall/i;
// Headings that open a box of other links rather than the article.
const BOILERPLATE_HEADING =
  /^(?:trending|most (?:read|popular|viewed|shared)|popular|related|read (?:more|also|next)|more (?:from|stories|news|on)|comments?|recommended|top stories|latest( news)?|you may also like|also in category|热门|熱門|热点|熱點|相关|相關|推荐|推薦|延伸阅读|延伸閱讀|评论|評論|ランキング|関連|人気|おすすめ|コメント|많이 본|인기|관련|댓글|читайте также|популярное|по теме|самое читаемое|комментарии|lo más leído|más leídas|más leído|relacionad|tendencias|comentarios|les plus lus|à lire aussi|lire aussi|commentaires|sur le même sujet|meistgelesen|kommentare|mehr zum thema|das könnte sie auch interessieren|mais lidas|comentários|leia também|الأكثر قراءة|تعليقات|اقرأ أيضا|ذات صلة)/i;

const ARTICLE_TYPES = /^(?:Article|NewsArticle|ReportageNews|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BlogPosting|Report|LiveBlogPosting|TechArticle|ScholarlyArticle|SocialMediaPosting)$/;

interface JsonLdArticle {
  headline: string;
  body: string;
  description: string;
  lang: string;
  publisher: string;
}

function attr(el: Element, name: string): string {
  return el.getAttribute(name) ?? '';
}

function metaContent(scope: ParentNode, selector: string): string {
  const el = scope.querySelector(selector);
  return el ? attr(el, 'content').trim() : '';
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(asText).find((s) => s !== '') ?? '';
  if (value && typeof value === 'object' && 'name' in value) return asText((value as { name: unknown }).name);
  return '';
}

function isArticleType(type: unknown): boolean {
  if (typeof type === 'string') return ARTICLE_TYPES.test(type);
  return Array.isArray(type) && type.some(isArticleType);
}

function collectLdObjects(value: unknown, out: Record<string, unknown>[], depth = 0): void {
  if (depth > 6 || out.length > 50) return;
  if (Array.isArray(value)) {
    for (const item of value) collectLdObjects(item, out, depth + 1);
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    out.push(obj);
    if ('@graph' in obj) collectLdObjects(obj['@graph'], out, depth + 1);
    if ('mainEntity' in obj) collectLdObjects(obj['mainEntity'], out, depth + 1);
  }
}

function articleFromScripts(scripts: readonly Element[]): JsonLdArticle | null {
  let best: JsonLdArticle | null = null;
  for (const script of scripts) {
    const raw = script.textContent ?? '';
    if (raw.length === 0 || raw.length > MAX_JSON_LD_CHARS) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    const objects: Record<string, unknown>[] = [];
    collectLdObjects(parsed, objects);
    for (const obj of objects) {
      if (!isArticleType(obj['@type'])) continue;
      const candidate: JsonLdArticle = {
        headline: asText(obj['headline']) || asText(obj['name']),
        body: asText(obj['articleBody']),
        description: asText(obj['description']),
        lang: asText(obj['inLanguage']),
        publisher: asText(obj['publisher']),
      };
      if (!best || candidate.body.length > best.body.length) best = candidate;
    }
  }
  return best;
}

const LD_SELECTOR = 'script[type="application/ld+json"]';

function isLdScript(el: Element): boolean {
  return el.localName === 'script' && (el.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json';
}

function isBoilerplate(el: Element, tag: string): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  // The site's header is boilerplate; an article's own header holds its headline and lede.
  if (tag === 'header') return el.closest('article, main, [itemprop="articleBody"]') === null;
  if (el.hasAttribute('hidden') || attr(el, 'aria-hidden') === 'true') return true;
  const role = attr(el, 'role');
  if (role && SKIP_ROLES.has(role)) return true;
  const names = `${attr(el, 'class')} ${attr(el, 'id')}`;
  if (names.length > 1) {
    if (BOILERPLATE_STRONG.test(names)) return true;
    if (BOILERPLATE_WEAK.test(names) && !CONTENT_HINT.test(names)) return true;
    if (GALLERY.test(names)) return true;
    if (READ_MORE.test(names) && isLinkBox(el)) return true;
  }
  // ASP.NET and similar sites wrap the whole page, article included, in one <form>; a search or
  // comment form holds fields, not paragraphs.
  if (tag === 'form' && el.getElementsByTagName('p').length < 3) return true;
  // A box whose first child is a "Trending" / "Most read" / "Comments" heading.
  const first = el.firstElementChild;
  if (first && tag !== 'article' && tag !== 'main' && tag !== 'body' && HEADING_TAGS.has(first.localName)) {
    const heading = (first.textContent ?? '').trim();
    if (heading.length < 60 && BOILERPLATE_HEADING.test(heading)) return true;
  }
  return false;
}

/** Mostly links, or too little text to be an article: a box pointing elsewhere. */
function isLinkBox(el: Element): boolean {
  const text = (el.textContent ?? '').trim().length;
  return text < 200 || linkTextLength(el) > text / 2;
}

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) n += (a.textContent ?? '').length;
  return n;
}

/**
 * One walk over the body: credits each paragraph's own text (minus link text) to its parent in
 * full and to its grandparent in half; returns the best-credited element.
 */
function findArticleRoot(body: Element, ldScripts: Element[]): Element {
  const credit = new Map<Element, number>();
  const add = (el: Element | null, points: number) => {
    if (el) credit.set(el, (credit.get(el) ?? 0) + points);
  };
  const stack: Element[] = [body];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_NODES) {
    const el = stack.pop()!;
    visited++;
    const tag = el.localName;
    if (tag === 'script') {
      if (isLdScript(el)) ldScripts.push(el);
      continue;
    }
    if (el !== body && isBoilerplate(el, tag)) continue;
    if (tag === 'p' || tag === 'pre' || tag === 'blockquote') {
      const text = (el.textContent ?? '').trim();
      if (text.length >= 25) {
        // Weighted like the lead (a CJK character 3, Hangul 2): a Chinese article is as much
        // article as an English one three times its length, and must outweigh English comments.
        const points = Math.max(0, textWeight(text) - linkTextLength(el)) + 20;
        add(el.parentElement, points);
        add(el.parentElement?.parentElement ?? null, points / 2);
      }
      continue;
    }
    if (tag === 'div' || tag === 'section' || tag === 'article' || tag === 'td') {
      // Bare-div layouts put text straight into divs, separated by <br>.
      let own = 0;
      for (const node of Array.from(el.childNodes)) {
        if (node.nodeType === 3) own += (node.nodeValue ?? '').trim().length;
      }
      if (own >= 80) {
        add(el, own);
        add(el.parentElement, own / 2);
      }
    }
    const children = el.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  let best: Element = body;
  let bestScore = 0;
  for (const [el, score] of credit) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/** Text of `root` with boilerplate subtrees left out, one line per block. */
function collectText(root: Element, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  // Explicit stack, so a pathologically deep document cannot overflow the call stack.
  // A string entry is a block separator queued to be emitted after the element's children.
  const stack: (Node | string)[] = [root];
  while (stack.length > 0 && length < limit && visited < MAX_NODES) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    visited++;
    if (item.nodeType === 3) {
      const value = item.nodeValue ?? '';
      parts.push(value);
      length += value.length;
      continue;
    }
    if (item.nodeType !== 1) continue;
    const el = item as Element;
    const tag = el.localName;
    if (el !== root && isBoilerplate(el, tag)) continue;
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      parts.push('\n');
      stack.push('\n');
    }
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
    .slice(0, limit);
}

function stripSiteSuffix(title: string, siteName: string): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+/);
  if (parts.length < 2) return title.trim();
  const last = parts[parts.length - 1]!.trim();
  if (siteName && last.toLowerCase() === siteName.toLowerCase()) return parts.slice(0, -1).join(' - ').trim();
  const head = parts.slice(0, -1).join(' - ');
  return last.length < head.length ? head.trim() : title.trim();
}

function cleanLines(text: string): string {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
    .slice(0, MAX_MAIN_CHARS);
}

/**
 * Reads the page's title, main text and metadata. Metadata is looked up in <head> only, and the
 * body is walked once: on a page of 100,000 nodes every document-wide query costs as much as
 * the whole extraction of an ordinary page.
 */
export function extractPage(doc: Document): ExtractedPage {
  const head: ParentNode | null = doc.head ?? null;
  const scope: ParentNode = head ?? doc;
  const body = doc.body ?? doc.documentElement;
  const headScripts = head ? Array.from(head.querySelectorAll(LD_SELECTOR)) : [];
  let ld = articleFromScripts(headScripts);

  let root: Element | null = null;
  let mainText = '';
  let method: ExtractedPage['method'] = 'none';
  if (!(ld && ld.body.trim().length >= 200) && body) {
    const bodyScripts: Element[] = [];
    root = findArticleRoot(body, bodyScripts);
    const fromBody = articleFromScripts(bodyScripts);
    if (fromBody && (!ld || fromBody.body.length > ld.body.length)) ld = fromBody;
  }
  if (ld && ld.body.trim().length >= 200) {
    mainText = cleanLines(ld.body);
    method = 'json-ld';
  } else if (root) {
    mainText = collectText(root, MAX_MAIN_CHARS);
    method = mainText === '' ? 'none' : 'dom';
  }

  const siteName = metaContent(scope, 'meta[property="og:site_name"]') || ld?.publisher || '';
  const canonicalEl = scope.querySelector('link[rel="canonical"]');
  const canonicalUrl = canonicalEl ? attr(canonicalEl, 'href') : '';
  const html = doc.documentElement;
  const declaredLang = (
    (html ? attr(html, 'lang') || attr(html, 'xml:lang') : '') ||
    metaContent(scope, 'meta[http-equiv="content-language" i]') ||
    metaContent(scope, 'meta[property="og:locale"]') ||
    ld?.lang ||
    ''
  ).trim();
  const h1 = root?.querySelector('h1') ?? null;
  const docTitle = scope.querySelector('title')?.textContent ?? '';
  // A JSON-LD headline counts only when the same object gave the article text: pages carry
  // JSON-LD for other articles (related stories) or junk, and a wrong title hides the story.
  const ldHeadline = method === 'json-ld' && ld && ld.headline.length <= 1000 ? ld.headline : '';
  const title = (
    ldHeadline ||
    metaContent(scope, 'meta[property="og:title"]') ||
    metaContent(scope, 'meta[name="twitter:title"]') ||
    (h1?.textContent ?? '') ||
    stripSiteSuffix(docTitle, siteName)
  )
    .replace(/\s+/g, ' ')
    .trim();

  const description = (
    metaContent(scope, 'meta[property="og:description"]') ||
    metaContent(scope, 'meta[name="description"]') ||
    metaContent(scope, 'meta[name="twitter:description"]') ||
    (ld?.description ?? '')
  )
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 1000);

  return { title, mainText, method, description, declaredLang, siteName, canonicalUrl };
}
