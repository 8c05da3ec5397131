// Pack text set inside or beside a sentence in the UI language. Each piece is its own <bdi>
// (direction from its own letters, so an English name does not run into an Arabic sentence or
// take its punctuation along) and says its language. Lists and sentences with pack text in them
// are built as elements around the translated words, never as one joined string.
import type { ComponentChildren } from 'preact';
import { messagesLocale } from '../shared/document-language';
import { plural } from '../shared/plural';
import type { MentionShare } from './glance';
import { PACK_TEXT_LANG } from './language';
import { useUi, type Ui } from './ui-context';

/** One piece of pack text, isolated from the text around it. */
export function PackText({ children, testId, class: className }: { children: ComponentChildren; testId?: string; class?: string }) {
  return (
    <bdi lang={PACK_TEXT_LANG} class={className} data-testid={testId}>
      {children}
    </bdi>
  );
}

/** "A, B and C" in the language of the messages, each item its own <bdi>. */
export function PackList({ items }: { items: string[] }) {
  const { t } = useUi();
  let parts: Array<{ type: string; value: string }>;
  try {
    parts = new Intl.ListFormat(messagesLocale(t), { type: 'conjunction' }).formatToParts(items);
  } catch {
    parts = items.flatMap((value, i) => (i === 0 ? [{ type: 'element', value }] : [{ type: 'literal', value: ', ' }, { type: 'element', value }]));
  }
  return <>{parts.map((part, i) => (part.type === 'element' ? <PackText key={i}>{part.value}</PackText> : spaced(parts[i - 1]?.value, part.value, parts[i + 1]?.value)))}</>;
}

/**
 * A list word that the language writes joined to the names (Arabic "و", Chinese "和") is set
 * apart by a space from a name in Latin letters: "و Embassy", not "وEmbassy".
 */
function spaced(before: string | undefined, literal: string, after: string | undefined): string {
  const joined = /^[^\s\p{P}\p{Script=Latin}]|[^\s\p{P}\p{Script=Latin}]$/u;
  if (!joined.test(literal)) return literal;
  const head = before && /^[^\s\p{P}\p{Script=Latin}]/u.test(literal) && /\p{Script=Latin}$/u.test(before) ? ' ' : '';
  const tail = after && /[^\s\p{P}\p{Script=Latin}]$/u.test(literal) && /^\p{Script=Latin}/u.test(after) ? ' ' : '';
  return `${head}${literal}${tail}`;
}

// Marks where a substitution goes, from characters no message or pack text uses (private use area).
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/**
 * A translated sentence with elements in its placeholders: `render` gets the marks to pass as
 * the message's substitutions, and the message's text is cut at them. Text a translator put
 * around a placeholder stays the message's; the elements are inserted as elements.
 */
export function withParts(render: (...marks: string[]) => string, parts: ComponentChildren[]): ComponentChildren[] {
  const text = render(...parts.map((_, i) => `${OPEN}${i}${CLOSE}`));
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(SLOT)) {
    if (match.index > last) out.push(text.slice(last, match.index));
    out.push(parts[Number(match[1])]);
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** `t(key, …)` with elements for its substitutions. */
export function Message({ t, id, parts }: { t: Ui['t']; id: string; parts: ComponentChildren[] }) {
  return <>{withParts((...marks) => t(id, ...marks), parts)}</>;
}

/** "The company's denial: 43 of 49 outlets", the label (the pack's words) in its own <bdi>. */
export function MentionShareText({ t, share }: { t: Ui['t']; share: MentionShare }) {
  return <>{withParts((label) => plural(t, 'sb_glance_share', share.of, label!, String(share.yes), String(share.of)), [<PackText key="label">{share.kind.label}</PackText>])}</>;
}
