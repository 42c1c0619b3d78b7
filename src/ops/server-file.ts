/**
 * `<data>/server.json` (docs/cli.md): how the CLI finds the server that holds the store. Written
 * at start (mode 0600, temp file + fsync + rename), removed on graceful shutdown:
 * `{pid, url, startedAt, secret}`, `secret` being 32 random bytes (hex) that the admin routes
 * accept from a loopback address in `X-Huicun-Local-Secret` (src/ops/local-secret.ts).
 */
import { constants as fsConstants } from 'node:fs';
import { open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from '../crypto/index.js';
import { encodeHex } from '../log/index.js';

export const SERVER_FILE = 'server.json';
/** Header carrying the local secret. */
export const LOCAL_SECRET_HEADER = 'x-huicun-local-secret';

export interface ServerFile {
  readonly pid: number;
  /** The server's own URL (loopback when it listens on every address). */
  readonly url: string;
  readonly startedAt: string;
  /** 64 hex digits. */
  readonly secret: string;
}

/** A fresh local secret: 32 random bytes as 64 hex digits. */
export function newLocalSecret(): string {
  return encodeHex(randomBytes(32));
}

async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, fsConstants.O_RDONLY);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes `<dataDir>/server.json` atomically, mode 0600. */
export async function writeServerFile(dataDir: string, file: ServerFile): Promise<void> {
  const path = join(dataDir, SERVER_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'w' });
  const fh = await open(temp, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(temp, path);
  await fsyncDir(dataDir);
}

/** Removes `<dataDir>/server.json` if it is still this `secret`'s (a restarted server's is kept). */
export async function removeServerFile(dataDir: string, secret: string): Promise<void> {
  const current = await readServerFile(dataDir).catch(() => undefined);
  if (current?.secret !== secret) return;
  await unlink(join(dataDir, SERVER_FILE)).catch(() => undefined);
}

/** The parsed `<dataDir>/server.json`, or undefined when there is none. */
export async function readServerFile(dataDir: string): Promise<ServerFile | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, SERVER_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const v = JSON.parse(text) as Partial<ServerFile>;
  if (
    !Number.isSafeInteger(v.pid) ||
    typeof v.url !== 'string' ||
    typeof v.startedAt !== 'string' ||
    typeof v.secret !== 'string' ||
    !/^[0-9a-f]{64}$/.test(v.secret)
  ) {
    throw new Error(`${join(dataDir, SERVER_FILE)} is malformed`);
  }
  return v as ServerFile;
}

/** Whether process `pid` exists (EPERM: it exists, under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The server named by `<dataDir>/server.json` when it is live: its process exists and its URL
 * answers /api/v1/health within `timeoutMs` (any HTTP status counts as an answer). A stale or
 * malformed file gives undefined: the caller opens the store itself (which fails politely with
 * STORE_LOCKED if a server does hold it after all).
 */
export async function findLiveServer(
  dataDir: string,
  timeoutMs = 3000,
): Promise<ServerFile | undefined> {
  let file: ServerFile | undefined;
  try {
    file = await readServerFile(dataDir);
  } catch {
    return undefined;
  }
  if (!file || !processAlive(file.pid)) return undefined;
  try {
    const res = await fetch(`${file.url}/api/v1/health`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return file;
  } catch {
    return undefined;
  }
}
