/** A real server on a free loopback port, with its data and keys in a temp folder. */
import type { Logger } from 'pino';
import { loadConfig } from '../../src/config/index.js';
import { startServer, type RunningServer, type ServerHooks } from '../../src/server.js';
import { tempDir } from './log-fixture.js';

export interface TestServer extends RunningServer {
  /** Stops the server and removes its folder. */
  dispose(): Promise<void>;
  /** Errors the server reported (5xx); a test that provokes some removes them before dispose. */
  readonly errors: unknown[];
}

/**
 * `seeds` (default false) loads the demo accounts, which also appends their admin entries; `now`
 * is the clock of share and claim-code expiry and custody read windows; `logger` receives the
 * server's log lines (tests that read them); `timestamps` hands the server a TimeStamper, its
 * interval and clock.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: {
    seeds?: boolean;
    now?: () => number;
    logger?: Logger;
    timestamps?: Pick<ServerHooks, 'timeStamper' | 'timestampIntervalMs' | 'timestampScheduler'>;
  } = {},
): Promise<TestServer> {
  const tmp = tempDir('huicun-http-');
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    HUICUN_DATA_DIR: `${tmp.dir}/data`,
    HUICUN_CERTS_DIR: `${tmp.dir}/certs`,
    HUICUN_ORIGIN: 'http-test.huicun.localhost/log',
    ...env,
  });
  const errors: unknown[] = [];
  const server = await startServer(config, {
    report: (e) => errors.push(e),
    seeds: options.seeds ?? false,
    ...(options.now ? { now: options.now } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...options.timestamps,
  });
  return Object.assign(Object.create(null) as object, server, {
    errors,
    async dispose() {
      await server.close();
      tmp.remove();
      if (errors.length) throw new Error(`server reported unexpected errors: ${String(errors[0])}`);
    },
  }) as TestServer;
}
