#!/usr/bin/env node
/**
 * `huicun` — the command line. Each subcommand is imported lazily, so `huicun verify` never loads
 * express, level or pdfkit (DESIGN §2, §10).
 */
const USAGE = `huicun 汇存 — electronic-evidence deposit service

usage:
  huicun serve             start the server (PORT, HUICUN_DATA_DIR, … see README)
  huicun keygen            create missing keys in HUICUN_CERTS_DIR (never overwrites)
  huicun user add --role R --username U [--name N] [--court C] [--office O]
                           create a notary, judge or admin account (password on stdin)
  huicun --version

exit codes: 0 success, 1 failure, 2 usage error`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.js')).serve,
  keygen: async () => (await import('./keygen.js')).keygen,
  user: async () => (await import('./user.js')).userCommand,
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
  if (!load) {
    console.error(`huicun: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`huicun: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
