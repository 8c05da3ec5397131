// A question the reader answers before anything happens (an import that would change settings,
// turning the extension off on a site). Inline, never modal: it takes the focus when it appears,
// so a screen reader reads it at once and the keyboard is one Tab away from the answers.
import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';

interface Props {
  /** The class of the box; the page's stylesheet gives it its look. */
  class: string;
  /** h2 where the question is a part of the page of its own, h3 inside a section. */
  heading: 'h2' | 'h3';
  title: ComponentChildren;
  /** What would happen, read out with the title. */
  description: ComponentChildren;
  /** The answers, each a button. */
  children: ComponentChildren;
  buttonsClass: string;
  /** Escape's answer; without it Escape does nothing here. */
  onEscape?: () => void;
  /** Attributes tests and callers find the box by (data-testid and the like). */
  attributes?: Record<string, string>;
}

export function AlertDialog({ class: className, heading: Heading, title, description, children, buttonsClass, onEscape, attributes }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const id = useId();
  useLayoutEffect(() => box.current?.focus(), []);
  return (
    <div
      {...attributes}
      ref={box}
      class={className}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !onEscape) return;
        e.preventDefault();
        e.stopPropagation();
        onEscape();
      }}
    >
      <Heading id={`${id}-title`}>{title}</Heading>
      <div id={`${id}-desc`}>{description}</div>
      <div class={buttonsClass}>{children}</div>
    </div>
  );
}
