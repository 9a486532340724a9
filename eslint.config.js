// ESLint (flat config) for the bundled frontend and its tests; run by `mvn verify`
// (or `npm run lint`) with --max-warnings 0.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {ignores: ['target/**', 'node_modules/**', 'bench/**']},
  js.configs.recommended,
  {
    rules: {
      'eqeqeq': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      'no-unused-vars': ['error', {caughtErrors: 'none'}],
    },
  },
  {
    files: ['src/main/webapp/js/**/*.js'],
    languageOptions: {sourceType: 'module', globals: globals.browser},
  },
  {
    files: ['src/main/webapp/js/pcm-capture-worklet.js'],
    languageOptions: {globals: globals.audioWorklet},
  },
  {
    files: ['src/test/resources/**/*.js'],
    languageOptions: {sourceType: 'script', globals: globals.browser},
  },
  {
    files: ['src/test/js/**/*.js', 'eslint.config.js'],
    languageOptions: {sourceType: 'module', globals: globals.node},
  },
];
