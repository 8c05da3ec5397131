import type { DetectionPack } from '../packs/detection-slice';
import { T2S } from './cjk';
import { compilePack } from './compile';
import { extractPage, type ExtractedPage } from './extract';
import { fold } from './fold';
import { pageLanguage } from './lang';
import { findMentions, leadEnd, scorePack, textWeight, type PackScore, type PageText } from './score';
import { MIN_ARTICLE_WEIGHT } from './late-text';
import { findAll, findFirst } from './terms';
import { indexText } from './text-index';
import type { DetectionResult, MatchedSignal } from './types';
import { findCaution, findKnownCoverage } from './url';

function emptyResult(error?: string): DetectionResult {
  return {
    storyId: null,
    score: 0,
    threshold: 0,
    lang: 'und',
    signals: [],
    mentions: {},
    mentionEvidence: {},
    knownCoverageId: null,
    caution: null,
    title: '',
    requirementsMet: false,
    extraction: 'none',
    textWeight: 0,
    textNamesSubject: false,
    ...(error === undefined ? {} : { error }),
  };
}

function absolute(href: string, base: string): string {
  if (!href) return '';
  try {
    return new URL(href, base || undefined).href;
  } catch {
    return '';
  }
}

function siteOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^(www\d?|amp|m|mobile)\./, '');
  } catch {
    return '';
  }
}

/**
 * The page's address, and its canonical link when that names the same site (an AMP, mobile or
 * tracking-free variant). The page writes its own canonical link: a copy on another host must
 * not pass itself off as an article the pack lists.
 */
function pageUrls(page: ExtractedPage, url: string): string[] {
  const canonical = absolute(page.canonicalUrl, url);
  const sameSite = canonical !== '' && siteOf(canonical) !== '' && siteOf(canonical) === siteOf(url);
  return sameSite && canonical !== url ? [url, canonical] : [url];
}

/**
 * A teaser (a paywall's first paragraphs, a "read more" gate) is judged on what it shows: the
 * headline, the opening, and the standfirst the page declares in its metadata, which leads the
 * text when the page does not show it already. A full article is left as it is: its own opening
 * is the lead.
 */
function withStandfirst(page: ExtractedPage): string {
  const standfirst = page.description;
  if (standfirst.length < 40 || textWeight(page.mainText) >= MIN_ARTICLE_WEIGHT) return page.mainText;
  const probe = standfirst.slice(0, 60);
  if (page.mainText.replace(/\s+/g, ' ').includes(probe)) return page.mainText;
  return page.mainText === '' ? standfirst : `${standfirst}\n${page.mainText}`;
}

/**
 * Full detection: extracts the main text (without changing `doc`), scores it against every
 * pack, and says which story the page is about, why, and what it mentions. Never throws: an odd
 * document yields `storyId: null` with `error` set.
 */
export function detectStory(doc: Document, url: string, packs: readonly DetectionPack[]): DetectionResult {
  try {
    if (packs.length === 0) return emptyResult();
    const page = extractPage(doc);
    const titleText = fold(page.title, T2S);
    const mainText = fold(withStandfirst(page), T2S);
    const result = emptyResult();
    result.title = page.title;
    result.extraction = page.method;
    result.textWeight = textWeight(page.mainText);
    result.lang = pageLanguage(page.declaredLang, page.mainText);

    type Candidate = { pack: DetectionPack; score: PackScore; pageText: PageText };
    const candidates: Candidate[] = [];
    const titleIndex = indexText(titleText);
    const mainIndex = indexText(mainText);
    for (const pack of packs) {
      const d = pack.detection;
      const pageText: PageText = { title: titleIndex, main: mainIndex, leadEnd: leadEnd(mainText, d.leadChars, d.leadParagraphs) };
      candidates.push({ pack, score: scorePack(compilePack(pack), pageText), pageText });
    }
    const byScore = [...candidates].sort((a, b) => b.score.score - a.score.score);
    const best = byScore[0] ?? null;
    let winner = byScore.find((c) => c.score.requirementsMet && c.score.score >= c.score.threshold) ?? null;

    // A URL the pack lists as coverage of the story is about the story even when its text
    // scores low (a short item, an odd layout), provided the page still names the story's
    // subject: listing pages such as a bookmark site's front page change from day to day.
    const urls = pageUrls(page, url);
    let known: { pack: DetectionPack; id: string; publisher: string } | null = null;
    for (const c of candidates) {
      const item = urls.map((u) => findKnownCoverage(u, c.pack)).find((i) => i !== null);
      if (!item) continue;
      const subject = c.pack.detection.requireAll[0] ?? [];
      const named = c.score.signals.some((s) => subject.includes(s.id));
      if (named && (!winner || winner.pack === c.pack)) {
        known = { pack: c.pack, id: item.id, publisher: item.publisher };
        winner = c;
        break;
      }
    }
    const chosen = winner ?? best;
    if (!chosen) return result;
    const subject = new Set(chosen.pack.detection.requireAll[0] ?? []);
    // The headline repeated above the article is not article text.
    const headline: [number, number][] = [];
    if (titleText.length > 10) for (let at = mainText.indexOf(titleText); at >= 0 && headline.length < 5; at = mainText.indexOf(titleText, at + 1)) headline.push([at, at + titleText.length]);
    const inArticle = (m: { start: number }) => !headline.some(([a, b]) => m.start >= a && m.start < b);
    result.textNamesSubject = compilePack(chosen.pack).signals.some(
      (s) => subject.has(s.id) && s.terms.some((t) => (headline.length === 0 ? findFirst(t, mainIndex) !== null : findAll(t, mainIndex, 10).some(inArticle))),
    );
    result.score = chosen.score.score;
    result.threshold = chosen.score.threshold;
    result.signals = chosen.score.signals;
    result.requirementsMet = chosen.score.requirementsMet;
    if (!winner) return result;

    result.storyId = winner.pack.id;
    if (known && known.pack === winner.pack) {
      result.knownCoverageId = known.id;
      const signal: MatchedSignal = { id: 'known-coverage', label: 'listed coverage of this story', where: 'url', weight: 0, text: known.publisher.slice(0, 80) };
      result.signals = [...result.signals, signal];
    }
    const found = findMentions(compilePack(winner.pack), winner.pageText);
    result.mentions = found.mentions;
    result.mentionEvidence = found.evidence;
    for (const u of urls) {
      const caution = findCaution(u, page.siteName, winner.pack);
      if (caution) {
        result.caution = caution.text;
        break;
      }
    }
    return result;
  } catch (error) {
    return emptyResult(error instanceof Error ? error.message : String(error));
  }
}
