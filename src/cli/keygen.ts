/**
 * `huicun keygen [--rotate-log-key] [--rotate-token-key]`: creates missing keys and never
 * overwrites one. Rotation retires the current key (moved to `….<keyid>.previous.pem`, never
 * over an existing file) and creates a new one; see src/keys/log-key-ring.ts and
 * src/accounts/token-key-ring.ts. A running server picks the new keys up at its next start.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.js';
import { loadOrCreatePiiVault, loadOrCreateTokenKey, rotateTokenKey } from '../accounts/index.js';
import { loadOrCreateLogKey, LOG_KEY_FILE, rotateLogKey } from '../keys/index.js';
import { findLiveServer } from '../ops/index.js';
import { runCommand, usageError } from './errors.js';
import { defaultOpsIo, type OpsIo } from './local-server.js';

const USAGE = `usage: huicun keygen [--rotate-log-key] [--rotate-token-key]
  creates missing keys in HUICUN_CERTS_DIR; never overwrites one
  --rotate-log-key    retire the log key (its vkey stays published under "previous") and make a
                      new one; checkpoints go on, consistent, signed by the new key
  --rotate-token-key  retire the login-token key; tokens it signed stay valid until they expire`;

export async function keygen(args: string[], io: OpsIo = defaultOpsIo): Promise<number> {
  return runCommand({ name: 'keygen', usage: USAGE, err: io.err }, () => runKeygen(args, io));
}

async function runKeygen(args: string[], io: OpsIo): Promise<number> {
  let values: { 'rotate-log-key'?: boolean; 'rotate-token-key'?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        'rotate-log-key': { type: 'boolean' },
        'rotate-token-key': { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw usageError(err);
  }
  const config = loadConfig(io.env);
  const { key, created } = loadOrCreateLogKey(config.certsDir, config.origin);
  io.out(`${created ? 'created' : 'kept existing'} ${config.certsDir}/${LOG_KEY_FILE}`);
  if (values['rotate-log-key'] && !created) {
    const rotated = rotateLogKey(config.certsDir, config.origin);
    io.out(`retired log key (published under "previous"): ${rotated.retired.vkey}`);
    io.out(`log key (vkey): ${rotated.key.vkey}`);
    io.out('  publish the new vkey; verifiers keep the old one to check older receipts');
  } else {
    io.out(`log key (vkey): ${key.vkey}`);
  }
  loadOrCreatePiiVault(config.certsDir);
  const token = loadOrCreateTokenKey(config.certsDir);
  if (values['rotate-token-key'] && !token.created) {
    const rotated = rotateTokenKey(config.certsDir);
    io.out(
      `token key rotated: kid ${rotated.retired} → ${rotated.current}; tokens of ${rotated.retired} stay valid until they expire (1 hour)`,
    );
  }
  io.out(`token and PII keys present in ${config.certsDir}`);
  if (
    (values['rotate-log-key'] || values['rotate-token-key']) &&
    (await findLiveServer(config.dataDir))
  )
    io.out('  a server is running: restart it to sign with the new key(s)');
  return 0;
}
