/**
 * Mocha global setup of `npm test` (`--require`), run once in mocha's main process before any
 * test file loads and before any parallel worker starts. It builds dist for the tests that run the
 * compiled CLI (test/cli): were each worker to build it, one could write dist/ while another runs
 * it. Targeted runs without it build on first use instead (test/cli/cli.ts).
 */
import { BUILT_ENV, ensureBuilt } from '../cli/cli.js';

export async function mochaGlobalSetup(): Promise<void> {
  await ensureBuilt();
  process.env[BUILT_ENV] = '1';
}
