/**
 * The CLI's one error class and its one exit-code mapper (docs/cli.md, "Exit codes"). A command
 * answers with its exit code (0, or 1 for a negative answer such as "not verified"); when it
 * cannot answer it throws a {@link CliError}, and {@link runCommand} prints it and maps its code
 * to the exit code by one table, as `src/http/errors.ts` maps error codes to HTTP statuses.
 *
 * The mapper lives here, not in `main.ts`: the commands run it themselves (the tests call them
 * in-process and read their exit codes), and importing `main.ts` would start the program.
 */
import { BaseError } from '../errors.js';

/**
 * - USAGE: the arguments are wrong; the command's usage text follows the message.
 * - BAD_INPUT: input the command cannot use (a missing file, a receipt that is not JSON, a bad
 *   vkey, an argument value it refuses).
 * - UNREACHABLE: the log or the local server cannot be reached, or answers something malformed.
 * - STORE_HELD: another process holds the store.
 * - INCONSISTENT: the log contradicts its signed checkpoint (the monitor's negative answer).
 * - REFUSED: the operation ran and was refused or failed (an `OpsError`, a server's error
 *   answer, a taken username); the message names the cause.
 */
export type CliErrorCode =
  'USAGE' | 'BAD_INPUT' | 'UNREACHABLE' | 'STORE_HELD' | 'INCONSISTENT' | 'REFUSED';

/** Why a command did not answer; `exitCode` maps its code to the exit code. */
export class CliError extends BaseError<CliErrorCode> {}

/**
 * The exit code of every code: 2 when the command could not even start (usage, unreadable
 * input, an unreachable log, a held store), 1 when it ran and the answer is negative.
 */
const EXIT = {
  USAGE: 2,
  BAD_INPUT: 2,
  UNREACHABLE: 2,
  STORE_HELD: 2,
  INCONSISTENT: 1,
  REFUSED: 1,
} as const satisfies Record<CliErrorCode, 1 | 2>;

/** The one exit-code mapper: a {@link CliError}'s code decides; anything else is a failure (1). */
export function exitCode(err: unknown): number {
  return err instanceof CliError ? EXIT[err.code] : 1;
}

/** How a command prints a {@link CliError}: its name, its usage text, where errors go. */
export interface CommandErrors {
  readonly name: string;
  readonly usage?: string;
  readonly err: (line: string) => void;
}

/**
 * Runs a command's body and resolves with its exit code. A {@link CliError} is printed as
 * `huicun <name>: <message>` (a USAGE error with the usage text after it) and mapped by
 * {@link exitCode}; any other error propagates to `main.ts`, which prints it and exits 1.
 */
export async function runCommand(how: CommandErrors, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    const usage = err.code === 'USAGE' && how.usage !== undefined ? `\n${how.usage}` : '';
    how.err(`huicun ${how.name}: ${err.message}${usage}`);
    return exitCode(err);
  }
}

/** A USAGE error for whatever the argument parsing threw (node:util's parseArgs, our checks). */
export function usageError(err: unknown): CliError {
  return err instanceof CliError && err.code === 'USAGE'
    ? err
    : new CliError('USAGE', (err as Error).message, { cause: err });
}
