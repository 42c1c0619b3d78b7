/** `huicun serve`: runs the server until SIGTERM/SIGINT, then shuts down gracefully. */
import { loadConfig } from '../config/index.js';
import { startServer } from '../server.js';
import { configuredTimeStamper } from '../timestamp/index.js';
import { CliError, runCommand } from './errors.js';

export async function serve(args: string[]): Promise<number> {
  return runCommand({ name: 'serve', err: (l) => console.error(l) }, () => runServer(args));
}

async function runServer(args: string[]): Promise<number> {
  if (args.length > 0) throw new CliError('USAGE', `unexpected arguments: ${args.join(' ')}`);
  const config = loadConfig(process.env);
  // Trusted time (docs/timestamps.md): the configured TSAs, the development TSA, or none.
  const timeStamper = configuredTimeStamper(config.tsa, {
    certsDir: config.certsDir,
    production: config.production,
  });
  const server = await startServer(config, {
    ...(timeStamper ? { timeStamper } : {}),
    timestampIntervalMs: config.tsa.intervalS * 1000,
  });
  const head = server.log.current();
  console.log(`huicun 汇存 listening on ${server.url}`);
  console.log(`  data: ${config.dataDir}   keys: ${config.certsDir}`);
  console.log(`  log: ${config.origin}, size ${head.size}`);
  if (server.log.readOnly)
    console.log(
      '  READ-ONLY 只读: restored from a backup; appends are refused until huicun restore --resume or --new-log (docs/backup.md)',
    );
  console.log(`  log key (vkey): ${server.logKey.vkey}`);
  console.log(
    timeStamper
      ? `  time-stamps (RFC 3161): ${config.tsa.mode === 'development' ? 'the development TSA, not a trusted time source' : config.tsa.urls.join(', ')}, every ${config.tsa.intervalS} s at most`
      : '  time-stamps: none (HUICUN_TSA_URLS=none)',
  );
  if (server.demo.length > 0) {
    console.log('  demo accounts (created on this empty store; not for production):');
    for (const d of server.demo)
      console.log(`    ${d.role.padEnd(9)} ${d.username} / ${d.password}`);
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      console.log(`huicun: ${signal}: finishing open requests and the open batch…`);
      server.close().then(resolve, (err: unknown) => {
        console.error('huicun: shutdown error', err);
        resolve();
      });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}
