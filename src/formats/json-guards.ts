// Cheap checks on an untrusted JSON text before and right after JSON.parse, so a hostile or
// broken file is refused with a clear reason instead of exhausting memory or the stack. Pure.

/** UTF-8 size of a string, counted without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let n = 0; n < text.length; n++) {
    const unit = text.charCodeAt(n);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && n + 1 < text.length) {
      const next = text.charCodeAt(n + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        n++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Where nesting first goes deeper than `maxDepth`, or null. One pass, no recursion. */
export function findExcessiveNesting(text: string, maxDepth: number): { depth: number; offset: number } | null {
  let depth = 0;
  for (let n = 0; n < text.length; n++) {
    const ch = text.charCodeAt(n);
    if (ch === 0x22 /* " */) {
      // Most of an export is inside strings; indexOf crosses them far faster than a loop.
      n = closingQuote(text, n + 1);
      if (n === -1) return null;
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      depth++;
      if (depth > maxDepth) return { depth, offset: n };
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) depth--;
  }
  return null;
}

/** The offset of the quote that ends a string starting at `from`, or -1 if it never ends. */
function closingQuote(text: string, from: number): number {
  for (let quote = text.indexOf('"', from); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    // A backslash escapes the next character, so the quote ends the string unless an odd
    // number of backslashes comes right before it.
    let backslashes = 0;
    while (quote - backslashes - 1 >= from && text.charCodeAt(quote - backslashes - 1) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return -1;
}

// Harmless in JSON.parse's output (they become own properties), but a later spread or merge
// by other code could turn them into prototype pollution; no export of ours contains them.
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
}

interface Pending {
  value: object;
  parent: Pending | null;
  key: string | number;
}

function pathOf(pending: Pending): string {
  const keys: Array<string | number> = [];
  for (let at: Pending = pending; at.parent !== null; at = at.parent) keys.push(at.key);
  let path = '';
  for (let n = keys.length - 1; n >= 0; n--) path = childPath(path, keys[n]!);
  return path;
}

/** The first forbidden key in a parsed JSON value, with its path, or null. Iterative. */
export function findForbiddenKey(value: unknown): { path: string; key: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  // Paths are spelled out only for the key that is found: building one for each of a large
  // export's objects cost more than the search itself.
  const stack: Pending[] = [{ value, parent: null, key: '' }];
  while (stack.length > 0) {
    const pending = stack.pop()!;
    const current = pending.value;
    if (Array.isArray(current)) {
      for (let n = current.length - 1; n >= 0; n--) {
        const child: unknown = current[n];
        if (typeof child === 'object' && child !== null) stack.push({ value: child, parent: pending, key: n });
      }
      continue;
    }
    for (const key of FORBIDDEN_KEYS) {
      if (Object.prototype.hasOwnProperty.call(current, key)) return { path: childPath(pathOf(pending), key), key };
    }
    const keys = Object.keys(current);
    for (let n = keys.length - 1; n >= 0; n--) {
      const key = keys[n]!;
      const child: unknown = (current as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push({ value: child, parent: pending, key });
    }
  }
  return null;
}
