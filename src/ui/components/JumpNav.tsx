// "Jump to" controls for a long page: each moves focus (and the view) to a section's heading,
// so a keyboard user does not have to tab through every link on the way. Buttons, not
// fragment links: the only links the extension renders go to http(s) pages.
export interface JumpTarget {
  /** Id of the element that receives focus (it must have tabIndex -1). */
  id: string;
  label: string;
}

export function focusById(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus();
  el.scrollIntoView?.({ block: 'start' });
}

export function JumpNav({ label, targets }: { label: string; targets: JumpTarget[] }) {
  if (targets.length === 0) return null;
  return (
    <nav aria-label={label} class="jump-nav">
      <ul class="plain-list">
        {targets.map((target) => (
          <li key={target.id}>
            <button type="button" class="link-button" onClick={() => focusById(target.id)}>
              {target.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
