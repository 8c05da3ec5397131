// Lint: TypeScript rules, the import boundaries between the extension's contexts, and a ban on
// the sinks a hostile page could exploit.
import tseslint from 'typescript-eslint';

const unsafeSinks = [
  { selector: "MemberExpression[property.name='innerHTML']", message: 'innerHTML is forbidden: render text as text.' },
  { selector: "MemberExpression[property.name='outerHTML']", message: 'outerHTML assignment is forbidden.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'dangerouslySetInnerHTML is forbidden.' },
  { selector: "CallExpression[callee.name='eval']", message: 'eval is forbidden.' },
  { selector: "NewExpression[callee.name='Function']", message: 'new Function is forbidden.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'insertAdjacentHTML is forbidden.' },
  { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'document.write is forbidden.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'demo-output/**', 'bench-results/**', 'test/fixtures/**', '.tmp/**', '.tmp-*'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', ...unsafeSinks],
      'no-implied-eval': 'error',
    },
  },
  // Boundaries between the contexts (ESLint's own no-restricted-imports, one zone per folder:
  // the import paths in src/ are all relative, so a folder name in the path names the context).
  // eslint-plugin-import-x's no-restricted-paths did this before; its resolver's native
  // packages broke `npm ci` on some platforms, and these patterns need no resolver.
  ...boundaries([
    ['src/content/**', ['storage', 'formats', 'ui', 'background', 'cli', 'platform/browser'], 'The content script may import detection, protocol, packs and its platform shim only.'],
    ['src/detection/**', ['storage', 'formats', 'ui', 'background', 'content', 'platform', 'protocol', 'cli'], 'Detection is pure: no browser, UI or storage code.'],
    ['src/packs/**', ['storage', 'formats', 'ui', 'background', 'content', 'platform', 'protocol', 'cli', '(^|/)detection/(?!types$)'], 'Packs are data and their schema only (detection types excepted).'],
    ['src/ui/**', ['background', 'content', 'cli'], 'UI never imports the background or the content script.'],
    ['src/background/**', ['ui', 'content', 'cli'], 'The background never imports a page\'s UI or the content script.'],
    ['src/storage/**', ['formats', 'ui', 'background', 'content', 'platform', 'protocol', 'cli'], 'Storage is the database and its model only: file formats are parsed by the background, which hands storage the checked content.'],
    ['src/formats/**', ['ui', 'background', 'content', 'platform', 'protocol', 'cli', '(^|/)storage(/(db|repository|index))?$'], 'Formats are pure: they share only the storage layer\'s Dexie-free model, schemas and caps.'],
    ['src/url/**', ['storage', 'formats', 'ui', 'background', 'content', 'platform', 'protocol', 'detection', 'packs', 'cli'], 'The URL identity is pure: every context imports it, it imports nothing of theirs.'],
    ['src/model/**', ['storage', 'formats', 'ui', 'background', 'content', 'platform', 'protocol', 'detection', 'packs', 'cli'], 'The shared shapes are pure: protocol, storage and the UI import them, they import nothing of theirs.'],
    ['src/protocol/**', ['storage', 'formats', 'ui', 'background', 'content', 'platform', 'detection', 'packs', 'cli'], 'The protocol stands alone.'],
    ['src/platform/**', ['storage', 'formats', 'ui', 'background', 'content', 'detection', 'packs', 'cli'], 'The platform shims wrap the browser for every context and import none of them.'],
    ['src/cli/**', ['storage', 'ui', 'background', 'content', 'platform'], 'The command-line tools run in node: no browser, database or UI code.'],
  ]),
);

/** A folder name forbids the folder and all below it; an entry with a parenthesis is a regex. */
function boundaries(zones) {
  return zones.map(([files, forbidden, message]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: forbidden.map((f) => (f.includes('(') ? f : `(^|/)${f}(/|\\.ts$|$)`)).join('|'), message },
          ],
        },
      ],
    },
  }));
}
