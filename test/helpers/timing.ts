/**
 * A mocha reporter that measures where the suite's time goes: each test file's wall time (its
 * hooks included, which is where servers start and fixtures are built) and the slowest tests.
 * It prints the spec reporter's output as usual and, at the end, the two tables.
 *
 *   npx mocha 'test/**\/*.test.ts' --reporter test/helpers/timing.ts
 *
 * Wall time per file is taken from the first event of a file to its top-level suite's end, so it
 * is only meaningful without --parallel (in parallel mode files overlap).
 */
import { relative } from 'node:path';
import Mocha from 'mocha';

const { EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_END, EVENT_RUN_END } =
  Mocha.Runner.constants;

const SHOWN = 25;

export default class Timing extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const started = new Map<Mocha.Suite, number>();
    const files = new Map<string, number>();
    const tests: { title: string; file: string; ms: number }[] = [];
    const file = (s: Mocha.Suite | Mocha.Test): string =>
      s.file === undefined ? '(no file)' : relative(process.cwd(), s.file);
    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.parent?.root === true) started.set(suite, performance.now());
    });
    runner.on(EVENT_SUITE_END, (suite: Mocha.Suite) => {
      const t0 = started.get(suite);
      if (t0 === undefined) return;
      files.set(file(suite), (files.get(file(suite)) ?? 0) + performance.now() - t0);
    });
    runner.on(EVENT_TEST_END, (test: Mocha.Test) => {
      tests.push({ title: test.fullTitle(), file: file(test), ms: test.duration ?? 0 });
    });
    runner.once(EVENT_RUN_END, () => {
      const total = [...files.values()].reduce((a, b) => a + b, 0);
      console.log(`\nslowest files (sum ${(total / 1000).toFixed(1)} s):`);
      for (const [name, ms] of [...files].sort((a, b) => b[1] - a[1]).slice(0, SHOWN))
        console.log(`${(ms / 1000).toFixed(1).padStart(8)} s  ${name}`);
      console.log('\nslowest tests:');
      for (const t of tests.sort((a, b) => b.ms - a.ms).slice(0, SHOWN))
        console.log(`${(t.ms / 1000).toFixed(1).padStart(8)} s  ${t.file}: ${t.title}`);
    });
  }
}
