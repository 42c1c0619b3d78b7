/**
 * Crash torture (issue "Reliability" §1): the real server runs as a child process under mixed
 * concurrent load — uploads, hash-only deposits, notarisation applications and notary decisions
 * (custody events) — and is killed with SIGKILL at a random moment, `cycles` times. After each
 * restart every acknowledged deposit and event is present, every receipt verifies, the new
 * checkpoint is consistent with every checkpoint handed out before, no temp file is left, and no
 * stored blob lacks a deposit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  decodeBase64,
  openNote,
  parseCheckpoint,
  parseVkey,
  rfc6962,
  verifyConsistency,
  verifyInclusion,
  type Checkpoint,
  type NoteVerifier,
} from '../../src/log/index.js';
import { call, registerDepositor, type Body } from '../helpers/api.js';

const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

interface Acked {
  deposits: Map<string, Body>; // deposit id → receipt
  applications: Map<string, { deposit: string; state: string }>;
  checkpoints: Set<string>;
}

export interface TortureResult {
  cycles: number;
  deposits: number;
  events: number;
}

function startChild(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      HUICUN_DATA_DIR: join(dir, 'data'),
      HUICUN_CERTS_DIR: join(dir, 'certs'),
      HUICUN_RATE_LIMITS: 'off',
      HUICUN_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (c: string) => {
      out += c;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) =>
      reject(new Error(`server exited (${code}) before listening:\n${out}`)),
    );
  });
}

/** Resolves when `child` has exited (at once if it already has). */
function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

const checkpointOf = (note: string, v: NoteVerifier): Checkpoint =>
  parseCheckpoint(openNote(note, [v]).text);

/** Mixed load until `stop()`; acknowledgements go into `acked`. */
function load(
  url: string,
  tokens: { depositor: string; notary: string },
  acked: Acked,
): { stop(): void; done: Promise<void> } {
  let running = true;
  const remember = (id: string, receipt: Body): void => {
    acked.deposits.set(id, receipt);
    acked.checkpoints.add(receipt.checkpoint);
  };
  const worker = async (w: number): Promise<void> => {
    for (let n = 0; running; n++) {
      try {
        const kind = (w + n) % 4;
        if (kind === 0) {
          const form = new FormData();
          form.append('title', `upload ${w}/${n}`);
          form.append(
            'files',
            new Blob([new TextEncoder().encode(`evidence ${w}/${n} ${Math.random()}`)]),
            `e${n}.txt`,
          );
          const r = await call(url, 'POST', '/api/v1/deposits', {
            token: tokens.depositor,
            body: form,
          });
          if (r.status === 201) remember(r.body.deposit.id, r.body.receipt);
        } else if (kind === 1) {
          const sha = Array.from(
            { length: 64 },
            () => '0123456789abcdef'[Math.floor(Math.random() * 16)],
          ).join('');
          const r = await call(url, 'POST', '/api/v1/deposits', {
            token: tokens.depositor,
            json: { title: `hash ${w}/${n}`, files: [{ name: 'v.bin', size: 10, sha256: sha }] },
          });
          if (r.status === 201) remember(r.body.deposit.id, r.body.receipt);
        } else if (kind === 2) {
          const free = [...acked.deposits.keys()].find(
            (id) => ![...acked.applications.values()].some((a) => a.deposit === id),
          );
          if (!free) {
            await new Promise((r) => setImmediate(r)); // nothing to apply for yet: yield, don't spin
            continue;
          }
          const r = await call(url, 'POST', `/api/v1/deposits/${free}/notarisation`, {
            token: tokens.depositor,
            json: { purpose: '诉讼', contact: '021-12345678' },
          });
          if (r.status === 201)
            acked.applications.set(r.body.application.id, { deposit: free, state: 'submitted' });
          else if (r.status === 409)
            acked.applications.set(`conflict-${free}`, { deposit: free, state: 'unknown' });
        } else {
          const next = [...acked.applications.entries()].find(
            ([id, a]) =>
              !id.startsWith('conflict') && (a.state === 'submitted' || a.state === 'in_review'),
          );
          if (!next) {
            await new Promise((r) => setImmediate(r));
            continue;
          }
          const [id, a] = next;
          const step = a.state === 'submitted' ? 'claim' : 'decision';
          const r = await call(url, 'POST', `/api/v1/notary/applications/${id}/${step}`, {
            token: tokens.notary,
            ...(step === 'decision' ? { json: { decision: 'approve', opinion: '同意出证' } } : {}),
          });
          if (r.status === 200) a.state = r.body.application.state;
        }
      } catch {
        // the server was killed under us: stop
        return;
      }
    }
  };
  const done = Promise.all(Array.from({ length: 12 }, (_, w) => worker(w))).then(() => undefined);
  return { stop: () => (running = false), done };
}

async function login(url: string, username: string, password: string): Promise<string> {
  const r = await call(url, 'POST', '/api/v1/auth/login', { json: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
  return r.body.token;
}

/** Checks everything acknowledged so far against a freshly restarted server. */
async function verifyAfterRestart(
  url: string,
  dir: string,
  tokens: { depositor: string; notary: string },
  acked: Acked,
): Promise<number> {
  const key = await call(url, 'GET', '/api/v1/log/key');
  const v = parseVkey(key.body.vkey);
  const head = checkpointOf((await call(url, 'GET', '/api/v1/log/checkpoint')).text, v);
  const fail = (m: string): never => {
    throw new Error(m);
  };
  for (const [id, receipt] of acked.deposits) {
    const d = await call(url, 'GET', `/api/v1/deposits/${id}`, { token: tokens.depositor });
    if (d.status !== 200) fail(`acknowledged deposit ${id} is gone (${d.status})`);
    const cp = checkpointOf(receipt.checkpoint, v);
    const entry = decodeBase64(receipt.entry);
    verifyInclusion(
      receipt.index,
      cp.size,
      rfc6962.hashLeaf(entry),
      receipt.proof.map(decodeBase64),
      cp.root,
      rfc6962,
    );
    const stored = await call(url, 'GET', `/api/v1/log/entries/${receipt.index}`);
    if (stored.body.entry !== receipt.entry) fail(`entry ${receipt.index} changed`);
  }
  for (const note of acked.checkpoints) {
    const cp = checkpointOf(note, v);
    if (cp.size === head.size) {
      if (Buffer.compare(Buffer.from(cp.root), Buffer.from(head.root)) !== 0)
        fail(`fork at size ${cp.size}`);
      continue;
    }
    const p = await call(
      url,
      'GET',
      `/api/v1/log/proof/consistency?from=${cp.size}&to=${head.size}`,
    );
    verifyConsistency(
      cp.size,
      head.size,
      p.body.proof.map(decodeBase64),
      cp.root,
      head.root,
      rfc6962,
    );
  }
  let events = 0;
  for (const [id, a] of acked.applications) {
    if (id.startsWith('conflict')) continue;
    const r = await call(url, 'GET', `/api/v1/notary/applications/${id}`, {
      token: tokens.depositor,
    });
    if (r.status !== 200) fail(`acknowledged application ${id} is gone (${r.status})`);
    const order = ['submitted', 'in_review', 'approved', 'issued'];
    if (order.indexOf(r.body.application.state) < order.indexOf(a.state))
      fail(`application ${id} went back from ${a.state} to ${r.body.application.state}`);
    const trail = await call(url, 'GET', `/api/v1/deposits/${a.deposit}/custody`, {
      token: tokens.depositor,
    });
    const names = trail.body.items.map((i: Body) => i.event);
    const want = [
      'notarisation-submitted',
      ...(order.indexOf(a.state) >= 1 ? ['notarisation-claimed'] : []),
      ...(order.indexOf(a.state) >= 2 ? ['notarisation-approved'] : []),
    ];
    for (const w of want)
      if (!names.includes(w)) fail(`custody event ${w} of ${a.deposit} is gone`);
    for (const item of trail.body.items) {
      const cp = checkpointOf(item.receipt.checkpoint, v);
      verifyInclusion(
        item.receipt.index,
        cp.size,
        rfc6962.hashLeaf(decodeBase64(item.receipt.entry)),
        item.receipt.proof.map(decodeBase64),
        cp.root,
        rfc6962,
      );
    }
    events += want.length;
  }
  const tmp = readdirSync(join(dir, 'data', 'tmp'));
  if (tmp.length) fail(`temp files left after restart: ${tmp.join(', ')}`);
  const blobs = readdirSync(join(dir, 'data', 'blobs'), {
    recursive: true,
    withFileTypes: true,
  }).filter((e) => e.isFile());
  const referenced = new Set<string>();
  for (const id of acked.deposits.keys()) {
    const d = await call(url, 'GET', `/api/v1/deposits/${id}`, { token: tokens.depositor });
    if (d.body.deposit.method === 'upload')
      for (const f of d.body.deposit.files) referenced.add(f.sha256);
  }
  const orphans = blobs.filter((b) => !referenced.has(b.name));
  // A blob of an upload whose 201 never arrived may belong to a deposit that did commit: check it.
  for (const o of orphans) {
    const r = await call(url, 'POST', '/api/v1/verify', { json: { sha256: o.name } });
    if (r.body?.verdict !== 'found') fail(`blob ${o.name} has no deposit`);
  }
  return events;
}

export async function torture(
  dir: string,
  cycles: number,
  log: (m: string) => void = () => undefined,
): Promise<TortureResult> {
  const acked: Acked = { deposits: new Map(), applications: new Map(), checkpoints: new Set() };
  let server = await startChild(dir);
  const depositor = await registerDepositor(server.url);
  let tokens = {
    depositor: depositor.token,
    notary: await login(server.url, 'demo-notary', 'demo-notary-pass'),
  };
  const username = depositor.user.username;
  let events = 0;
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const l = load(server.url, tokens, acked);
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 1500)); // the random moment of the kill
    const exited = exitOf(server.child);
    server.child.kill('SIGKILL');
    l.stop();
    await l.done;
    await exited;
    server = await startChild(dir);
    tokens = {
      depositor: await login(server.url, username, 'correct horse battery staple'),
      notary: await login(server.url, 'demo-notary', 'demo-notary-pass'),
    };
    events = await verifyAfterRestart(server.url, dir, tokens, acked);
    log(
      `cycle ${cycle}/${cycles}: ${acked.deposits.size} deposits and ${events} custody events acknowledged, all present and verified`,
    );
  }
  // Graceful shutdown: SIGTERM while requests are in flight — each is answered, the open batch
  // is finished, the process exits 0, and what it acknowledged is there after a restart.
  const inFlight = Array.from({ length: 32 }, (_, i) =>
    call(server.url, 'POST', '/api/v1/deposits', {
      token: tokens.depositor,
      json: {
        title: `sigterm ${i}`,
        files: [{ name: 'x', size: 1, sha256: (i + 1).toString(16).padStart(64, 'e') }],
      },
    }).catch(() => undefined),
  );
  await new Promise((r) => setImmediate(r));
  const exit = new Promise<number | null>((r) => server.child.once('exit', (code) => r(code)));
  server.child.kill('SIGTERM');
  const answers = await Promise.all(inFlight);
  const code = await exit;
  if (code !== 0) throw new Error(`SIGTERM: the server exited with ${code}`);
  for (const a of answers) {
    if (a?.status === 201) acked.deposits.set(a.body.deposit.id, a.body.receipt);
    else if (a && a.status !== 503) throw new Error(`SIGTERM: a request got ${a.status} ${a.text}`);
  }
  server = await startChild(dir);
  tokens = {
    depositor: await login(server.url, username, 'correct horse battery staple'),
    notary: await login(server.url, 'demo-notary', 'demo-notary-pass'),
  };
  await verifyAfterRestart(server.url, dir, tokens, acked);
  const exited = exitOf(server.child);
  server.child.kill('SIGTERM');
  await exited;
  return { cycles, deposits: acked.deposits.size, events };
}
