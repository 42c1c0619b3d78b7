import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the SM3 worker from compiled JavaScript (`dist/…/sm3-worker.js`) or, under tsx, from
 * the `.ts` source. Node 20 does not apply `--import tsx` given in a Worker's `execArgv` to the
 * worker's entry module (nodejs/node#47747, privatenumber/tsx#354), so under tsx a small
 * bootstrap registers tsx's hooks inside the worker first and then imports the source.
 */
export function spawnSm3Worker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./sm3-worker.js', self));
  const entry = JSON.stringify(new URL('./sm3-worker.ts', self).href);
  // tsx's ESM API: its CommonJS build resolves its hooks wrongly from an eval'd worker. Found via
  // createRequire, not import.meta.resolve, because test runners may load this file as CommonJS.
  const api = createRequire(self)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = JSON.stringify(pathToFileURL(api).href);
  const bootstrap = `import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(bootstrap, { eval: true });
}
