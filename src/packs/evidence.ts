/**
 * The truth-in-content rules a pack must meet before it ships, as checks a tool can run
 * (`npm run pack -- check`): every URL and every quote is found word for word in the evidence
 * files the pack names; dates are as a source gave them; claims are attributed, never stated as
 * fact; and text readers see does not talk about how the author gathered the material (that
 * goes into `authorNote` fields). Pure: the caller reads the files.
 */
import type { StoryPack } from './schema';

export interface EvidenceFile {
  name: string;
  text: string;
}

export interface EvidenceCorpus {
  /** Every string the files hold, JSON-decoded where the file is JSON or JSON lines. */
  strings: string[];
}

function collect(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collect(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collect(v, out));
}

/** JSON and JSON-lines files contribute their decoded strings (so escapes do not hide a quote); other files their text. */
export function evidenceCorpus(files: readonly EvidenceFile[]): EvidenceCorpus {
  const strings: string[] = [];
  for (const file of files) {
    if (/\.json$/i.test(file.name)) collect(JSON.parse(file.text), strings);
    else if (/\.jsonl$/i.test(file.name)) {
      for (const line of file.text.split('\n')) if (line.trim()) collect(JSON.parse(line), strings);
    } else strings.push(file.text);
  }
  return { strings };
}

function found(corpus: EvidenceCorpus, needle: string): boolean {
  return corpus.strings.some((s) => s.includes(needle));
}

/** Words that attribute a claim to whoever makes it ("The CAC alleges", "according to Reuters"). */
const ATTRIBUTION =
  /\b(alleges?|alleged|according to|says?|said|claims?|claimed|reports?|reported|states?|stated|accuses?|accused|cites?|cited|argues?|argued|writes?|wrote|asserts?|asserted)\b/i;

export function isAttributed(text: string): boolean {
  return ATTRIBUTION.test(text);
}

/** Text about the author's material, not the story: it belongs in an `authorNote`. */
const AUTHORING_TALK = /\b(stored|excerpts?|seen only|known only from|the stored material|scraped|our copy)\b/i;

/** Keys whose values readers never see as prose: notes for authors, ids, URLs, codes and detection terms. */
const NOT_PROSE = new Set(['authorNote', 'evidence', 'detection', 'id', 'url', 'urls', 'sources', 'sourceUrl', 'mentions', 'lang', 'kind', 'event', 'status', 'tone', 'domains', 'responses', 'formatVersion', 'version', 'updated']);

function readerStrings(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => readerStrings(v, `${path}.${i}`, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (!NOT_PROSE.has(key)) readerStrings(v, path ? `${path}.${key}` : key, out);
  }
}

function allStrings(value: unknown, path: string, out: { path: string; text: string }[], skip: ReadonlySet<string>): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => allStrings(v, `${path}.${i}`, out, skip));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (!skip.has(key)) allStrings(v, path ? `${path}.${key}` : key, out, skip);
  }
}

const URL_IN_TEXT = /https?:\/\/[^\s'")\]]+/g;

/** Every problem as "path: what is wrong"; empty when the pack meets the rules. */
export function contentProblems(pack: StoryPack, corpus: EvidenceCorpus): string[] {
  const problems: string[] = [];
  const strings: { path: string; text: string }[] = [];
  allStrings(pack, '', strings, new Set(['detection', 'authorNote', 'evidence']));
  for (const { path, text } of strings) {
    for (const url of text.match(URL_IN_TEXT) ?? []) {
      if (!found(corpus, url)) problems.push(`${path}: URL not found in the evidence files: ${url}`);
    }
  }
  pack.parties.forEach((party, i) =>
    party.statements.forEach((s, j) => {
      const at = `parties.${i}.statements.${j}`;
      if (!found(corpus, s.quote)) problems.push(`${at}.quote: not found word for word in the evidence files`);
      if (s.quoteContinued && !found(corpus, s.quoteContinued)) problems.push(`${at}.quoteContinued: not found word for word in the evidence files`);
      s.translations.forEach((t, k) => {
        if (!found(corpus, t.text)) problems.push(`${at}.translations.${k}.text: not found word for word in the evidence files`);
      });
      if (s.date !== null && !found(corpus, s.date)) problems.push(`${at}.date: "${s.date}" is not a date the evidence files give`);
    }),
  );
  const dated: { path: string; date: string | null }[] = [
    { path: 'firstReport.date', date: pack.firstReport.date },
    ...pack.coverage.map((c, i) => ({ path: `coverage.${i}.date`, date: c.date })),
    ...pack.timeline.map((t, i) => ({ path: `timeline.${i}.date`, date: t.date })),
  ];
  for (const { path, date } of dated) {
    if (date !== null && !found(corpus, date)) problems.push(`${path}: "${date}" is not a date the evidence files give`);
  }
  pack.claims.forEach((claim, i) => {
    if (!isAttributed(claim.text)) problems.push(`claims.${i}.text: not attributed; say who makes the claim ("The CAC alleges ...", "according to ...")`);
  });
  const prose: { path: string; text: string }[] = [];
  readerStrings(pack, '', prose);
  for (const { path, text } of prose) {
    const m = AUTHORING_TALK.exec(text);
    if (m) problems.push(`${path}: readers see this, but it talks about the author's material ("${m[0]}"); move that to an authorNote`);
  }
  return problems;
}
