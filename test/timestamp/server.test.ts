import { expect } from 'chai';
import pino from 'pino';
import { sha256 } from '../../src/crypto/index.js';
import {
  decodeBase64,
  openNote,
  parseCheckpoint,
  parseVkey,
  rfc6962,
  verifyConsistency,
  type Checkpoint,
} from '../../src/log/index.js';
import { verifyReceipt } from '../../src/verify/index.js';
import { call, registerDepositor, type Body } from '../helpers/api.js';
import { utf8 } from '../helpers/log-fixture.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';
import { DeferredStamper, FakeScheduler, fakeStamp } from './fakes.js';

const TS = '/api/v1/log/timestamps';

describe('checkpoint time-stamps over HTTP', () => {
  let server: TestServer;
  let clock: FakeScheduler;
  let tsa: DeferredStamper;
  let alice: { token: string };

  before(async () => {
    clock = new FakeScheduler();
    tsa = new DeferredStamper();
    server = await startTestServer(
      {},
      {
        logger: pino({ level: 'silent' }),
        timestamps: {
          timeStamper: tsa,
          timestampIntervalMs: 10_000,
          timestampScheduler: clock,
        },
      },
    );
    alice = await registerDepositor(server.url, '张三');
  });
  after(async () => {
    await server.dispose();
  });

  const deposit = async (title: string): Promise<Body> => {
    const r = await call(server.url, 'POST', '/api/v1/deposits', {
      token: alice.token,
      json: { title, files: [{ name: 'x', size: 1, sha256: sha256hexOf(title) }] },
    });
    expect(r.status, r.text).to.equal(201);
    return r.body;
  };
  const receipt = async (id: string, at: 'issued' | 'latest'): Promise<Body> => {
    const r = await call(server.url, 'GET', `/api/v1/deposits/${id}/receipt?at=${at}`, {
      token: alice.token,
    });
    expect(r.status, r.text).to.equal(200);
    return r.body;
  };
  const checkpointOf = (note: string): Checkpoint =>
    parseCheckpoint(openNote(note, [parseVkey(server.logKey.vkey)]).text);

  it('serves the earliest stamp of size ≥ N, after NOT_STAMPED_YET with Retry-After; receipts carry it', async () => {
    const first = await deposit('first');
    const size1 = server.log.size;

    const none = await call(server.url, 'GET', `${TS}?size=1`);
    expect(none.status).to.equal(404);
    expect(none.body.error.code).to.equal('NOT_STAMPED_YET');
    expect(none.headers.get('retry-after')).to.equal('10');
    expect(Object.keys(await receipt(first.deposit.id, 'issued'))).to.not.include('timestamps');

    for (const bad of ['abc', '-1', '0', '1.5', '', `${size1 + 1}`]) {
      const r = await call(server.url, 'GET', `${TS}?size=${bad}`);
      expect(r.status, bad).to.equal(400);
    }
    expect((await call(server.url, 'GET', TS)).status).to.equal(400);

    // The stamper runs off the append path; its clock lets it stamp now.
    clock.advance(0);
    const c0 = await tsa.call(0);
    c0.resolve(fakeStamp(7, '2026-12-04T08:00:01.500Z'));
    await server.stamper!.stamped(size1);

    const got = await call(server.url, 'GET', `${TS}?size=1`);
    expect(got.status, got.text).to.equal(200);
    expect(Object.keys(got.body).sort()).to.deep.equal([
      'checkpoint',
      'genTime',
      'size',
      'token',
      'tsa',
    ]);
    expect(got.body.size).to.equal(size1);
    expect(checkpointOf(got.body.checkpoint).size).to.equal(size1);
    // The imprint stamped is SHA-256 of exactly the bytes served.
    expect(c0.imprint).to.deep.equal(sha256(utf8(got.body.checkpoint)));
    expect(decodeBase64(got.body.token)).to.deep.equal(fakeStamp(7).token);
    expect(got.body.genTime).to.equal('2026-12-04T08:00:01.500Z');
    expect(got.body.tsa).to.equal('Test TSA');
    expect((await call(server.url, 'GET', `${TS}?size=${size1}`)).body).to.deep.equal(got.body);

    // The log grows; the next stamp waits for the interval.
    const second = await deposit('second');
    const size2 = server.log.size;
    expect((await call(server.url, 'GET', `${TS}?size=${size1 + 1}`)).body.error.code).to.equal(
      'NOT_STAMPED_YET',
    );
    clock.advance(10_000);
    (await tsa.call(1)).resolve(fakeStamp(8));
    await server.stamper!.stamped(size2);
    expect((await call(server.url, 'GET', `${TS}?size=${size1 + 1}`)).body.size).to.equal(size2);
    expect((await call(server.url, 'GET', `${TS}?size=1`)).body.size, 'the earliest').to.equal(
      size1,
    );

    // Receipts: the earliest stamp whose checkpoint covers the entry.
    const issued1 = await receipt(first.deposit.id, 'issued');
    expect(issued1.timestamps).to.deep.equal([
      { checkpoint: got.body.checkpoint, token: got.body.token },
    ]);
    expect(issued1).to.not.have.property('timestampConsistency');
    const issued2 = await receipt(second.deposit.id, 'issued');
    expect(issued2.timestamps[0].checkpoint).to.not.equal(got.body.checkpoint);
    expect(checkpointOf(issued2.timestamps[0].checkpoint).size).to.equal(size2);

    // ?at=latest: a consistency proof from the stamped checkpoint to the receipt's, which verifies.
    await deposit('third');
    const latest = await receipt(first.deposit.id, 'latest');
    const stamped = checkpointOf(latest.timestamps[0].checkpoint);
    const current = checkpointOf(latest.checkpoint);
    expect(stamped.size).to.equal(size1);
    expect(current.size).to.equal(server.log.size);
    expect(latest.timestampConsistency).to.be.an('array').with.length.above(0);
    verifyConsistency(
      stamped.size,
      current.size,
      latest.timestampConsistency.map(decodeBase64),
      stamped.root,
      current.root,
      rfc6962,
    );
    const tampered = [...latest.timestampConsistency];
    tampered[0] = tampered.at(-1);
    tampered[tampered.length - 1] = latest.timestampConsistency[0];
    expect(() =>
      verifyConsistency(
        stamped.size,
        current.size,
        tampered.map(decodeBase64),
        stamped.root,
        current.root,
        rfc6962,
      ),
    ).to.throw();

    // The fake tokens are not RFC 3161 tokens: only the token's own checks fail; the stamped
    // checkpoint covers the entry (test/verify/timestamp.test.ts checks real tokens).
    for (const r of [issued1, latest]) {
      const report = verifyReceipt(r, { trustedKeys: [server.logKey.vkey] });
      const failed = report.checks.filter((c) => c.status === 'fail').map((c) => c.id);
      expect(failed, JSON.stringify(report.checks)).to.deep.equal([
        'timestamp.imprint',
        'timestamp.signature',
      ]);
      expect(report.checks.find((c) => c.id === 'timestamp.covers')?.status).to.equal('pass');
    }
  });

  it('counts stamps and reports the clock offset and age in /metrics', async () => {
    const r = await call(server.url, 'GET', '/metrics');
    expect(r.status, r.text).to.equal(200);
    expect(r.text).to.match(/^huicun_timestamps_total 2$/m);
    expect(r.text).to.match(/^huicun_timestamp_age_seconds \d/m);
    expect(r.text).to.match(/^huicun_timestamp_clock_offset_seconds -?\d/m);

    await deposit('fourth');
    const failedAt = tsa.calls.length;
    clock.advance(10_000);
    (await tsa.call(failedAt)).reject(Object.assign(new Error('down'), { code: 'TSA_DOWN' }));
    // Wait for the failure's retry to be scheduled, then let it succeed.
    while (clock.pending.length === 0) await new Promise((resolve) => setImmediate(resolve));
    clock.advance(clock.pending[0]! - clock.t);
    (await tsa.call(failedAt + 1)).resolve(fakeStamp(9));
    await server.stamper!.stamped(server.log.size);
    const after = await call(server.url, 'GET', '/metrics');
    expect(after.text).to.match(/^huicun_timestamp_failures_total\{code="TSA_DOWN"\} 1$/m);
    expect(after.text).to.match(/^huicun_timestamps_total 3$/m);
  });
});

describe('a server without a TimeStamper', () => {
  it('stamps nothing: NOT_STAMPED_YET, and receipts carry no timestamps', async () => {
    const server = await startTestServer();
    try {
      const alice = await registerDepositor(server.url, '李四');
      const made = await call(server.url, 'POST', '/api/v1/deposits', {
        token: alice.token,
        json: { title: 'plain', files: [{ name: 'x', size: 1, sha256: 'ab'.repeat(32) }] },
      });
      expect(made.status).to.equal(201);
      expect(server.stamper).to.equal(undefined);
      const r = await call(server.url, 'GET', `${TS}?size=1`);
      expect(r.status).to.equal(404);
      expect(r.body.error.code).to.equal('NOT_STAMPED_YET');
      expect(r.headers.get('retry-after')).to.equal('10');
      const latest = await call(
        server.url,
        'GET',
        `/api/v1/deposits/${made.body.deposit.id}/receipt?at=latest`,
        { token: alice.token },
      );
      expect(latest.body).to.not.have.property('timestamps');
      expect(latest.body).to.not.have.property('timestampConsistency');
    } finally {
      await server.dispose();
    }
  });
});

function sha256hexOf(text: string): string {
  return Buffer.from(sha256(utf8(text))).toString('hex');
}
