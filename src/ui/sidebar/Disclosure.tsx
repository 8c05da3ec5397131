// A section one action away: a native <details> whose <summary> holds the section's heading,
// so it opens with a click, Enter or Space, and screen readers announce it as expandable
// ("collapsed"/"expanded") without any script.
import type { ComponentChildren } from 'preact';

export interface DisclosureProps {
  id: string;
  title: string;
  /** A count shown after the title ("The claims 4"), when the section is a list. */
  count?: number;
  testId?: string;
  class?: string;
  children: ComponentChildren;
}

export function Disclosure({ id, title, count, testId, class: className, children }: DisclosureProps) {
  return (
    <details id={id} class={className ? `disclosure ${className}` : 'disclosure'} data-testid={testId}>
      <summary>
        <h2 id={`${id}-heading`}>{title}</h2>
        {count !== undefined ? <span class="count">{count}</span> : null}
      </summary>
      <div class="disclosure-body">{children}</div>
    </details>
  );
}

/** Opens a disclosure (and the ones around it) and moves focus to its summary. */
export function openDisclosure(id: string): void {
  const el = document.getElementById(id);
  if (!(el instanceof HTMLDetailsElement)) return;
  for (let d: HTMLDetailsElement | null = el; d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  const summary = el.querySelector('summary');
  summary?.focus();
  summary?.scrollIntoView?.({ block: 'start' });
}
