/** Helpers of the backup, restore, key rotation and operator-access tests. */
import { expect } from 'chai';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { OpsIo } from '../../src/cli/local-server.js';
import type { Config } from '../../src/config/index.js';
import {
  decodeBase64,
  openNote,
  parseCheckpoint,
  parseVkey,
  rfc6962,
  verifyInclusion,
  type Checkpoint,
} from '../../src/log/index.js';
import type { Body } from '../helpers/api.js';
import { tempDir } from '../helpers/log-fixture.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';

export const ORIGIN = 'ops-test.huicun.localhost/log';
export const NEW_ORIGIN = 'ops-test.huicun.localhost/log-2';

/** The environment a CLI command needs to act on these folders. */
export function opsEnv(
  where: Pick<Config, 'dataDir' | 'certsDir'>,
  origin = ORIGIN,
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HUICUN_DATA_DIR: where.dataDir,
    HUICUN_CERTS_DIR: where.certsDir,
    HUICUN_ORIGIN: origin,
  };
}

/** A CLI io that records what the command prints. */
export function captureIo(env: Record<string, string>): {
  io: OpsIo;
  out: string[];
  err: string[];
  text: () => string;
} {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { env, out: (l) => out.push(l), err: (l) => err.push(l) },
    out,
    err,
    text: () => [...out, ...err].join('\n'),
  };
}

/** A test server of ORIGIN on the given folders (or fresh ones), rate limits off. */
export function startOpsServer(
  where: Partial<Pick<Config, 'dataDir' | 'certsDir'>> = {},
  origin = ORIGIN,
): Promise<TestServer> {
  return startTestServer({
    HUICUN_ORIGIN: origin,
    HUICUN_RATE_LIMITS: 'off',
    ...(where.dataDir ? { HUICUN_DATA_DIR: where.dataDir } : {}),
    ...(where.certsDir ? { HUICUN_CERTS_DIR: where.certsDir } : {}),
  });
}

/** A scratch folder for backups and restored data folders. */
export function scratch(): { dir: string; remove(): void; path(name: string): string } {
  const t = tempDir('huicun-ops-');
  return { ...t, path: (name: string) => join(t.dir, name) };
}

/** A copy of a certs folder (a restore with --new-log rotates keys in its own copy). */
export function copyCerts(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  return to;
}

/** Opens a checkpoint note with `vkey` (throws when it does not verify). */
export function openWith(note: string, vkey: string): Checkpoint {
  return parseCheckpoint(openNote(note, [parseVkey(vkey)]).text);
}

/** Checks a receipt's inclusion proof against its own checkpoint, signed by `vkey`. */
export function checkReceipt(receipt: Body, vkey: string): Checkpoint {
  const cp = openWith(receipt.checkpoint, vkey);
  verifyInclusion(
    receipt.index,
    cp.size,
    rfc6962.hashLeaf(decodeBase64(receipt.entry)),
    receipt.proof.map(decodeBase64),
    cp.root,
    rfc6962,
  );
  expect(receipt.index).to.be.below(cp.size);
  return cp;
}
