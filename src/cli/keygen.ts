/** `huicun keygen`: creates missing keys; never overwrites one. */
import { loadConfig } from '../config/index.js';
import { loadOrCreatePiiVault, loadOrCreateTokenKey } from '../accounts/index.js';
import { loadOrCreateLogKey, LOG_KEY_FILE } from '../keys/log-key.js';

export async function keygen(args: string[]): Promise<number> {
  if (args.length > 0) {
    console.error(`huicun keygen: unexpected arguments: ${args.join(' ')}`);
    return 2;
  }
  const config = loadConfig(process.env);
  const { key, created } = loadOrCreateLogKey(config.certsDir, config.origin);
  console.log(`${created ? 'created' : 'kept existing'} ${config.certsDir}/${LOG_KEY_FILE}`);
  console.log(`log key (vkey): ${key.vkey}`);
  loadOrCreatePiiVault(config.certsDir);
  loadOrCreateTokenKey(config.certsDir);
  console.log(`token and PII keys present in ${config.certsDir}`);
  return 0;
}
