import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { expect } from 'chai';
import { IntakeError, type Intake } from '../../src/evidence/intake/index.js';
import { CLOSING, FORM_TYPE, partHeader, startFixture, waitFor, type Fixture } from './helpers.js';

const MiB = 1024 * 1024;

function open(fx: Fixture, headers: Record<string, string | number>): ClientRequest {
  const req = request(`${fx.url}/deposits`, {
    method: 'POST',
    headers: { 'content-type': FORM_TYPE, ...headers },
  });
  req.on('error', () => undefined); // the abort test destroys it
  return req;
}

async function write(req: ClientRequest, chunk: Uint8Array): Promise<void> {
  if (!req.write(chunk)) await once(req, 'drain');
}

async function json(req: ClientRequest): Promise<{ status: number; body: unknown }> {
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return {
    status: res.statusCode ?? 0,
    body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
  };
}

const titlePart = Buffer.concat([partHeader({ name: 'title' }), Buffer.from('流式上传\r\n')]);

describe('intake: streaming', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await startFixture({ reserveBytes: 0 });
  });
  afterEach(() => fx.close());

  it('leaves no temp file and no blob when the client disconnects mid-upload', async () => {
    const first = randomBytes(10_000);
    const d = createHash('sha256').update(first).digest('hex');
    const req = open(fx, { 'content-length': 100 * MiB });
    await write(req, titlePart);
    await write(
      req,
      Buffer.concat([
        partHeader({ name: 'files', filename: '一.bin' }),
        first,
        Buffer.from('\r\n'),
      ]),
    );
    await write(req, partHeader({ name: 'files', filename: '二.bin' }));
    await write(req, randomBytes(2 * MiB)); // half of the second file, or less
    await waitFor(
      () => fx.blobFiles().some((f) => f.endsWith(d)) && fx.tmpFiles().length === 1,
      'the first file committed and the second one streaming',
    );
    req.destroy();
    await waitFor(() => fx.errors.length === 1, 'the server to notice the abort');
    expect(fx.errors[0]).to.be.instanceOf(IntakeError).with.property('code', 'UPLOAD_ABORTED');
    expect(fx.tmpFiles()).to.deep.equal([]);
    expect(fx.blobFiles()).to.deep.equal([]);
    expect(fx.blobs.holds(d)).to.equal(0);
  });

  it('accepts a chunked request without Content-Length', async () => {
    const bytes = randomBytes(3 * MiB + 5);
    const req = open(fx, { 'transfer-encoding': 'chunked' });
    await write(req, titlePart);
    await write(req, partHeader({ name: 'files', filename: 'chunked.bin' }));
    for (let i = 0; i < bytes.length; i += 100_000)
      await write(req, bytes.subarray(i, i + 100_000));
    req.end(Buffer.concat([Buffer.from('\r\n'), CLOSING]));
    const res = await json(req);
    expect(res.status).to.equal(201);
    const f = (res.body as Intake).files[0]!;
    expect([f.size, f.sha256]).to.deep.equal([
      bytes.length,
      createHash('sha256').update(bytes).digest('hex'),
    ]);
  });

  it('streams 64 MiB with low server memory, digests equal to node:crypto', async () => {
    const block = randomBytes(MiB);
    const size = 64 * MiB;
    const sha256 = createHash('sha256');
    const sm3 = createHash('sm3');
    for (let i = 0; i < size / MiB; i++) [sha256, sm3].forEach((h) => h.update(block));
    const head = Buffer.concat([
      titlePart,
      partHeader({ name: 'files', filename: '大文件.bin', type: 'application/octet-stream' }),
    ]);
    const tail = Buffer.concat([Buffer.from('\r\n'), CLOSING]);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      const req = open(fx, { 'content-length': head.length + size + tail.length });
      await write(req, head);
      for (let i = 0; i < size / MiB; i++) await write(req, block);
      req.end(tail);
      const res = await json(req);
      expect(res.status).to.equal(201);
      const f = (res.body as Intake).files[0]!;
      expect(f).to.deep.include({ size, sha256: sha256.digest('hex'), sm3: sm3.digest('hex') });
    } finally {
      clearInterval(sampler);
    }
    const growthMB = (peak - before) / 1e6;
    expect(growthMB, `RSS grew by ${growthMB.toFixed(1)} MB`).to.be.below(60);
  });
});
