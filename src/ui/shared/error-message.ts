// How the UI words a failure it did not expect: the browser's or the background's own text.

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
