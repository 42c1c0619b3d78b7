/**
 * Runs the compiled `huicun` CLI (dist/cli/main.js) as a subprocess, as users run it. dist is
 * built once per test run (`npm run build`'s tsc), so the tests never run stale code: by the
 * global setup of `npm test` (test/helpers/global-setup.ts) before its parallel workers start,
 * or else by the first caller in this process.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = `${ROOT}dist/cli/main.js`;
const BUILD_INFO = `${ROOT}build-check/dist.tsbuildinfo`;

/** Set by the global setup once dist is built; the parallel workers inherit it. */
export const BUILT_ENV = 'HUICUN_TEST_DIST_BUILT';

let built: Promise<void> | undefined;

/** Builds dist once (tsc emits even when another part of the tree has a type error). */
export function ensureBuilt(): Promise<void> {
  if (process.env[BUILT_ENV] === '1') return Promise.resolve();
  // Incremental: a second run re-emits only what changed. tsc trusts its build info even when
  // dist/ was deleted, so without the CLI the build info goes first.
  if (!existsSync(CLI)) rmSync(BUILD_INFO, { force: true });
  built ??= promisify(execFile)(
    process.execPath,
    [
      `${ROOT}node_modules/typescript/bin/tsc`,
      '-p',
      `${ROOT}tsconfig.build.json`,
      '--incremental',
      '--tsBuildInfoFile',
      BUILD_INFO,
    ],
    { cwd: ROOT },
  ).then(
    () => undefined,
    (err: { stdout?: string }) => {
      if (!existsSync(CLI)) throw err;
      console.warn(`  (tsc reported type errors; testing what it emitted)\n${err.stdout ?? ''}`);
    },
  );
  return built;
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node [nodeArgs] dist/cli/main.js args…` with `env` added to a clean environment. */
export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string>; nodeArgs?: readonly string[]; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
