#!/usr/bin/env node
/**
 * Proves the README's `npm start` in this checkout: starts it as a first-time user would (an empty
 * data folder, so the demo accounts are created and printed), waits until the server it started
 * says it listens and /api/v1/health answers ok, logs in with the demo depositor's printed
 * password, then stops the server with SIGTERM and expects a clean exit.
 *
 * The data and key folders are fresh temporary ones and the port a free one (PORT to choose
 * another), so a store left by an earlier run, or another program on port 3000, can neither make
 * the check pass nor make it fail. Exit 0 or 1.
 */
/* global fetch */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  return port;
}

const port = Number(process.env.PORT ?? (await freePort()));
const base = `http://127.0.0.1:${port}`;
const scratch = mkdtempSync(join(tmpdir(), 'huicun-start-check-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const server = spawn('npm', ['start'], {
  cwd: new URL('..', import.meta.url),
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    PORT: String(port),
    HUICUN_DATA_DIR: join(scratch, 'storage'),
    HUICUN_CERTS_DIR: join(scratch, 'certs'),
  },
});
let output = '';
server.stdout.on('data', (d) => (output += d));
server.stderr.on('data', (d) => (output += d));
const exited = once(server, 'exit');

function fail(message) {
  console.error(`start-check: ${message}\n${output}`);
  try {
    process.kill(-server.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  process.exit(1);
}

async function health() {
  try {
    const r = await fetch(`${base}/api/v1/health`);
    return r.ok ? await r.json() : undefined;
  } catch {
    return undefined;
  }
}

// Only the server this check started counts: it prints its address before it answers.
let h;
for (let i = 0; i < 480 && !h; i++) {
  if (server.exitCode !== null) fail(`npm start exited (${server.exitCode}) before answering`);
  await new Promise((r) => setTimeout(r, 250));
  if (output.includes(`listening on http://`) && output.includes(`:${port}`)) h = await health();
}
if (h?.status !== 'ok') fail(`/api/v1/health never answered ok (${JSON.stringify(h)})`);
console.log(`start-check: ${base}/api/v1/health → ${JSON.stringify(h)}`);

// serve prints each demo account as `<role> <username> / <password>`
const password = / demo-depositor \/ (\S+)/.exec(output)?.[1];
if (!password) fail('npm start printed no demo-depositor login');
const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'demo-depositor', password }),
});
console.log(`start-check: demo-depositor login → HTTP ${login.status}`);
if (login.status !== 200) fail(`demo login answered ${login.status}: ${await login.text()}`);

process.kill(-server.pid, 'SIGTERM');
const [code, signal] = await exited;
if (code !== 0 && signal !== 'SIGTERM')
  fail(`npm start ended with ${code ?? signal} after SIGTERM`);
console.log('start-check: stopped cleanly');
