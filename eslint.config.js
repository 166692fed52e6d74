// Lint rules. The one that matters most keeps src/core pure: no office-js, DOM, React or Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';

const impure = [
  { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'stream', 'url', 'util', 'crypto', 'zlib', 'worker_threads'], message: 'src/core is pure: no Node APIs.' },
  { group: ['react', 'react-dom', 'react/*', '@fluentui/*'], message: 'src/core is pure: no React or Fluent UI.' },
  { group: ['office-*', '@microsoft/office-js*', '@types/office-js'], message: 'src/core is pure: no office-js.' },
  { group: ['exceljs', 'commander', '**/xlsx/**', '**/excel/**', '**/taskpane/**', '**/cli/**', '**/functions/**', '**/commands/**'], message: 'src/core depends on nothing outside src/core.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'test/artifacts/**', '.*', '.*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Parenthesise ?? mixed with ?: or logical operators (the Fluent politeness bug in the style notes).
      'no-mixed-operators': ['error', { groups: [['??', '?:'], ['??', '&&', '||'], ['&&', '||']], allowSamePrecedence: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // No import cycles anywhere in src (type-only imports count too: a cycle of types is still a tangle).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Type-aware where it pays: a promise nobody awaits loses its error (office-js, file writes).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }] },
  },
  {
    files: ['src/taskpane/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: impure }],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'process', 'Buffer', 'require', 'fetch', 'XMLHttpRequest', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
