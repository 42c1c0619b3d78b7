// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules that do I/O: kept out of the pure core (DESIGN §2). */
const ioModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'net',
  'node:net',
  'http',
  'node:http',
  'crypto',
  'node:crypto',
  'child_process',
  'node:child_process',
  'worker_threads',
  'node:worker_threads',
  'level',
  'classic-level',
  'express',
  'multer',
];

/**
 * src/http is the outermost layer: it translates the domains to HTTP and nothing below calls it
 * back (src/server.ts, which wires the app, is the one exception).
 */
const httpOnlyFromServer = {
  group: ['./http/*', '../http/*', '../../http/*'],
  message: 'only src/http and src/server.ts import src/http: move what you need to its domain.',
};

/** Import restrictions of a src/ folder: `paths` as given, and the layer patterns above. */
function restrictedImports(paths = []) {
  return ['error', { paths, patterns: [httpOnlyFromServer] }];
}

export default tseslint.config(
  { ignores: ['dist/**', 'build-check/**', 'node_modules/**', 'storage/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        queueMicrotask: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/http/**', 'src/server.ts'],
    rules: { 'no-restricted-imports': restrictedImports() },
  },
  {
    // A later block replaces the rule: the pure core keeps the layer patterns too.
    files: ['src/log/**/*.ts', 'src/verify/**/*.ts', 'src/entry/**/*.ts', 'src/input/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(
        ioModules.map((name) => ({
          name,
          message:
            'src/log, src/verify, src/entry and src/input are pure: no I/O and no node:crypto.',
        })),
      ),
    },
  },
);
