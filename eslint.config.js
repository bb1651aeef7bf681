import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports each layer may not make (DESIGN.md: shared is pure, renderer is a browser, only main/electron knows Electron). */
const node = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'better-sqlite3-multiple-ciphers', '@node-rs/*'];
const restrict = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

/**
 * SQL lives in a domain's service.ts or in main/core/db/ (and the folder lock's own file),
 * so that what touches the tables can be read in one place per domain. It is caught where
 * it enters SQLite: `prepare`, `exec` and `pragma` on a connection (not `exec` on a regular
 * expression literal), and db/statements.ts's cached `statement(db, sql)`.
 */
const SQL_MESSAGE = "SQL belongs in a domain's service.ts or in main/core/db/: move this statement there.";
const SQL_CALLS = [
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(prepare|exec|pragma)$/]:not([callee.object.regex])",
    message: SQL_MESSAGE,
  },
  { selector: "CallExpression[callee.type='Identifier'][callee.name='statement']", message: SQL_MESSAGE },
];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'test-results', 'playwright-report', 'native'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...node, 'electron', 'react', 'react-dom', '../main/*', '../renderer/*', '../../main/*', '../../renderer/*'],
        'shared/ imports nothing from Node, Electron, the DOM, main or renderer.',
      ),
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(['electron', '**/electron/*', '**/renderer/*'], 'main/core and main/cli never import Electron or the renderer.'),
    },
  },
  {
    files: ['main/**/*.ts', 'shared/**/*.ts', 'scripts/**/*.js', 'bin/**/*.js'],
    ignores: ['main/core/**/service.ts', 'main/core/db/**', 'main/core/storage/folder-lock.ts'],
    rules: { 'no-restricted-syntax': ['error', ...SQL_CALLS] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([...node, 'electron', '**/main/*', '**/main/**'], 'renderer/ imports shared/ and browser libraries only.'),
      // Every word a user reads comes from shared/i18n.
      'i18next/no-literal-string': ['error', { mode: 'jsx-text-only' }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'JSXAttribute[name.name=/^(label|placeholder|title|aria-label|alt|description|error|tooltip|aria-description|confirmLabel|cancelLabel)$/] > Literal',
          message: 'User-facing text comes from i18n: use t(...).',
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', '**/*.test.ts', '**/*.spec.ts', 'scripts/**', 'bin/**', 'main/cli/output.ts', 'tests/bench/**'],
    rules: { 'no-console': 'off' },
  },
);
