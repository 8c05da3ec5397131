// The words for what coverage and the page report: a mention kind's share of the outlets, and
// lists in the UI language. One place, so the first screen and the coverage section agree.
import { messagesLocale } from '../shared/document-language';
import { plural } from '../shared/plural';
import type { MentionShare } from './glance';
import type { Ui } from './ui-context';

/** "The company's denial: 43 of 49 outlets" (the label is the pack's own words). */
export function mentionShareText(t: Ui['t'], share: MentionShare): string {
  return plural(t, 'sb_glance_share', share.of, share.kind.label, String(share.yes), String(share.of));
}

/** "A, B and C" in the language of the messages in use. */
export function listOf(t: Ui['t'], items: string[]): string {
  try {
    return new Intl.ListFormat(messagesLocale(t), { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}
