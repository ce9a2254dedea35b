// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, and React's
// hooks rules (eslint-plugin-react-hooks, including the React Compiler checks) on the
// React side (src/model and machines/ hold no React: dependency-cruiser checks that). Part of `npm run lint` with dependency-cruiser and knip.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'bench/results*', 'bench/.out/', 'test/**/_*'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a parameter or binding kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/{app,embed,features,live,react,reveal}/**/*.{ts,tsx}', 'examples/**/*.tsx', 'test/**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
);
