/**
 * Wires the service together: keys, store, sequencer, HTTP. `startServer` is what `huicun serve`
 * and the in-process tests run.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config/index.js';
import { sha256 } from './crypto/index.js';
import { createApp, type App } from './http/app.js';
import { loadOrCreateLogKey, type LogKey } from './keys/log-key.js';
import { treeHasher } from './log/index.js';
import { Sequencer } from './sequencer/index.js';
import { openLevelStore, type LevelStore } from './storage/leveldb.js';
import { join } from 'node:path';
import { VERSION } from './version.js';

export interface RunningServer {
  readonly url: string;
  readonly config: Config;
  readonly store: LevelStore;
  readonly log: Sequencer;
  readonly logKey: LogKey;
  readonly app: App;
  readonly http: Server;
  /** Stops taking connections, finishes the open batch, closes the store. */
  close(): Promise<void>;
}

/** The node:crypto RFC 6962 hasher used by the server (faster than the pure one). */
export const serverHasher = treeHasher(sha256);

export interface ServerHooks {
  /** Receives unexpected errors (default: stderr). */
  readonly report?: (err: unknown) => void;
}

export async function startServer(config: Config, hooks: ServerHooks = {}): Promise<RunningServer> {
  const report = hooks.report ?? ((err: unknown) => console.error('huicun:', err));
  const { key: logKey } = loadOrCreateLogKey(config.certsDir, config.origin);
  const store = await openLevelStore(join(config.dataDir, 'db'));
  let log: Sequencer;
  try {
    log = await Sequencer.open(store, {
      origin: config.origin,
      signer: logKey.signer,
      verifier: logKey.verifier,
      hasher: serverHasher,
      batchMax: config.batchMax,
      queueMax: config.queueMax,
      onError: report,
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const app = createApp({
    sequencer: log,
    vkey: logKey.vkey,
    previousVkeys: [],
    version: VERSION,
    trustProxy: config.trustProxy,
    report,
  });
  const http = createServer(app.express);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    config,
    store,
    log,
    logKey,
    app,
    http,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeIdleConnections();
        });
        await log.close();
        await store.close();
      })();
      return closing;
    },
  };
}
