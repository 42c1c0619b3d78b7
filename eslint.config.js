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
    files: [
      'src/log/**/*.ts',
      'src/verify/**/*.ts',
      'src/entry/**/*.ts',
      'src/input/**/*.ts',
      'src/pdf/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({
            name,
            message:
              'src/log, src/verify, src/entry, src/input and src/pdf are pure: no I/O and no node:crypto.',
          })),
        },
      ],
    },
  },
);
