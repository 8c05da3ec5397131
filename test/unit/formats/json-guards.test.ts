// The guards skip through strings and spell out paths lazily for speed; these hold them to the
// plain character-by-character and path-by-path definitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findExcessiveNesting, findForbiddenKey } from '../../../src/formats/json-guards';

/** Nesting as first defined: one character at a time, a backslash in a string skipping the next. */
function nestingByCharacter(text: string, maxDepth: number): { depth: number; offset: number } | null {
  let depth = 0;
  let inString = false;
  for (let n = 0; n < text.length; n++) {
    const ch = text[n];
    if (inString) {
      if (ch === '\\') n++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      depth++;
      if (depth > maxDepth) return { depth, offset: n };
    } else if (ch === '}' || ch === ']') depth--;
  }
  return null;
}

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

/** Forbidden keys as first defined: depth first, every path built on the way down. */
function forbiddenByPath(value: unknown, path = ''): { path: string; key: string } | null {
  const child = (key: string | number) =>
    typeof key === 'number'
      ? `${path}[${key}]`
      : /^[A-Za-z_$][\w$]*$/.test(key)
        ? path === ''
          ? key
          : `${path}.${key}`
        : `${path}[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let n = 0; n < value.length; n++) {
      const found = forbiddenByPath(value[n], child(n));
      if (found) return found;
    }
    return null;
  }
  for (const key of FORBIDDEN) {
    if (Object.prototype.hasOwnProperty.call(value, key)) return { path: child(key), key };
  }
  for (const [key, inner] of Object.entries(value)) {
    const found = forbiddenByPath(inner, child(key));
    if (found) return found;
  }
  return null;
}

describe('findExcessiveNesting', () => {
  it('agrees with a character-by-character scan, escapes and unterminated strings included', () => {
    const unit = fc.constantFrom('"', '\\', '[', ']', '{', '}', 'a', ' ', '\\"', '\\\\');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), fc.integer({ min: 0, max: 5 }), (parts, max) => {
        const text = parts.join('');
        expect(findExcessiveNesting(text, max)).toEqual(nestingByCharacter(text, max));
      }),
      { numRuns: 5000 },
    );
  });

  it('skips brackets inside long strings with escaped quotes', () => {
    const text = `{"a":"${'[\\"'.repeat(1000)}\\\\","b":[[[1]]]}`;
    expect(findExcessiveNesting(text, 3)).toEqual({ depth: 4, offset: text.indexOf('[[[1') + 2 });
    expect(findExcessiveNesting(text, 4)).toBeNull();
  });
});

describe('findForbiddenKey', () => {
  it('finds the same key at the same path as a search that builds every path', () => {
    const withForbidden = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...FORBIDDEN, 'odd key', 'tags')), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(withForbidden, (value) => {
        expect(findForbiddenKey(value)).toEqual(forbiddenByPath(value));
      }),
      { numRuns: 3000 },
    );
  });
});
