// Lint: TypeScript rules, the import boundaries between the extension's contexts, and a ban on
// the sinks a hostile page could exploit.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

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
    plugins: { 'import-x': importX },
    // Without a TypeScript resolver the boundary zones below would never see an import.
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })] },
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
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/content',
              from: './src',
              except: ['./content', './detection', './protocol', './platform/content-runtime.ts', './packs'],
              message: 'The content script may import detection, protocol, packs and its platform shim only.',
            },
            {
              target: './src/detection',
              from: './src',
              except: ['./detection', './packs'],
              message: 'Detection is pure: no browser, UI or storage code.',
            },
            {
              target: './src/packs',
              from: './src',
              except: ['./packs', './detection/types.ts'],
              message: 'Packs are data and their schema only.',
            },
            { target: './src/ui', from: './src/background', message: 'UI never imports the background.' },
            { target: './src/ui', from: './src/content', message: 'UI never imports the content script.' },
            { target: './src/storage', from: './src', except: ['./storage', './formats', './detection/url.ts'], message: 'Storage depends on formats only.' },
            {
              target: './src/formats',
              from: './src',
              except: ['./formats', './storage/model.ts', './storage/schemas.ts', './storage/payload.ts', './storage/key.ts', './storage/url.ts', './storage/text.ts'],
              message: 'Formats are pure: they share only the storage layer\'s Dexie-free model, schemas and caps.',
            },
            { target: './src/protocol', from: './src', except: ['./protocol'], message: 'The protocol stands alone.' },
          ],
        },
      ],
    },
  },
);
