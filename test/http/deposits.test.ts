import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBase64, parseTlogProof } from '../../src/log/index.js';
import { call, registerDepositor, type Body } from '../helpers/api.js';
import { checkReceipt, sha256hex } from '../helpers/casework.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';

const MAX_FILE = 64 * 1024;

function opensslSm3(bytes: Uint8Array, dir: string): string {
  const path = join(dir, `sm3-${Math.random().toString(16).slice(2)}`);
  writeFileSync(path, bytes);
  const out = spawnSync('openssl', ['dgst', '-sm3', '-r', path], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout.split(' ')[0]!;
}

/** A deposit receipt, checked as an outsider would (test/helpers/casework.ts). */
function checkDepositReceipt(receipt: Body, vkey: string, number: string): void {
  expect(checkReceipt(receipt, vkey)).to.include({ id: number, type: 'deposit' });
}

function form(
  files: { name: string; bytes: Uint8Array; type?: string }[],
  fields: Record<string, string> = {
    title: '合同纠纷证据',
    description: '微信聊天记录与合同扫描件',
  },
): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) fd.append('files', new Blob([f.bytes], { type: f.type ?? '' }), f.name);
  return fd;
}

describe('deposits API', () => {
  let server: TestServer;
  let vkey: string;
  let alice: { token: string; user: Body };
  let bob: { token: string; user: Body };

  before(async () => {
    server = await startTestServer({
      HUICUN_MAX_FILE_BYTES: String(MAX_FILE),
      HUICUN_MAX_FILES: '4',
    });
    vkey = (await call(server.url, 'GET', '/api/v1/log/key')).body.vkey;
    alice = await registerDepositor(server.url, '张三');
    bob = await registerDepositor(server.url, '李四');
  });
  after(() => server.dispose());

  /** Log size, blob files and temp files: what a refused request must leave unchanged. */
  function footprint(): { size: number; blobs: number; tmp: number } {
    const count = (dir: string): number => {
      try {
        return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
          .length;
      } catch {
        return 0;
      }
    };
    return {
      size: server.log.size,
      blobs: count(join(server.config.dataDir, 'blobs')),
      tmp: count(join(server.config.dataDir, 'tmp')),
    };
  }

  it('deposits uploaded files: digests as sha256sum and openssl sm3, a receipt that verifies, nothing personal in the log', async () => {
    const files = [
      {
        name: '合同.pdf',
        bytes: new TextEncoder().encode('%PDF-1.7 contract'),
        type: 'application/pdf',
      },
      { name: 'chat log.txt', bytes: new TextEncoder().encode('2026-11-26 张三: 我同意') },
      { name: 'photo.bin', bytes: Uint8Array.from({ length: MAX_FILE }, (_, i) => (i * 7) & 0xff) },
    ];
    const r = await call(server.url, 'POST', '/api/v1/deposits', {
      token: alice.token,
      body: form(files),
    });
    expect(r.status, r.text).to.equal(201);
    const { deposit, receipt } = r.body;
    expect(deposit.id).to.match(/^HC\d{10}[0-9X]$/);
    expect(deposit.title).to.equal('合同纠纷证据');
    expect(deposit.files.map((f: Body) => f.name)).to.deep.equal(files.map((f) => f.name));
    expect(deposit.files[0].mediaType).to.equal('application/pdf');
    expect(deposit.notarisation).to.equal(null);
    files.forEach((f, i) => {
      expect(deposit.files[i].size).to.equal(f.bytes.length);
      expect(deposit.files[i].sha256).to.equal(sha256hex(f.bytes));
      expect(deposit.files[i].sm3).to.equal(opensslSm3(f.bytes, server.config.dataDir));
    });
    checkDepositReceipt(receipt, vkey, deposit.id);
    expect(receipt.opening.depositor).to.deep.include({
      name: '张三',
      verification: 'self-declared',
      account: alice.user.id,
    });
    expect(receipt.opening.depositor.idMasked).to.match(/^3101\*{10}\d{3}[0-9X]$/);
    expect(receipt.opening.method).to.equal('upload');
    expect(receipt.opening.salt).to.match(/^[0-9a-f]{64}$/);

    const entry = await call(server.url, 'GET', `/api/v1/log/entries/${receipt.index}`);
    const publicText = new TextDecoder().decode(decodeBase64(entry.body.entry));
    for (const secret of [
      '张三',
      '合同',
      'chat',
      deposit.files[0].sha256,
      deposit.files[0].sm3,
      alice.user.id,
      receipt.opening.salt,
    ]) {
      expect(publicText).to.not.include(secret);
    }
    expect(Object.keys(JSON.parse(publicText)).sort()).to.deep.equal([
      'commitment',
      'id',
      'time',
      'type',
      'v',
    ]);
  });

  it('deposits digests only (hash-only): no sm3 field when none was given', async () => {
    const sha = sha256hex('a file that never leaves the depositor');
    const r = await call(server.url, 'POST', '/api/v1/deposits', {
      token: alice.token,
      json: {
        title: '仅哈希',
        files: [{ name: 'video.mp4', size: 5_000_000_000, sha256: sha.toUpperCase() }],
      },
    });
    expect(r.status, r.text).to.equal(201);
    expect(r.body.deposit.method).to.equal('hash-only');
    expect(r.body.receipt.opening.files[0]).to.deep.equal({
      mediaType: 'application/octet-stream',
      name: 'video.mp4',
      sha256: sha,
      size: 5_000_000_000,
    });
    checkDepositReceipt(r.body.receipt, vkey, r.body.deposit.id);
  });

  it('reads back own deposits: list, details, receipts as issued and latest, tlog-proof', async () => {
    const made = await call(server.url, 'POST', '/api/v1/deposits', {
      token: alice.token,
      json: {
        title: 'third',
        files: [{ name: 'x', size: 1, sha256: 'ab'.repeat(32), sm3: 'cd'.repeat(32) }],
      },
    });
    const id = made.body.deposit.id;
    const list = await call(server.url, 'GET', '/api/v1/deposits?limit=2', { token: alice.token });
    expect(list.status).to.equal(200);
    expect(list.body.items.map((d: Body) => d.id)[0]).to.equal(id);
    expect(list.body.items).to.have.length(2);
    const page2 = await call(
      server.url,
      'GET',
      `/api/v1/deposits?limit=2&cursor=${list.body.nextCursor}`,
      { token: alice.token },
    );
    expect(page2.body.items).to.have.length(1);
    expect(page2.body.nextCursor).to.equal(null);

    const spaced =
      `${id.slice(0, 2)} ${id.slice(2, 7)} ${id.slice(7, 12)} ${id.slice(12)}`.toLowerCase();
    const one = await call(server.url, 'GET', `/api/v1/deposits/${encodeURIComponent(spaced)}`, {
      token: alice.token,
    });
    expect(one.body.deposit).to.deep.equal(made.body.deposit);

    const issued = await call(server.url, 'GET', `/api/v1/deposits/${id}/receipt`, {
      token: alice.token,
    });
    expect(issued.body).to.deep.equal(made.body.receipt);
    await call(server.url, 'POST', '/api/v1/deposits', {
      token: bob.token,
      json: { title: 'later', files: [{ name: 'y', size: 1, sha256: 'ef'.repeat(32) }] },
    });
    const latest = await call(server.url, 'GET', `/api/v1/deposits/${id}/receipt?at=latest`, {
      token: alice.token,
    });
    checkDepositReceipt(latest.body, vkey, id);
    expect(latest.body.checkpoint).to.not.equal(issued.body.checkpoint);

    const tp = await call(server.url, 'GET', `/api/v1/deposits/${id}/receipt?format=tlog-proof`, {
      token: alice.token,
    });
    expect(tp.headers.get('content-type')).to.match(/^text\/plain/);
    const parsed = parseTlogProof(tp.text);
    const extra = JSON.parse(new TextDecoder().decode(parsed.extra));
    checkDepositReceipt(
      {
        ...made.body.receipt,
        entry: extra.entry,
        opening: extra.opening,
        proof: parsed.proof.map((p) => Buffer.from(p).toString('base64')),
        checkpoint: parsed.checkpoint,
        index: parsed.index,
      },
      vkey,
      id,
    );
  });

  it('streams files with the UTF-8 name, Content-Length and Range', async () => {
    const bytes = new TextEncoder().encode('0123456789 证据');
    const made = await call(server.url, 'POST', '/api/v1/deposits', {
      token: alice.token,
      body: form([{ name: '证据 "1".txt', bytes }]),
    });
    const path = `/api/v1/deposits/${made.body.deposit.id}/files/0`;
    const res = await fetch(server.url + path, {
      headers: { authorization: `Bearer ${alice.token}` },
    });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-length')).to.equal(String(bytes.length));
    expect(res.headers.get('content-disposition')).to.include(
      `filename*=UTF-8''${encodeURIComponent('证据 "1".txt')}`,
    );
    expect(new Uint8Array(await res.arrayBuffer())).to.deep.equal(bytes);
    const part = await fetch(server.url + path, {
      headers: { authorization: `Bearer ${alice.token}`, range: 'bytes=2-5' },
    });
    expect(part.status).to.equal(206);
    expect(part.headers.get('content-range')).to.equal(`bytes 2-5/${bytes.length}`);
    expect(await part.text()).to.equal('2345');
    const missing = await call(
      server.url,
      'GET',
      `/api/v1/deposits/${made.body.deposit.id}/files/1`,
      { token: alice.token },
    );
    expect(missing.status).to.equal(404);
    expect(missing.body.error.code).to.equal('FILE_NOT_FOUND');
  });

  it("answers 404 for someone else's deposit, for every route, so existence does not leak", async () => {
    const made = await call(server.url, 'POST', '/api/v1/deposits', {
      token: alice.token,
      body: form([{ name: 'a.txt', bytes: new Uint8Array([1, 2, 3]) }]),
    });
    const id = made.body.deposit.id;
    for (const path of [
      `/api/v1/deposits/${id}`,
      `/api/v1/deposits/${id}/receipt`,
      `/api/v1/deposits/${id}/files/0`,
      '/api/v1/deposits/HC99999999990',
    ]) {
      const r = await call(server.url, 'GET', path, { token: bob.token });
      expect(r.status, path).to.equal(404);
      expect(r.body.error.code).to.equal('DEPOSIT_NOT_FOUND');
    }
  });

  describe('bad input: a clear code, nothing written, the server stays up', () => {
    const boundary = 'xBOUNDARYx';
    const raw = (parts: string): { body: string; headers: Record<string, string> } => ({
      body: parts,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const filePart = (name: string, content: string): string =>
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n`;
    const titlePart = `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nt\r\n`;
    const end = `--${boundary}--\r\n`;
    const big = new Uint8Array(MAX_FILE + 1);

    const cases: [string, () => Promise<Body>, number, string][] = [
      [
        'no token',
        () => call(server.url, 'POST', '/api/v1/deposits', { json: { title: 't', files: [] } }),
        401,
        'AUTH_REQUIRED',
      ],
      [
        'garbage token',
        () => call(server.url, 'POST', '/api/v1/deposits', { token: 'a.b.c', json: {} }),
        401,
        'TOKEN_INVALID',
      ],
      [
        'alg none token',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', { token: unsigned(alice.token), json: {} }),
        401,
        'TOKEN_INVALID',
      ],
      [
        'malformed multipart',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            ...raw(
              `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\nabc`,
            ),
          }),
        400,
        'INVALID_MULTIPART',
      ],
      [
        'empty file',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            body: form([{ name: 'empty.txt', bytes: new Uint8Array() }]),
          }),
        400,
        'EMPTY_FILE',
      ],
      [
        'no files',
        () => call(server.url, 'POST', '/api/v1/deposits', { token: alice.token, body: form([]) }),
        400,
        'NO_FILES',
      ],
      [
        'missing title',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            body: form([{ name: 'a.txt', bytes: new Uint8Array([1]) }], { description: 'x' }),
          }),
        400,
        'MISSING_TITLE',
      ],
      [
        'oversize file',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            body: form([
              { name: 'a.txt', bytes: new Uint8Array([1]) },
              { name: 'big.bin', bytes: big },
            ]),
          }),
        413,
        'FILE_TOO_LARGE',
      ],
      [
        'too many files',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            body: form(
              [1, 2, 3, 4, 5].map((i) => ({ name: `${i}.txt`, bytes: new Uint8Array([i]) })),
            ),
          }),
        400,
        'TOO_MANY_FILES',
      ],
      [
        'name with a slash',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            ...raw(titlePart + filePart('../etc/passwd', 'x') + end),
          }),
        400,
        'INVALID_FILE_NAME',
      ],
      [
        'name with a backslash',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            ...raw(titlePart + filePart('a\\b.txt', 'x') + end),
          }),
        400,
        'INVALID_FILE_NAME',
      ],
      [
        'name with a control character',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            ...raw(titlePart + filePart('a\u0007b.txt', 'x') + end),
          }),
        400,
        'INVALID_FILE_NAME',
      ],
      [
        'hash-only: wrong digest',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            json: { title: 't', files: [{ name: 'a', size: 1, sha256: 'zz'.repeat(32) }] },
          }),
        400,
        'INVALID_DIGEST',
      ],
      [
        'hash-only: short sm3',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            json: {
              title: 't',
              files: [{ name: 'a', size: 1, sha256: 'ab'.repeat(32), sm3: 'ab' }],
            },
          }),
        400,
        'INVALID_DIGEST',
      ],
      [
        'hash-only: unknown field',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            json: {
              title: 't',
              owner: 'x',
              files: [{ name: 'a', size: 1, sha256: 'ab'.repeat(32) }],
            },
          }),
        400,
        'UNKNOWN_FIELD',
      ],
      [
        'hash-only: unknown file field',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            json: {
              title: 't',
              files: [{ name: 'a', size: 1, sha256: 'ab'.repeat(32), md5: 'x' }],
            },
          }),
        400,
        'UNKNOWN_FIELD',
      ],
      [
        'hash-only: missing title',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            json: { files: [{ name: 'a', size: 1, sha256: 'ab'.repeat(32) }] },
          }),
        400,
        'MISSING_TITLE',
      ],
      [
        'hash-only: bad size',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            json: { title: 't', files: [{ name: 'a', size: -1, sha256: 'ab'.repeat(32) }] },
          }),
        400,
        'INVALID_FIELD',
      ],
      [
        'hash-only: name with slash',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            json: { title: 't', files: [{ name: 'a/b', size: 1, sha256: 'ab'.repeat(32) }] },
          }),
        400,
        'INVALID_FILE_NAME',
      ],
      [
        'a body that is not JSON',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            body: '{"title": ',
            headers: { 'content-type': 'application/json' },
          }),
        400,
        'INVALID_BODY',
      ],
      [
        'neither multipart nor JSON',
        () =>
          call(server.url, 'POST', '/api/v1/deposits', {
            token: alice.token,
            body: 'title=t',
            headers: { 'content-type': 'text/plain' },
          }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
    ];
    for (const [what, send, status, code] of cases) {
      it(`${what} → ${status} ${code}`, async () => {
        const before = footprint();
        const r = await send();
        expect(r.status, r.text).to.equal(status);
        expect(r.body.error.code).to.equal(code);
        expect(footprint()).to.deep.equal(before);
        expect((await call(server.url, 'GET', '/api/v1/health')).status).to.equal(200);
      });
    }
  });
});

/** The same claims with `alg: none` and no signature. */
function unsigned(token: string): string {
  const [, payload] = token.split('.');
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return `${header}.${payload}.`;
}
