#!/usr/bin/env node
/**
 * Proves the README's `npm start` in this checkout: starts it, waits until /api/v1/health answers
 * ok, reads the demo logins it prints, logs in as the demo depositor, then stops the server with
 * SIGTERM and expects a clean exit. PORT (default 3000) as for `npm start`. Exit 0 or 1.
 */
/* global fetch */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const port = Number(process.env.PORT ?? 3000);
const base = `http://127.0.0.1:${port}`;
const server = spawn('npm', ['start'], {
  cwd: new URL('..', import.meta.url),
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
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

let h;
for (let i = 0; i < 480 && !h; i++) {
  if (server.exitCode !== null) fail(`npm start exited (${server.exitCode}) before answering`);
  await new Promise((r) => setTimeout(r, 250));
  h = await health();
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
