/**
 * Full disk (issue #8 §2). The data folder lives on a 64 MiB tmpfs (the test runs as root and
 * mounts one; the keys stay outside it), filled with a filler file until only the reserve
 * (HUICUN_RESERVE_BYTES) and a little more is free. Then: uploads that do not fit get 507
 * INSUFFICIENT_STORAGE and leave no temp file or blob; the log keeps appending inside the
 * reserve (hash-only deposits, notarisation, custody events) without ever going unavailable;
 * reads (details, receipts, downloads, certificates, proofs, tiles) keep working; uploads work
 * again once the filler is deleted; and `runAudit` finds nothing damaged after the server stops.
 *
 * Where mounting is refused (not root, a container without CAP_SYS_ADMIN, or FULL_DISK_MODE=
 * reserve), the same test runs on the ordinary temp folder with HUICUN_RESERVE_BYTES above its
 * free space, and "freeing space" restarts the server with the reserve lowered. The mode that
 * ran is printed.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statfsSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit } from '../../src/audit/index.js';
import { loadConfig } from '../../src/config/index.js';
import { serverHasher, startServer, type RunningServer } from '../../src/server.js';
import { openLevelStore } from '../../src/storage/leveldb.js';
import { call, registerDepositor, type Reply } from '../helpers/api.js';
import { DAY, makeAccount } from '../helpers/casework.js';

const COURT = '上海市徐汇区人民法院';

const MiB = 1024 * 1024;
const TMPFS_BYTES = 64 * MiB;
const RESERVE_BYTES = 16 * MiB;
/** Free space left above the reserve once the disk is "full". */
const HEADROOM_BYTES = 1 * MiB;
const MAX_FILE_BYTES = 16 * MiB;

type Mode = 'tmpfs' | 'reserve';

/** Mounts a tmpfs at `dir`, or says why it cannot. */
function tryMount(dir: string): { ok: true } | { ok: false; why: string } {
  if (process.env.FULL_DISK_MODE === 'reserve') return { ok: false, why: 'FULL_DISK_MODE=reserve' };
  if (process.platform !== 'linux') return { ok: false, why: `platform ${process.platform}` };
  if (process.getuid?.() !== 0) return { ok: false, why: 'not root' };
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_BYTES},mode=0700`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
    return { ok: true };
  } catch (err) {
    return { ok: false, why: String((err as { stderr?: Buffer }).stderr ?? err).trim() };
  }
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' }); // busy: detach now, free when idle
  }
}

const freeBytes = (dir: string): number => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Writes `bytes` of zeros to `path` (tmpfs allocates every written page). */
function writeFiller(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  try {
    const chunk = Buffer.alloc(MiB);
    for (let left = bytes; left > 0; left -= chunk.length)
      writeSync(fd, chunk, 0, Math.min(chunk.length, left));
  } finally {
    closeSync(fd);
  }
}

function uploadForm(title: string, name: string, bytes: Uint8Array): FormData {
  const fd = new FormData();
  fd.append('title', title);
  fd.append('files', new Blob([bytes]), name);
  return fd;
}

/** An upload without a Content-Length (streamed, chunked): only the stream can tell its size. */
async function streamedUpload(base: string, token: string, bytes: Uint8Array): Promise<Reply> {
  const boundary = 'full-disk-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nstreamed\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="streamed.bin"\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const parts = [head, bytes, tail];
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
  });
  const res = await fetch(`${base}/api/v1/deposits`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body,
    duplex: 'half',
  } as RequestInit);
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    headers: res.headers,
    text,
  };
}

describe('reliability: a full disk', function () {
  this.timeout(180_000);
  const root = mkdtempSync(join(tmpdir(), 'huicun-full-disk-'));
  const mountDir = join(root, 'volume');
  const certsDir = join(root, 'certs'); // keys never on the full volume
  let mode: Mode;
  let dataDir: string;
  let fillerPath: string | undefined;
  let server: RunningServer;
  const reported: unknown[] = [];
  /** Reported errors other than the 507s this test provokes (operators hear of a full disk). */
  const unexpected = (): string[] =>
    reported
      .filter((e) => (e as { code?: unknown }).code !== 'INSUFFICIENT_STORAGE')
      .map((e) => `${(e as { code?: string }).code ?? ''} ${String(e)}`);

  const start = (reserveBytes: number): Promise<RunningServer> =>
    startServer(
      loadConfig({
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        HUICUN_DATA_DIR: dataDir,
        HUICUN_CERTS_DIR: certsDir,
        HUICUN_ORIGIN: 'full-disk.huicun.localhost/log',
        HUICUN_RATE_LIMITS: 'off',
        HUICUN_RESERVE_BYTES: String(reserveBytes),
        HUICUN_MAX_FILE_BYTES: String(MAX_FILE_BYTES),
      }),
      { report: (e) => reported.push(e), seeds: false },
    );
  const tmpFiles = (): string[] => readdirSync(join(dataDir, 'tmp'));
  const blobFiles = (): string[] =>
    readdirSync(join(dataDir, 'blobs'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();

  // What the test made before the disk filled, and reads back while it is full.
  let depositor: { token: string };
  let notary: { token: string };
  let judge: { token: string };
  let evidence: Uint8Array;
  let upload: { id: string; receipt: unknown };
  let certificate: Uint8Array;
  let sizeBeforeFull: number;

  before(async () => {
    mkdirSync(mountDir);
    mkdirSync(certsDir);
    const mounted = tryMount(mountDir);
    mode = mounted.ok ? 'tmpfs' : 'reserve';
    dataDir = join(mountDir, 'data');
    console.log(
      mounted.ok
        ? `      mode: tmpfs of ${TMPFS_BYTES / MiB} MiB at ${mountDir}, reserve ${RESERVE_BYTES / MiB} MiB`
        : `      mode: reserve above the free space (mount refused: ${mounted.why})`,
    );
    server = await start(mode === 'tmpfs' ? RESERVE_BYTES : 0);
    depositor = await registerDepositor(server.url);
    notary = await makeAccount(server, 'notary');
    judge = await makeAccount(server, 'judge', { court: COURT });
    evidence = randomBytes(512 * 1024);
    const up = await call(server.url, 'POST', '/api/v1/deposits', {
      token: depositor.token,
      body: uploadForm('before the disk filled', 'evidence.bin', evidence),
    });
    expect(up.status, up.text).to.equal(201);
    upload = { id: up.body.deposit.id, receipt: up.body.receipt };
    const cert = await fetch(`${server.url}/api/v1/deposits/${upload.id}/certificate.pdf`, {
      headers: { authorization: `Bearer ${depositor.token}` },
    });
    expect(cert.status).to.equal(200);
    certificate = new Uint8Array(await cert.arrayBuffer());

    // Fill the disk: only the reserve and a little headroom stay free.
    if (mode === 'tmpfs') {
      fillerPath = join(mountDir, 'filler.bin');
      writeFiller(fillerPath, freeBytes(mountDir) - RESERVE_BYTES - HEADROOM_BYTES);
      const free = freeBytes(mountDir);
      expect(free).to.be.within(RESERVE_BYTES, RESERVE_BYTES + 2 * HEADROOM_BYTES);
    } else {
      await server.close();
      server = await start(freeBytes(dataDir) + 1024 * MiB);
    }
    sizeBeforeFull = server.log.size;
  });

  after(async () => {
    await server?.close().catch(() => undefined);
    if (mode === 'tmpfs') unmount(mountDir);
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses an upload that does not fit with 507 INSUFFICIENT_STORAGE, leaving no temp file or blob', async () => {
    const blobs = blobFiles();
    const r = await call(server.url, 'POST', '/api/v1/deposits', {
      token: depositor.token,
      body: uploadForm('too big for the disk', 'big.bin', randomBytes(4 * MiB)),
    });
    expect([r.status, r.body?.error?.code]).to.deep.equal([507, 'INSUFFICIENT_STORAGE']);
    expect(r.body.error.message).to.be.a('string');
    expect(tmpFiles()).to.deep.equal([]);
    expect(blobFiles()).to.deep.equal(blobs);
  });

  it('refuses a streamed upload (no Content-Length) once it would eat into the reserve', async () => {
    const blobs = blobFiles();
    // The free-space check runs every 8 MiB while a file streams: 12 MiB crosses it.
    const r = await streamedUpload(server.url, depositor.token, randomBytes(12 * MiB));
    expect([r.status, r.body?.error?.code]).to.deep.equal([507, 'INSUFFICIENT_STORAGE']);
    expect(tmpFiles()).to.deep.equal([]);
    expect(blobFiles()).to.deep.equal(blobs);
  });

  it('keeps appending to the log inside the reserve: hash-only deposits and custody events', async () => {
    const freeAtStart = freeBytes(dataDir);
    for (let i = 0; i < 40; i++) {
      const r = await call(server.url, 'POST', '/api/v1/deposits', {
        token: depositor.token,
        json: {
          title: `hash-only while full ${i}`,
          files: [{ name: `f${i}.bin`, size: 1000 + i, sha256: sha256(Buffer.from(`full ${i}`)) }],
        },
      });
      expect(r.status, r.text).to.equal(201);
    }
    // Custody events: a notarisation application, its claim, a court share and its redemption,
    // a judge's read, a download link.
    const app = await call(server.url, 'POST', `/api/v1/deposits/${upload.id}/notarisation`, {
      token: depositor.token,
      json: { purpose: '诉讼', contact: '010-1234' },
    });
    expect(app.status, app.text).to.equal(201);
    const claim = await call(
      server.url,
      'POST',
      `/api/v1/notary/applications/${app.body.application.id}/claim`,
      { token: notary.token, json: {} },
    );
    expect(claim.status, claim.text).to.equal(200);
    const share = await call(server.url, 'POST', `/api/v1/deposits/${upload.id}/shares`, {
      token: depositor.token,
      json: {
        court: COURT,
        caseNumber: '(2026)沪0104民初9号',
        expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
      },
    });
    expect(share.status, share.text).to.equal(201);
    const redeem = await call(server.url, 'POST', '/api/v1/shares/redeem', {
      token: judge.token,
      json: { code: share.body.code },
    });
    expect(redeem.status, redeem.text).to.equal(200);
    const judgeRead = await call(server.url, 'GET', `/api/v1/deposits/${upload.id}`, {
      token: judge.token,
    });
    expect(judgeRead.status, judgeRead.text).to.equal(200);
    const link = await call(server.url, 'POST', `/api/v1/deposits/${upload.id}/files/0/link`, {
      token: depositor.token,
    });
    expect(link.status, link.text).to.equal(201);

    // The log never went unavailable (no ENOSPC in LevelDB: the reserve is there for it).
    expect(server.log.available).to.equal(true);
    expect(server.log.size).to.be.at.least(sizeBeforeFull + 40 + 5);
    expect(unexpected(), 'errors the server reported (LOG_UNAVAILABLE…)').to.deep.equal([]);
    const used = freeAtStart - freeBytes(dataDir);
    console.log(
      `      ${server.log.size - sizeBeforeFull} appends inside the reserve used ${(used / 1024).toFixed(0)} KiB; ${(freeBytes(dataDir) / MiB).toFixed(1)} MiB still free`,
    );
    if (mode === 'tmpfs') expect(freeBytes(dataDir)).to.be.above(RESERVE_BYTES / 2);
  });

  it('serves reads throughout: details, receipts, downloads, the certificate, proofs, tiles', async () => {
    const auth = { token: depositor.token };
    const details = await call(server.url, 'GET', `/api/v1/deposits/${upload.id}`, auth);
    expect(details.status).to.equal(200);
    expect(details.body.deposit.files[0].sha256).to.equal(sha256(evidence));
    const issued = await call(server.url, 'GET', `/api/v1/deposits/${upload.id}/receipt`, auth);
    expect(issued.status).to.equal(200);
    expect(issued.body).to.deep.equal(upload.receipt);
    const latest = await call(
      server.url,
      'GET',
      `/api/v1/deposits/${upload.id}/receipt?at=latest`,
      auth,
    );
    expect(latest.status).to.equal(200);
    const proof = await call(
      server.url,
      'GET',
      `/api/v1/deposits/${upload.id}/receipt?format=tlog-proof`,
      auth,
    );
    expect(proof.status).to.equal(200);
    const file = await fetch(`${server.url}/api/v1/deposits/${upload.id}/files/0`, {
      headers: { authorization: `Bearer ${depositor.token}` },
    });
    expect(file.status).to.equal(200);
    expect(sha256(new Uint8Array(await file.arrayBuffer()))).to.equal(sha256(evidence));
    const ranged = await fetch(`${server.url}/api/v1/deposits/${upload.id}/files/0`, {
      headers: { authorization: `Bearer ${depositor.token}`, range: 'bytes=0-9' },
    });
    expect(ranged.status).to.equal(206);
    expect(Buffer.from(await ranged.arrayBuffer())).to.deep.equal(
      Buffer.from(evidence.subarray(0, 10)),
    );
    const cert = await fetch(`${server.url}/api/v1/deposits/${upload.id}/certificate.pdf`, {
      headers: { authorization: `Bearer ${depositor.token}` },
    });
    expect(cert.status).to.equal(200);
    expect(sha256(new Uint8Array(await cert.arrayBuffer()))).to.equal(sha256(certificate));
    const size = server.log.size;
    for (const path of [
      '/api/v1/health',
      '/api/v1/log/checkpoint',
      '/tlog/checkpoint',
      `/api/v1/log/proof/inclusion?index=0&size=${size}`,
      `/api/v1/log/proof/consistency?from=1&to=${size}`,
      '/api/v1/log/entries/0',
      '/tlog/tile/0/000.p/1',
    ]) {
      const r = await call(server.url, 'GET', path);
      expect(r.status, `${path}: ${r.text}`).to.equal(200);
    }
    const trail = await call(server.url, 'GET', `/api/v1/deposits/${upload.id}/custody`, auth);
    expect(trail.status).to.equal(200);
    expect(trail.body.items.length).to.be.at.least(4);
  });

  it('beyond the reserve (the disk truly full): appends get 503, never 500, and the log recovers once space is freed', async function () {
    if (mode !== 'tmpfs') this.skip(); // needs a disk that can really run out
    const exhaust = join(mountDir, 'exhaust.bin');
    writeFiller(exhaust, freeBytes(mountDir)); // ENOSPC from here on, for LevelDB too
    const statuses: string[] = [];
    let readStatus: string;
    try {
      for (let i = 0; i < 20; i++) {
        const r = await call(server.url, 'POST', '/api/v1/deposits', {
          token: depositor.token,
          json: {
            title: `no space at all ${i}`,
            files: [{ name: 'x.bin', size: 1, sha256: sha256(Buffer.from(`none ${i}`)) }],
          },
        });
        statuses.push(`${r.status}${r.status === 201 ? '' : ` ${r.body?.error?.code}`}`);
        // LevelDB buffers small writes in its log's last block: go on until a write must fail.
        if (r.status !== 201) break;
      }
      const read = await call(server.url, 'GET', `/api/v1/deposits/${upload.id}`, {
        token: depositor.token,
      });
      readStatus = `${read.status}${read.status === 200 ? '' : ` ${read.body?.error?.code}`}`;
    } finally {
      rmSync(exhaust);
    }
    await server.log.whenReady();
    const after = await call(server.url, 'POST', '/api/v1/deposits', {
      token: depositor.token,
      json: { title: 'space again', files: [{ name: 'y.bin', size: 1, sha256: 'cd'.repeat(32) }] },
    });
    const logErrors = reported.filter(
      (e) => (e as { code?: unknown }).code !== 'INSUFFICIENT_STORAGE',
    );
    console.log(
      `      disk full beyond the reserve: appends ${statuses.join(', ')}; a read while recovering: ${readStatus}; after freeing: ${after.status}`,
    );
    console.log(
      `      reported: ${logErrors.map((e) => (e as { code?: string }).code).join(', ')}`,
    );
    expect(after.status, after.text).to.equal(201);
    expect(statuses.at(-1), 'an append met the full disk').to.match(
      /^503 LOG_(IN_DOUBT|UNAVAILABLE)/,
    );
    expect(
      statuses.every((x) => x === '201' || x.startsWith('503')),
      statuses.join(' '),
    ).to.equal(true);
    expect(readStatus, 'reads while the store reopens: 200 or 503, never 500').to.match(
      /^(200|503)/,
    );
    // The sequencer reported the failed write and its recovery attempts (the operator must know);
    // they are expected here, and only here.
    for (const e of logErrors) reported.splice(reported.indexOf(e), 1);
  });

  it('accepts uploads again once space is freed', async () => {
    if (mode === 'tmpfs') {
      rmSync(fillerPath!);
      expect(freeBytes(dataDir)).to.be.above(RESERVE_BYTES + 8 * MiB);
    } else {
      await server.close(); // "freeing space": the same data, the reserve lowered
      server = await start(0);
    }
    const bytes = randomBytes(4 * MiB);
    const r = await call(server.url, 'POST', '/api/v1/deposits', {
      token: depositor.token,
      body: uploadForm('after the disk was freed', 'big.bin', bytes),
    });
    expect(r.status, r.text).to.equal(201);
    expect(r.body.deposit.files[0].sha256).to.equal(sha256(bytes));
    expect(tmpFiles()).to.deep.equal([]);
  });

  it('damaged nothing: the audit of the stopped store finds no fault', async () => {
    const { logKey } = server;
    await server.close();
    const store = await openLevelStore(join(dataDir, 'db'));
    try {
      const blobDir = join(dataDir, 'blobs');
      const report = await runAudit({
        store,
        hasher: serverHasher,
        verifier: logKey.verifier,
        origin: 'full-disk.huicun.localhost/log',
        blobDir,
        blobPath: (sha) => join(blobDir, sha.slice(0, 2), sha.slice(2, 4), sha),
      });
      const findings = report.sections.flatMap((s) => s.findings.map((f) => `${s.name}: ${f.id}`));
      expect(findings).to.deep.equal([]);
      expect(report.ok).to.equal(true);
      expect(report.size).to.be.at.least(sizeBeforeFull + 45);
      for (const s of report.sections) expect(s.checked, s.name).to.be.greaterThan(0);
    } finally {
      await store.close();
    }
    expect(unexpected()).to.deep.equal([]);
    expect(reported.length, 'the two 507s were reported to the operator').to.equal(2);
  });
});
