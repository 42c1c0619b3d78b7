/**
 * Slow and oversized clients (issue #8 §3): a slow-loris sending its headers a byte at a time is
 * cut off by the headers timeout (HUICUN_HEADERS_TIMEOUT_MS); an upload that stalls halfway is
 * cut off by the idle timeout (HUICUN_IDLE_TIMEOUT_MS) and its temp file removed; an upload
 * whose Content-Length no valid upload can reach is refused with 413 before its body is read.
 * Issue 11 §4: an upload (or anonymous verify upload) body trickling slower than
 * HUICUN_MIN_UPLOAD_BYTES_PER_S over HUICUN_MIN_UPLOAD_WINDOW_MS — even one byte just before
 * each idle timeout — is cut off with 408 REQUEST_TOO_SLOW and its temp file removed.
 * No fixed sleeps: every wait is for a socket event or a condition, with a bounded timeout.
 */
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import type { Socket } from 'node:net';
import { call, registerDepositor } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';
import {
  openConnection,
  parseResponse,
  portOf,
  requestHead,
  within,
  type RawConnection,
} from './raw-http.js';

const HEADERS_TIMEOUT_MS = 1_000;
const IDLE_TIMEOUT_MS = 1_500;
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_FILES = 2;
const BOUNDARY = 'slow-client-boundary';

/** Polls `condition` every 5 ms until it holds; fails after `ms`. */
async function until(ms: number, what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Writes `chunk` until `stop()` or the socket closes; returns the bytes handed to the socket. */
async function pump(
  socket: Socket,
  chunk: Buffer,
  stop: () => boolean,
  cap: number,
): Promise<number> {
  let sent = 0;
  while (!stop() && !socket.destroyed && sent < cap) {
    const ok = socket.write(chunk);
    sent += chunk.length;
    if (!ok)
      await new Promise<void>((resolve) => {
        const done = (): void => {
          socket.off('drain', done);
          socket.off('close', done);
          resolve();
        };
        socket.on('drain', done);
        socket.on('close', done);
      });
  }
  return sent;
}

const partHead = (name: string, filename?: string): Buffer =>
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"` +
      (filename === undefined ? '' : `; filename="${filename}"`) +
      '\r\n\r\n',
  );

describe('slow and oversized clients', function () {
  this.timeout(30_000);
  let server: TestServer;
  let token: string;
  let port: number;
  const tmp = (): string[] => readdirSync(server.blobs.tmpDir);
  const blobCount = (): number =>
    readdirSync(server.blobs.blobDir, { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    ).length;
  const responseOf = (conn: RawConnection, reset: boolean) =>
    parseResponse(Buffer.concat(conn.received), reset);

  before(async () => {
    server = await startTestServer({
      HUICUN_RATE_LIMITS: 'off',
      HUICUN_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      HUICUN_IDLE_TIMEOUT_MS: String(IDLE_TIMEOUT_MS),
      HUICUN_MAX_FILE_BYTES: String(MAX_FILE_BYTES),
      HUICUN_MAX_FILES: String(MAX_FILES),
      HUICUN_RESERVE_BYTES: '0',
    });
    token = (await registerDepositor(server.url)).token;
    port = portOf(server.url);
  });
  after(() => server.dispose());

  it('takes its timeouts from HUICUN_HEADERS_TIMEOUT_MS and HUICUN_IDLE_TIMEOUT_MS', () => {
    expect(server.http.headersTimeout).to.equal(HEADERS_TIMEOUT_MS);
    expect(server.http.timeout).to.equal(IDLE_TIMEOUT_MS);
    expect(server.http.requestTimeout).to.equal(0);
  });

  it('cuts off a slow-loris sending its headers a byte at a time (408 REQUEST_TIMEOUT, then closed)', async () => {
    const conn = await openConnection(port);
    const head = requestHead({ method: 'GET', target: '/api/v1/health' }, port);
    let sent = 0;
    const started = Date.now();
    // One byte every 200 ms keeps the socket busy (the idle timeout never fires): only the
    // headers deadline can end this; sending the whole head would take head.length × 200 ms.
    const drip = setInterval(() => {
      if (sent < head.length && !conn.socket.destroyed)
        conn.socket.write(head.subarray(sent, ++sent));
    }, 200);
    try {
      const { reset } = await within(10_000, 'slow-loris', conn.closed);
      const elapsed = Date.now() - started;
      // The head was still incomplete and the answer is the headers timeout's 408, so the headers
      // deadline ended it (elapsed is printed, not bounded: a loaded machine stretches it).
      expect(sent, 'the head was still incomplete').to.be.below(head.length);
      const res = responseOf(conn, reset);
      expect(res?.status).to.equal(408);
      expect(JSON.parse(res!.body.toString()).error.code).to.equal('REQUEST_TIMEOUT');
      console.log(
        `      slow-loris: cut off after ${elapsed} ms, ${sent}/${head.length} head bytes`,
      );
    } finally {
      clearInterval(drip);
    }
    expect((await call(server.url, 'GET', '/api/v1/health')).status).to.equal(200);
  });

  it('cuts off an upload that stalls halfway (idle timeout) and removes its temp file', async () => {
    const blobsBefore = blobCount();
    const conn = await openConnection(port);
    const data = Buffer.alloc(256 * 1024, 0x61);
    const prefix = Buffer.concat([
      partHead('title'),
      Buffer.from('stalled\r\n'),
      partHead('files', 'stall.bin'),
      data,
    ]);
    const declared = prefix.length + 1024 * 1024; // promises a megabyte more than it will send
    conn.socket.write(
      Buffer.concat([
        requestHead(
          {
            method: 'POST',
            target: '/api/v1/deposits',
            headers: [
              ['Authorization', `Bearer ${token}`],
              ['Content-Type', `multipart/form-data; boundary=${BOUNDARY}`],
              ['Content-Length', String(declared)],
            ],
          },
          port,
        ),
        prefix,
      ]),
    );
    await until(5_000, 'the upload writes its temp file', () => tmp().length === 1);
    const stalled = Date.now();
    const { reset } = await within(10_000, 'stalled upload', conn.closed);
    const elapsed = Date.now() - stalled;
    // No answer at all is the idle timeout's mark (the other limits answer 408 or 413).
    expect(responseOf(conn, reset), 'the server just closes an idle connection').to.equal(
      undefined,
    );
    await until(5_000, 'the temp file is removed', () => tmp().length === 0);
    expect(blobCount()).to.equal(blobsBefore);
    console.log(
      `      stalled upload: closed ${elapsed} ms after the last byte; temp file removed`,
    );
    const ok = new FormData();
    ok.append('title', 'after the stall');
    ok.append('files', new Blob([new Uint8Array(1000).fill(1)]), 'ok.bin');
    expect(
      (await call(server.url, 'POST', '/api/v1/deposits', { token, body: ok })).status,
    ).to.equal(201);
  });

  it('refuses an upload whose Content-Length is far above the limit with 413 before reading its body', async () => {
    const conn = await openConnection(port);
    const declared = 10 * 1024 ** 3; // 10 GiB; the most a valid upload can be is ~8 MiB here
    conn.socket.write(
      requestHead(
        {
          method: 'POST',
          target: '/api/v1/deposits',
          headers: [
            ['Authorization', `Bearer ${token}`],
            ['Content-Type', `multipart/form-data; boundary=${BOUNDARY}`],
            ['Content-Length', String(declared)],
          ],
        },
        port,
      ),
    );
    const chunk = Buffer.concat([
      partHead('files', 'huge.bin'),
      Buffer.alloc(64 * 1024 - 80, 0x62),
    ]);
    const cap = 256 * 1024 * 1024;
    const sent = await pump(conn.socket, chunk, () => conn.received.length > 0, cap);
    const { reset } = await within(10_000, 'oversized upload', conn.closed);
    const res = responseOf(conn, reset);
    expect(res?.status).to.equal(413);
    expect(JSON.parse(res!.body.toString()).error.code).to.equal('FILE_TOO_LARGE');
    expect(res?.headers.connection).to.equal('close');
    // What the client managed to hand to its socket before the answer: kernel buffers at most.
    expect(sent, 'bytes sent before the 413').to.be.below(32 * 1024 * 1024);
    expect(tmp()).to.deep.equal([]);
    console.log(
      `      Content-Length 10 GiB: 413 after the client wrote ${(sent / 1024 / 1024).toFixed(1)} MiB (socket buffers), connection closed`,
    );
  });

  it('refuses an oversized chunked upload (no Content-Length) with 413 while streaming, leaving nothing', async () => {
    // Without a Content-Length only the stream can tell: the file is refused at the limit, and
    // multer then drains the rest of the body before answering. This measures how much.
    const conn = await openConnection(port);
    conn.socket.write(
      requestHead(
        {
          method: 'POST',
          target: '/api/v1/deposits',
          headers: [
            ['Authorization', `Bearer ${token}`],
            ['Content-Type', `multipart/form-data; boundary=${BOUNDARY}`],
            ['Transfer-Encoding', 'chunked'],
          ],
        },
        port,
      ),
    );
    const total = 3 * MAX_FILE_BYTES;
    const piece = Buffer.alloc(64 * 1024, 0x63);
    const framed = (b: Buffer): Buffer =>
      Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]);
    conn.socket.write(
      framed(
        Buffer.concat([partHead('title'), Buffer.from('t\r\n'), partHead('files', 'big.bin')]),
      ),
    );
    let sent = 0;
    let answeredAt: number | undefined;
    const answered = (): boolean => {
      if (conn.received.length > 0) answeredAt ??= sent;
      return conn.received.length > 0;
    };
    sent = await pump(conn.socket, framed(piece), () => answered() || sent >= total, total);
    if (!conn.socket.destroyed)
      conn.socket.write(
        Buffer.from(
          `${Buffer.from(`\r\n--${BOUNDARY}--\r\n`).length.toString(16)}\r\n\r\n--${BOUNDARY}--\r\n\r\n0\r\n\r\n`,
        ),
      );
    const { reset } = await within(10_000, 'oversized chunked upload', conn.closed);
    const res = responseOf(conn, reset);
    expect(res?.status).to.equal(413);
    expect(JSON.parse(res!.body.toString()).error.code).to.equal('FILE_TOO_LARGE');
    await until(5_000, 'no temp file', () => tmp().length === 0);
    console.log(
      `      chunked ${total / 1024 / 1024} MiB upload over a ${MAX_FILE_BYTES / 1024 / 1024} MiB limit: 413 after ${((answeredAt ?? sent) / 1024 / 1024).toFixed(1)} MiB sent (multer drains the body before answering)`,
    );
  });

  it('still has no temp file, blob or reported error', async () => {
    expect(tmp()).to.deep.equal([]);
    expect(await server.blobs.sweepUnreferenced()).to.deep.equal([]);
    expect(server.errors.map(String)).to.deep.equal([]);
  });
});

describe('upload bodies slower than the minimum rate', function () {
  this.timeout(30_000);
  const MIN_BYTES_PER_S = 4096;
  const WINDOW_MS = 2_000;
  let server: TestServer;
  let token: string;
  let port: number;
  const tmp = (): string[] => readdirSync(server.blobs.tmpDir);
  const blobCount = (): number =>
    readdirSync(server.blobs.blobDir, { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    ).length;

  before(async () => {
    server = await startTestServer({
      HUICUN_RATE_LIMITS: 'off',
      HUICUN_IDLE_TIMEOUT_MS: String(IDLE_TIMEOUT_MS),
      HUICUN_MIN_UPLOAD_BYTES_PER_S: String(MIN_BYTES_PER_S),
      HUICUN_MIN_UPLOAD_WINDOW_MS: String(WINDOW_MS),
      HUICUN_RESERVE_BYTES: '0',
    });
    token = (await registerDepositor(server.url)).token;
    port = portOf(server.url);
  });
  after(() => server.dispose());

  /** Sends `head` and `prefix`, then one byte every `everyMs` until the server closes. */
  async function trickle(
    target: string,
    headers: [string, string][],
    prefix: Buffer,
    everyMs: number,
    started: () => Promise<void> = async () => undefined,
  ): Promise<{ res: ReturnType<typeof parseResponse>; dripped: number }> {
    const conn = await openConnection(port);
    const declared = prefix.length + 1024 * 1024;
    conn.socket.write(
      Buffer.concat([
        requestHead(
          {
            method: 'POST',
            target,
            headers: [...headers, ['Content-Length', String(declared)]],
          },
          port,
        ),
        prefix,
      ]),
    );
    await started();
    let dripped = 0;
    const drip = setInterval(() => {
      if (!conn.socket.destroyed) {
        conn.socket.write(Buffer.from([0x61]));
        dripped++;
      }
    }, everyMs);
    try {
      const { reset } = await within(20_000, `trickling ${target}`, conn.closed);
      return { res: parseResponse(Buffer.concat(conn.received), reset), dripped };
    } finally {
      clearInterval(drip);
    }
  }

  it('cuts off a deposit trickling a byte just under the idle timeout: 408 REQUEST_TOO_SLOW, temp file removed, nothing deposited', async () => {
    const blobsBefore = blobCount();
    const prefix = Buffer.concat([
      partHead('title'),
      Buffer.from('trickled\r\n'),
      partHead('files', 'trickle.bin'),
      Buffer.alloc(1024, 0x61),
    ]);
    // A byte every IDLE_TIMEOUT_MS - 500 ms: the socket is never idle, so only the rate can end it.
    const { res, dripped } = await trickle(
      '/api/v1/deposits',
      [
        ['Authorization', `Bearer ${token}`],
        ['Content-Type', `multipart/form-data; boundary=${BOUNDARY}`],
      ],
      prefix,
      IDLE_TIMEOUT_MS - 500,
      () => until(5_000, 'the upload writes its temp file', () => tmp().length === 1),
    );
    expect(res?.status, 'an answer, not the idle timeout closing the socket').to.equal(408);
    expect(JSON.parse(res!.body.toString()).error.code).to.equal('REQUEST_TOO_SLOW');
    expect(res?.headers.connection).to.equal('close');
    expect(dripped, 'the client kept sending').to.be.at.least(1);
    // Removed before the answer was sent, not eventually.
    expect(tmp()).to.deep.equal([]);
    expect(blobCount()).to.equal(blobsBefore);
    const mine = await call(server.url, 'GET', '/api/v1/deposits', { token });
    expect(mine.body.items).to.deep.equal([]);
  });

  it('cuts off an anonymous verify upload that trickles (408 REQUEST_TOO_SLOW)', async () => {
    const prefix = Buffer.concat([partHead('file', 'check.bin'), Buffer.alloc(100, 0x62)]);
    const { res } = await trickle(
      '/api/v1/verify',
      [['Content-Type', `multipart/form-data; boundary=${BOUNDARY}`]],
      prefix,
      100,
    );
    expect(res?.status).to.equal(408);
    expect(JSON.parse(res!.body.toString()).error.code).to.equal('REQUEST_TOO_SLOW');
  });

  it('lets an upload at an ordinary pace through, and reports no error', async () => {
    const ok = new FormData();
    ok.append('title', 'at line speed');
    ok.append('files', new Blob([new Uint8Array(2 * 1024 * 1024).fill(3)]), 'fast.bin');
    const r = await call(server.url, 'POST', '/api/v1/deposits', { token, body: ok });
    expect(r.status, r.text).to.equal(201);
    expect(tmp()).to.deep.equal([]);
    expect(server.errors.map(String)).to.deep.equal([]);
  });
});
