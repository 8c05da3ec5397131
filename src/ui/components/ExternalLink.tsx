// A link to a page outside the extension. Only http(s) URLs become links (anything else is
// shown as plain text); it always opens in a new tab without handing the page a window.opener.
import type { ComponentChildren } from 'preact';
import { httpHref } from './safe-url';

export interface ExternalLinkProps {
  href: string | null | undefined;
  children: ComponentChildren;
  /** Screen-reader hint appended to the link text, e.g. "(opens in a new tab)". */
  newTabHint: string;
  /**
   * Called instead of the browser's own navigation for a plain left click (or Enter), so the
   * caller can open the tab itself; middle- and modifier-clicks keep the browser's behaviour.
   */
  onOpen?: (href: string) => void;
  class?: string;
  lang?: string | undefined;
}

export function isPlainClick(e: MouseEvent): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

export function ExternalLink({ href, children, newTabHint, onOpen, class: className, lang }: ExternalLinkProps) {
  const safe = httpHref(href);
  if (!safe) return <span class={className} lang={lang}>{children}</span>;
  const onClick = onOpen
    ? (e: MouseEvent) => {
        if (e.defaultPrevented || !isPlainClick(e)) return;
        e.preventDefault();
        onOpen(safe);
      }
    : undefined;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" class={className} onClick={onClick}>
      <span lang={lang}>{children}</span>
      <span class="sr-only"> {newTabHint}</span>
    </a>
  );
}
