// A titled region of a page: a <section> named by its h2, so it is a landmark screen-reader
// users can jump to.
import type { ComponentChildren } from 'preact';

export interface SectionProps {
  id: string;
  title: string;
  testId?: string;
  class?: string;
  children: ComponentChildren;
}

export function Section({ id, title, testId, class: className, children }: SectionProps) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} data-testid={testId} class={className ? `section ${className}` : 'section'}>
      {/* Focusable from script only, so "jump to" controls can move the reader here. */}
      <h2 id={headingId} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
