/**
 * The CLI's one error class and one exit-code mapper (src/cli/errors.ts; docs/cli.md, "Exit
 * codes"): 2 when a command cannot even start, 1 for a negative answer, and one way of printing.
 */
import { expect } from 'chai';
import { CliError, exitCode, runCommand, type CliErrorCode } from '../../src/cli/errors.js';

/** Every code with the exit code docs/cli.md gives it. */
const DOCUMENTED: Record<CliErrorCode, 1 | 2> = {
  USAGE: 2,
  BAD_INPUT: 2,
  UNREACHABLE: 2,
  STORE_HELD: 2,
  INCONSISTENT: 1,
  REFUSED: 1,
};

/** Runs `body` as the command `demo` and records what it printed. */
async function run(body: () => Promise<number>): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runCommand(
    { name: 'demo', usage: 'usage: huicun demo X', err: (l) => lines.push(l) },
    body,
  );
  return { code, lines };
}

describe('cli: one error class and one exit-code mapper', () => {
  it('maps every code to its documented exit code, anything else to 1', () => {
    for (const [code, exit] of Object.entries(DOCUMENTED))
      expect(exitCode(new CliError(code as CliErrorCode, 'x')), code).to.equal(exit);
    expect(exitCode(new Error('a bug'))).to.equal(1);
    expect(exitCode('not even an error')).to.equal(1);
  });

  it('passes a command’s own answer through and prints nothing', async () => {
    expect(await run(() => Promise.resolve(0))).to.deep.equal({ code: 0, lines: [] });
    expect(await run(() => Promise.resolve(1))).to.deep.equal({ code: 1, lines: [] });
  });

  it('prints a CliError under the command’s name, the usage text only after a USAGE error', async () => {
    const usage = await run(() => Promise.reject(new CliError('USAGE', 'give one file')));
    expect(usage).to.deep.equal({
      code: 2,
      lines: ['huicun demo: give one file\nusage: huicun demo X'],
    });
    for (const code of Object.keys(DOCUMENTED).filter((c) => c !== 'USAGE') as CliErrorCode[]) {
      const r = await run(() => Promise.reject(new CliError(code, 'it failed')));
      expect(r, code).to.deep.equal({ code: DOCUMENTED[code], lines: ['huicun demo: it failed'] });
    }
  });

  it('lets other errors through to main, which prints them and exits 1', async () => {
    const bug = new TypeError('a bug');
    let caught: unknown;
    try {
      await run(() => Promise.reject(bug));
    } catch (err) {
      caught = err;
    }
    expect(caught).to.equal(bug);
  });
});
