// A failure the reader must hear at once, in words; nothing at all when there is none.

export function ErrorAlert({ text }: { text: string | null }) {
  return text ? (
    <p class="error" role="alert">
      {text}
    </p>
  ) : null;
}
