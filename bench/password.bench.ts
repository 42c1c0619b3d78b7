/**
 * `npm run bench:password`: a sign-in for an unknown username must take as long as a wrong
 * password for a real one, or the answer's timing says which usernames exist. Measures the median
 * of `verifyDummy` (the unknown-user path) against `verifyPassword` with a wrong password, over
 * BENCH_RUNS (9) runs after a warm-up, and their ratio. Target: ≥ 0.8 (without scrypt on the
 * dummy path the ratio would be near 0). The test suite checks the behaviour, not the timing.
 */
import { hashPassword, verifyDummy, verifyPassword } from '../src/accounts/password.js';
import { percentile, printResult, round } from './common.js';

const RUNS = Number(process.env.BENCH_RUNS ?? '9');

async function median(run: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  return percentile(
    ms.sort((a, b) => a - b),
    50,
  );
}

await verifyDummy('warm up the dummy');
const stored = await hashPassword('real password 1');
const dummyMs = await median(() => verifyDummy('anything at all'));
const realMs = await median(() => verifyPassword('wrong password 1', stored));
const ratio = round(dummyMs / realMs);
printResult(
  'password',
  [
    ['unknown user (dummy hash), median', round(dummyMs), 'ms'],
    ['wrong password, median', round(realMs), 'ms'],
    ['ratio', ratio, 'target ≥ 0.8'],
  ],
  {
    dummy_verify_median_ms: round(dummyMs),
    real_verify_median_ms: round(realMs),
    dummy_ratio: ratio,
  },
);
