import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const layerMessage = (rule) => `${rule} See README.md › Architecture › Layers.`;

// The layer rule: where code runs decides what it may import (README › Architecture).
const restrict = (paths, patterns) => ['error', { paths, patterns }];
const nodeAndElectron = [
  ...nodeBuiltins.map((name) => ({ name, message: layerMessage('Node APIs are not available in this layer.') })),
  { name: 'electron', message: layerMessage('Electron is only for main/app and main/preload.') },
];

export default tseslint.config(
  { ignores: ['.cache/', 'dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/e2e/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(
        [...nodeAndElectron, { name: 'react', message: layerMessage('shared/ is UI-free.') }, { name: 'dexie', message: layerMessage('shared/ has no storage.') }],
        [{ group: ['**/main/**', '**/renderer/**', '../main', '../renderer', '../../main', '../../renderer'], message: layerMessage('shared/ imports neither main/ nor renderer/.') }],
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'no-restricted-imports': restrict(nodeAndElectron, [
        { group: ['**/main/**', '../main', '../../main', '../../../main'], message: layerMessage('renderer/ reaches main only through the typed API.') },
      ]),
      'i18next/no-literal-string': ['error', { mode: 'jsx-text-only', 'jsx-attributes': { include: ['aria-label', 'title', 'alt', 'placeholder'] } }],
    },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}', 'renderer/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(nodeAndElectron, [
        { group: ['**/main/**', '../main', '../../main', '../../../main'], message: layerMessage('renderer/ reaches main only through the typed API.') },
        { group: ['**/data/db', '**/data/ArchiveDb'], message: layerMessage('Components read data through hooks (renderer/hooks), never the db.') },
      ]),
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([], [{ group: ['**/renderer/**', '../renderer', '../../renderer'], message: layerMessage('main/ never imports renderer/.') }]),
    },
  },
  {
    files: ['main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        nodeBuiltins.map((name) => ({ name, message: layerMessage('The sandboxed preload only exposes the typed API.') })),
        [{ group: ['**/main/**', '../api/*', '../sync/*', '../app/*', '../host/*', '../log/*', '**/renderer/**'], message: layerMessage('The preload imports only electron and shared/api.') }],
      ),
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
