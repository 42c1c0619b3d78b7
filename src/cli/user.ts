/**
 * `huicun user add --role R --username U [--name N] [--court C] [--office O]`: creates an account
 * with an admin entry (actor `cli`), the password read from the first line of stdin. A judge's
 * `--court` is a listed court's id or name (docs/courts.md). Opens the store itself, so it
 * refuses while a server holds it (then use POST /api/v1/admin/users).
 */
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  AccountError,
  AccountService,
  AccountStore,
  checkNewAccount,
  loadOrCreatePiiVault,
  loadOrCreateTokenKey,
  TokenService,
} from '../accounts/index.js';
import { COURT_ID_PATTERN, CourtError, CourtService } from '../courts/index.js';
import { loadConfig } from '../config/index.js';
import { sha256 } from '../crypto/index.js';
import { assertOriginOpen, loadOrCreateLogKey, loadPreviousLogKeys } from '../keys/index.js';
import { treeHasher } from '../log/index.js';
import { Sequencer } from '../sequencer/index.js';
import { StorageError, openLevelStore } from '../storage/index.js';
import { CliError, runCommand, usageError } from './errors.js';

const USAGE = `usage: huicun user add --role notary|judge|admin --username U [--name N] [--court C] [--office O]
  the password is read from the first line of stdin (10–256 characters)
  --name     display name (default: the username)
  --court    the judge's court: a listed court's id or name (required for judges;
             the list is kept with GET/POST /api/v1/admin/courts)
  --office   the notary's office
  depositors register themselves (POST /api/v1/auth/register).`;

/** Where the command reads and writes (tests pass their own). */
export interface UserCommandIo {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const defaultIo: UserCommandIo = {
  stdin: process.stdin,
  env: process.env,
  out: (l) => console.log(l),
  err: (l) => console.error(l),
};

/** Runs `huicun user …`; exit 0 created, 1 failed (store in use, name taken, log error), 2 usage. */
export async function userCommand(args: string[], io: UserCommandIo = defaultIo): Promise<number> {
  return runCommand({ name: 'user', usage: USAGE, err: io.err }, () => addUser(args, io));
}

async function addUser(args: string[], io: UserCommandIo): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        role: { type: 'string' },
        username: { type: 'string' },
        name: { type: 'string' },
        court: { type: 'string' },
        office: { type: 'string' },
      },
    });
    if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'add')
      throw new Error('expected "add"');
    values = parsed.values;
  } catch (e) {
    throw usageError(e);
  }
  if (values.role === 'depositor')
    throw new CliError('BAD_INPUT', 'depositors register themselves (POST /api/v1/auth/register)');
  if (io.stdin.isTTY) io.err('password (one line, shown as typed): ');
  const password = await firstLine(io.stdin);
  if (password === '')
    throw new CliError(
      'BAD_INPUT',
      'refusing an empty password (give it on the first line of stdin)',
    );
  let input;
  try {
    input = checkNewAccount({
      username: values.username ?? '',
      password,
      role: values.role,
      displayName: values.name ?? values.username ?? '',
      ...(values.court !== undefined
        ? COURT_ID_PATTERN.test(values.court)
          ? { courtId: values.court }
          : { court: values.court }
        : {}),
      ...(values.office !== undefined ? { office: values.office } : {}),
    });
  } catch (e) {
    const message = (e as Error).message
      .replace('field "displayName"', '--name')
      .replace(/field "(\w+)"/, '--$1');
    throw new CliError('BAD_INPUT', message, { cause: e });
  }
  return createWithStore(input, io);
}

async function createWithStore(
  input: ReturnType<typeof checkNewAccount>,
  io: UserCommandIo,
): Promise<number> {
  const config = loadConfig(io.env);
  const { key } = loadOrCreateLogKey(config.certsDir, config.origin);
  const previous = loadPreviousLogKeys(config.certsDir, config.origin);
  assertOriginOpen(previous, config.origin);
  let store;
  try {
    store = await openLevelStore(join(config.dataDir, 'db'));
  } catch (e) {
    // REFUSED (exit 1), not STORE_HELD: the account was not created, which is this command's
    // negative answer (docs/cli.md)
    if (e instanceof StorageError && e.code === 'STORE_LOCKED')
      throw new CliError(
        'REFUSED',
        'the store is in use (is a server running?); create the account with POST /api/v1/admin/users instead',
        { cause: e },
      );
    throw e;
  }
  try {
    const log = await Sequencer.open(store, {
      origin: config.origin,
      signer: key.signer,
      verifier: key.verifier,
      previousVerifiers: previous.filter((p) => p.vkey !== key.vkey).map((p) => p.verifier),
      hasher: treeHasher(sha256),
      batchMax: config.batchMax,
      queueMax: config.queueMax,
    });
    const courts = await CourtService.open({ records: store, log });
    const service = new AccountService({
      store: await AccountStore.open(store),
      courts,
      vault: loadOrCreatePiiVault(config.certsDir).vault,
      tokens: new TokenService({
        pair: loadOrCreateTokenKey(config.certsDir).pair,
        issuer: config.publicUrl,
      }),
      log,
      rateLimits: false,
    });
    try {
      const user = await service.createAccount({ account: 'cli', role: 'operator' }, input);
      io.out(`created account ${user.username} (${user.role}), id ${user.id}`);
      return 0;
    } catch (e) {
      if (e instanceof AccountError && e.code === 'USERNAME_TAKEN')
        throw new CliError('REFUSED', `the username ${input.username} is taken`, { cause: e });
      if (e instanceof CourtError) {
        const listed = courts.list().length;
        throw new CliError(
          'REFUSED',
          `${e.message.replace(/; pick one.*$/, '')} (${listed} listed; ` +
            'an administrator adds courts with POST /api/v1/admin/courts or on the admin page)',
          { cause: e },
        );
      }
      throw e;
    } finally {
      await log.close();
    }
  } finally {
    await store.close();
  }
}

/** The first line of `stream` (without its line break), reading no further than needed. */
async function firstLine(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    const nl = text.indexOf('\n');
    if (nl >= 0) return text.slice(0, nl).replace(/\r$/, '');
    if (text.length > 4096) break;
  }
  return text.replace(/\r?\n?$/, '');
}
