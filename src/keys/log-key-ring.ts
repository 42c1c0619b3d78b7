/**
 * Log key rotation (docs/cli.md, docs/configuration.md, docs/backup.md). `huicun keygen --rotate-log-key` and
 * `huicun restore --new-log` retire the current key: its PEM moves (hard link, then unlink — a
 * file is never overwritten) to `certs/log-ed25519.<keyid>.previous.pem`, and its vkey is written
 * beside it as `….previous.vkey` (the vkey names the key's origin, which a new log changes). A
 * new key is then generated. The server publishes retired vkeys under `previous` at
 * /api/v1/log/key, accepts a stored checkpoint signed by one of them, and signs only with the
 * current key: verifiers keep old vkeys to check old receipts.
 */
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { ed25519FromPem, ed25519ToPem, generateEd25519 } from '../crypto/index.js';
import { ed25519KeyId, formatKeyId, parseVkey, type NoteVerifier } from '../log/index.js';
import { LOG_KEY_FILE, loadLogKey, logKeyFor, type LogKey } from './log-key.js';

/** A retired log key: its vkey (origin included) and verifier. */
export interface PreviousLogKey {
  readonly vkey: string;
  readonly verifier: NoteVerifier;
  /** The key's origin (its name). */
  readonly origin: string;
  /** When it was retired (the vkey file's time), ms since the epoch. */
  readonly retiredAt: number;
  /** Set by `--new-log`: the origin this key's log was continued as; its own is closed. */
  readonly continuedAs?: string;
}

/** The current log key and the retired ones, newest retirement first. */
export interface LogKeyRing {
  readonly current: LogKey;
  readonly previous: readonly PreviousLogKey[];
}

const PREVIOUS = /^log-ed25519\.([0-9a-f]{8})\.previous\.(pem|vkey)$/;

/** `log-ed25519.<keyid>.previous.pem` / `.vkey`. */
export const previousKeyFile = (keyId: string, ext: 'pem' | 'vkey'): string =>
  `log-ed25519.${keyId}.previous.${ext}`;

/**
 * The retired log keys in `certsDir`. A retired PEM without its `.vkey` (moved by hand) is read
 * under `origin` when its key id matches that origin.
 * @throws Error naming a file whose vkey is malformed or does not match its file name.
 */
export function loadPreviousLogKeys(certsDir: string, origin: string): PreviousLogKey[] {
  let names: string[];
  try {
    names = readdirSync(certsDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const ids = new Set(names.flatMap((n) => PREVIOUS.exec(n)?.[1] ?? []));
  const out: PreviousLogKey[] = [];
  for (const id of ids) {
    const vkeyPath = join(certsDir, previousKeyFile(id, 'vkey'));
    const pemPath = join(certsDir, previousKeyFile(id, 'pem'));
    let vkey: string;
    let path: string;
    let continuedAs: string | undefined;
    if (existsSync(vkeyPath)) {
      path = vkeyPath;
      // Line 1: the vkey; an optional line `continued-as <origin>` (written by --new-log).
      const [first = '', ...rest] = readFileSync(vkeyPath, 'utf8').split('\n');
      vkey = first.trim();
      continuedAs = rest
        .map((l) => /^continued-as (\S+)$/.exec(l.trim())?.[1])
        .find((o) => o !== undefined);
    } else {
      path = pemPath;
      vkey = logKeyFor(origin, ed25519FromPem(readFileSync(pemPath, 'utf8'))).vkey;
    }
    let verifier;
    try {
      verifier = parseVkey(vkey);
    } catch (cause) {
      throw new Error(`${path} does not hold a valid log key`, { cause });
    }
    if (formatKeyId(verifier.keyId) !== id) {
      throw new Error(
        `${path}: key id ${formatKeyId(verifier.keyId)} differs from the file name (${id}); write the key's vkey into ${previousKeyFile(id, 'vkey')}`,
      );
    }
    out.push({
      vkey,
      verifier,
      origin: verifier.name,
      retiredAt: statSync(path).mtimeMs,
      ...(continuedAs !== undefined ? { continuedAs } : {}),
    });
  }
  return out.sort((a, b) => b.retiredAt - a.retiredAt || a.vkey.localeCompare(b.vkey));
}

/**
 * Refuses to sign under an origin that `huicun restore --new-log` closed: its log was continued
 * under another origin, and a checkpoint signed under the old one again could fork it.
 * @throws Error naming the origin to use.
 */
export function assertOriginOpen(previous: readonly PreviousLogKey[], origin: string): void {
  const closed = previous.find((p) => p.origin === origin && p.continuedAs !== undefined);
  if (closed)
    throw new Error(
      `the log "${origin}" was continued as "${closed.continuedAs}" (huicun restore --new-log) and is never signed again; set HUICUN_ORIGIN=${closed.continuedAs}`,
    );
}

/**
 * Loads the current log key (which must exist) and the retired ones.
 * @throws Error when there is no current key.
 */
export function loadLogKeyRing(certsDir: string, origin: string): LogKeyRing {
  const current = loadLogKey(certsDir, origin);
  const previous = loadPreviousLogKeys(certsDir, origin).filter((p) => p.vkey !== current.vkey);
  return { current, previous };
}

/** Every verifier of a ring: the current key first. */
export function ringVerifiers(ring: LogKeyRing): NoteVerifier[] {
  return [ring.current.verifier, ...ring.previous.map((p) => p.verifier)];
}

/**
 * Retires the current log key (as a key of `oldOrigin`) and creates a new one, returned as a
 * key of `newOrigin` (the same origin for a plain rotation, a new one for `--new-log`).
 * @throws Error when there is no current key, or a retired file of its key id exists already.
 */
export function rotateLogKey(
  certsDir: string,
  oldOrigin: string,
  newOrigin: string = oldOrigin,
): { retired: PreviousLogKey; key: LogKey } {
  const old = loadLogKey(certsDir, oldOrigin);
  const id = formatKeyId(old.signer.keyId);
  const pem = join(certsDir, LOG_KEY_FILE);
  const vkeyFile = join(certsDir, previousKeyFile(id, 'vkey'));
  const closing = newOrigin !== oldOrigin ? `continued-as ${newOrigin}\n` : '';
  if (!existsSync(vkeyFile))
    writeFileSync(vkeyFile, `${old.vkey}\n${closing}`, { mode: 0o644, flag: 'wx' });
  linkSync(pem, join(certsDir, previousKeyFile(id, 'pem'))); // EEXIST rather than overwrite
  unlinkSync(pem);
  const taken = new Set(
    loadPreviousLogKeys(certsDir, newOrigin).map((p) => `${p.origin} ${p.verifier.keyId}`),
  );
  let pair = generateEd25519();
  // A key id (32 bits) shared with a retired key of the same name would make verifiers ambiguous.
  while (taken.has(`${newOrigin} ${ed25519KeyId(newOrigin, pair.publicKeyBytes)}`))
    pair = generateEd25519();
  mkdirSync(certsDir, { recursive: true, mode: 0o700 });
  writeFileSync(pem, ed25519ToPem(pair), { mode: 0o600, flag: 'wx' });
  return {
    retired: {
      vkey: old.vkey,
      verifier: old.verifier,
      origin: oldOrigin,
      retiredAt: statSync(vkeyFile).mtimeMs,
      ...(newOrigin !== oldOrigin ? { continuedAs: newOrigin } : {}),
    },
    key: logKeyFor(newOrigin, pair),
  };
}
