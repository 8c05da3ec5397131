// A small labelled status badge. The label is real text (not colour alone), and an optional
// prefix that only screen readers hear says what the chip is ("Status: denied").
import type { ComponentChildren } from 'preact';

export type ChipTone = 'neutral' | 'alleged' | 'denied' | 'unverified' | 'positive' | 'warning';

export interface ChipProps {
  tone: ChipTone;
  /** Words in the UI language, or an element (pack text in its own <bdi>). */
  label: ComponentChildren;
  /** Read before the label by screen readers only. */
  srPrefix?: string;
  testId?: string;
}

export function Chip({ tone, label, srPrefix, testId }: ChipProps) {
  return (
    <span class={`chip chip-${tone}`} data-testid={testId}>
      {srPrefix ? <span class="sr-only">{srPrefix} </span> : null}
      {label}
    </span>
  );
}
