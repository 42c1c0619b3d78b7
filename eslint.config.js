// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules that do I/O: kept out of the pure core (docs/architecture.md). */
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

/** How a file `depth` folders below src/ reaches src/ (`./` from src/ itself). */
const up = (depth) => (depth === 0 ? './' : '../'.repeat(depth));

/**
 * src/http is the outermost layer: it translates the domains to HTTP and nothing below calls it
 * back (src/server.ts, which wires the app, is the one exception).
 */
const noHttp = (depth) => ({
  group: [`${up(depth)}http/*`],
  message: 'only src/http and src/server.ts import src/http: move what you need to its domain.',
});

/** src/http has no index.ts on purpose: only src/server.ts imports it. */
const DEEP_TARGETS = ['http'];

/** Another src/ folder is imported through its index.ts, which says what the folder offers. */
const throughIndex = (depth) => ({
  regex: `^${up(depth).replaceAll('.', '\\.')}(?!(?:${DEEP_TARGETS.join('|')})/)[^/]+/(?!index\\.js$)`,
  message: 'import another src/ folder through its index.ts (export what you need there).',
});

/**
 * Files that import other folders file by file, on purpose: the lazy `import()` in
 * verify-input.ts and verify-run.ts keep `huicun verify` from loading the server's modules (the
 * PDF stack only for a PDF); src/api/types.ts and the two notary files it reads are type-checked
 * by the web app without Node's types, so they name pure files, not a folder's index.ts. Not yet
 * converted: the error table (it names each domain's errors.ts) and the two readers of the
 * sequencer's internals (audit/tree.ts, storage/leveldb.ts).
 */
const DEEP_IMPORTERS = [
  'src/http/errors.ts',
  'src/audit/tree.ts',
  'src/storage/leveldb.ts',
  'src/cli/verify-run.ts',
  'src/cli/verify-input.ts',
  'src/api/types.ts',
  'src/notary/examination.ts',
  'src/notary/state.ts',
];

const restricted = (patterns, paths = []) => ['error', { paths, patterns }];

/** The pure core: no I/O (ioModules above). */
const pureFolders = ['log', 'verify', 'entry', 'input', 'pdf'];

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
    files: ['src/*/*.ts'],
    ignores: ['src/http/**'],
    rules: { 'no-restricted-imports': restricted([noHttp(1), throughIndex(1)]) },
  },
  {
    files: ['src/*/*/*.ts'],
    rules: { 'no-restricted-imports': restricted([noHttp(2), throughIndex(2)]) },
  },
  {
    files: ['src/http/*.ts'],
    rules: { 'no-restricted-imports': restricted([throughIndex(1)]) },
  },
  {
    files: ['src/server.ts'],
    rules: { 'no-restricted-imports': restricted([throughIndex(0)]) },
  },
  // A later block replaces the rule: the pure core keeps the layer patterns too.
  ...[1, 2].map((depth) => ({
    files: pureFolders.map((folder) => `src/${folder}/${'*/'.repeat(depth - 1)}*.ts`),
    rules: {
      'no-restricted-imports': restricted(
        [noHttp(depth), throughIndex(depth)],
        ioModules.map((name) => ({
          name,
          message:
            'src/log, src/verify, src/entry, src/input and src/pdf are pure: no I/O and no node:crypto.',
        })),
      ),
    },
  })),
  {
    files: DEEP_IMPORTERS,
    ignores: ['src/http/**'],
    rules: { 'no-restricted-imports': restricted([noHttp(1)]) },
  },
  {
    files: DEEP_IMPORTERS.filter((file) => file.startsWith('src/http/')),
    rules: { 'no-restricted-imports': 'off' },
  },
);
