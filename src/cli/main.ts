#!/usr/bin/env node
/**
 * `huicun` — the command line. Each subcommand is imported lazily, so `huicun verify` never loads
 * express, level or pdfkit (docs/architecture.md, docs/cli.md). A command resolves with its exit code; what escapes
 * it is mapped here by the one exit-code mapper (src/cli/errors.ts).
 */
import { CliError, exitCode } from './errors.js';

const USAGE = `huicun 汇存 — electronic-evidence deposit service

usage:
  huicun serve             start the server (PORT, HUICUN_DATA_DIR, … see README)
  huicun keygen [--rotate-log-key] [--rotate-token-key]
                           create missing keys in HUICUN_CERTS_DIR (never overwrites); rotate
  huicun user add --role R --username U [--name N] [--court C] [--office O]
                           create a notary, judge or admin account (password on stdin)
  huicun verify <file> (--receipt R | --certificate C | --tlog-proof P) [--log-key VKEY]…
                [--online URL] [--json]
                           verify a file against its receipt (exit 0 verified, 1 not verified)
  huicun monitor <url> --state FILE [--log-key VKEY]…
                           check that the log only grows (exit 1 on any inconsistency)
  huicun audit [--json]    check the whole store (exit 1 on any damage); asks a running server
  huicun backup <dir>      consistent backup while the server runs (keys are not included)
  huicun restore <dir> [--resume --latest-checkpoint FILE | --new-log ORIGIN]
                           restore a backup read-only; resume or start a new log (docs/backup.md)
  huicun --version

exit codes: 0 success, 1 failure, 2 usage error`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.js')).serve,
  keygen: async () => (await import('./keygen.js')).keygen,
  user: async () => (await import('./user.js')).userCommand,
  verify: async () => (await import('./verify.js')).verifyCommand,
  monitor: async () => (await import('./monitor.js')).monitorCommand,
  audit: async () => (await import('./audit.js')).auditCommand,
  backup: async () => (await import('./backup.js')).backupCommand,
  restore: async () => (await import('./restore.js')).restoreCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    console.log((await import('../version.js')).VERSION);
    return 0;
  }
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) throw new CliError('USAGE', `unknown command "${name}"\n\n${USAGE}`);
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`huicun: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = exitCode(err);
  },
);
