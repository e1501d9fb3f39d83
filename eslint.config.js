// Lint rules: typescript-eslint's recommended set, a ban on focused tests, and the architecture: no import cycles
// (type-only imports included), imports one way between layers, Node-only modules only in the Node folders.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '.wrangler/', 'dist/', 'coverage/', 'test/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'a focused test hides the rest of the suite' },
        { object: 'describe', property: 'only', message: 'a focused test hides the rest of the suite' },
        { object: 'test', property: 'only', message: 'a focused test hides the rest of the suite' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'scrapers/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { layers },
    rules: {
      'layers/no-cycle': 'error',
      'layers/no-upward-import': 'error',
      'layers/node-only': 'error',
    },
  },
  {
    // Tests read JSON responses whose shape they then assert.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
