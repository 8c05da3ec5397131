// Tags as a reader types them in the popup and the sidebar: one parser, so both keep the same
// list the database would (storage's normaliseTags folds case and accents: "China" and "Chiná"
// are one tag, the first spelling wins).
import { LIMITS } from '../../storage/model';
import { collapseWhitespace, normaliseTags } from '../../storage/text';

/**
 * "china, PLA ,, China" -> ["china", "PLA"]: separated by commas (also the CJK ones), trimmed,
 * each once, and cut to what the database keeps (tags of at most 64 characters, at most 32),
 * so a save is never refused for its tags.
 */
export function parseTagsInput(text: string): string[] {
  const typed = text.split(/[,，、]/u).map((raw) => collapseWhitespace(raw).slice(0, LIMITS.tagLength));
  return normaliseTags(typed).slice(0, LIMITS.tagCount);
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}
