/**
 * The one switch between the two test runs: `npm test` runs every test at a small size, so the
 * whole suite stays quick; `npm run test:slow` (TEST_SLOW=1, which CI runs) runs the slow ones —
 * crash torture, fuzzing, property tests — at full size. The tests are the same in both runs;
 * only their counts change, and production parameters are never read from here.
 */
export const FULL_SIZE = process.env.TEST_SLOW === '1';

/** `small` in `npm test`, `full` in `npm run test:slow`. */
export function size(small: number, full: number): number {
  return FULL_SIZE ? full : small;
}

/**
 * fast-check `numRuns` for a property whose full run is `full`: a tenth of it (at least 20) in
 * `npm test`. Enough to catch a property that is plainly wrong; the full run catches the rare.
 */
export function propertyRuns(full: number): number {
  return FULL_SIZE ? full : Math.min(full, Math.max(20, Math.round(full / 10)));
}
