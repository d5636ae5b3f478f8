import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import layers from './tools/eslint/layers.js';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Issue 12: the layers as a rule (tools/eslint/layers.js): shared imports only shared, the
    // renderer only shared, core never main/renderer/cli/sim, sim only shared and the leaf.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/**/*.test.ts', 'src/**/*.spec.ts'],
    plugins: { pterotray: layers },
    rules: { 'pterotray/layers': 'error' },
  },
  {
    // House style rule 2 / issue 12: no IPC channel string outside the contract; main pushes with
    // `push.<event>(payload)` and the preload builds its methods from the contract's lists.
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(send|invoke|handle|on|once)$/] > Literal.arguments:first-child[value=/^[a-z]+:[a-z-]+$/]',
          message: 'Channel names live only in src/shared/ipc-contract.ts: use window.push.<event>() or the contract’s lists.',
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // Rule 1 of the house style: core and shared are plain TypeScript and never see Electron.
    files: ['src/core/**', 'src/shared/**', 'src/sim/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'core, shared, sim and cli must not import electron.' }] }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared is imported by the renderer: no electron.' }],
          patterns: [{ group: nodeBuiltins, message: 'shared is imported by the renderer: no Node built-ins.' }],
        },
      ],
    },
  },
  {
    // The renderer is a sandboxed web page: no electron, no Node, and it only reaches main via window.api.
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches main only through window.api.' }],
          patterns: [{ group: nodeBuiltins, message: 'The renderer cannot use Node built-ins.' }],
        },
      ],
    },
  },
);
