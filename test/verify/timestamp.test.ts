/**
 * The four time-stamp checks (docs/verification.md, "Time-stamps") on receipts of a real server
 * whose log is stamped by a real RFC 3161 TSA (`openssl ts -reply`, test/timestamp/openssl-tsa.ts):
 * the pure verifier with the node host's checker, the HTTP verifier (HUICUN_TSA_CA) and the
 * compiled `huicun verify --tsa-ca`.
 */
import { execFileSync } from 'node:child_process';
import { expect } from 'chai';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { sha256 } from '../../src/crypto/index.js';
import {
  anchorsFromPem,
  developmentTsa,
  tsaClient,
  tsaTokenChecker,
  type TimeStamper,
} from '../../src/timestamp/index.js';
import { encodeBase64 } from '../../src/log/index.js';
import {
  onlineView,
  verifyReceipt,
  type Check,
  type LogClient,
  type TsaChecker,
} from '../../src/verify/index.js';
import { ensureBuilt, runCli } from '../cli/cli.js';
import { call, registerDepositor, type Body } from '../helpers/api.js';
import { tempDir, utf8 } from '../helpers/log-fixture.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';
import { FakeScheduler } from '../timestamp/fakes.js';
import {
  makeTsaCredentials,
  opensslReply,
  startTsa,
  type TestTsa,
  type TsaCredentials,
} from '../timestamp/openssl-tsa.js';

const IDS = ['timestamp.imprint', 'timestamp.signature', 'timestamp.trusted', 'timestamp.covers'];

const statuses = (checks: readonly Check[]): Record<string, string> =>
  Object.fromEntries(checks.filter((c) => IDS.includes(c.id)).map((c) => [c.id, c.status]));

const all = (status: string): Record<string, string> =>
  Object.fromEntries(IDS.map((id) => [id, status]));

describe('verify: the four time-stamp checks', function () {
  this.timeout(60_000);
  let good: TsaCredentials;
  let other: TsaCredentials;
  let tsa: TestTsa;
  let server: TestServer;
  let tmp: ReturnType<typeof tempDir>;
  let issued1: Body;
  let issued2: Body;
  let latest1: Body;
  let issued3: Body;
  let trusting: TsaChecker;
  let aliceToken: string;

  before(async () => {
    good = makeTsaCredentials('good');
    other = makeTsaCredentials('other');
    tmp = tempDir('huicun-verify-ts-');
    tsa = await startTsa((q) => Promise.resolve(opensslReply(good, q)));
    const clock = new FakeScheduler();
    const stamper: TimeStamper = tsaClient({
      urls: [tsa.url],
      anchors: anchorsFromPem(good.caPem),
      timeoutMs: 5000,
    });
    server = await startTestServer(
      { HUICUN_TSA_CA: good.caCert },
      {
        logger: pino({ level: 'silent' }),
        timestamps: {
          timeStamper: stamper,
          timestampIntervalMs: 10_000,
          timestampScheduler: clock,
        },
      },
    );
    const alice = await registerDepositor(server.url, '张三');
    aliceToken = alice.token;
    const deposit = async (title: string): Promise<string> => {
      const r = await call(server.url, 'POST', '/api/v1/deposits', {
        token: alice.token,
        json: { title, files: [{ name: 'x', size: 1, sha256: sha256hex(title) }] },
      });
      expect(r.status, r.text).to.equal(201);
      return r.body.deposit.id as string;
    };
    const receipt = async (id: string, at: string): Promise<Body> => {
      const r = await call(server.url, 'GET', `/api/v1/deposits/${id}/receipt?at=${at}`, {
        token: alice.token,
      });
      expect(r.status, r.text).to.equal(200);
      return r.body;
    };
    const first = await deposit('first');
    clock.advance(0);
    await server.stamper!.stamped(server.log.size);
    const second = await deposit('second');
    clock.advance(10_000);
    await server.stamper!.stamped(server.log.size);
    // Two deposits before the next stamp: the earlier one's own checkpoint is not stamped.
    const third = await deposit('third');
    await deposit('fourth');
    clock.advance(10_000);
    await server.stamper!.stamped(server.log.size);
    issued3 = await receipt(third, 'issued');
    issued1 = await receipt(first, 'issued');
    issued2 = await receipt(second, 'issued');
    latest1 = await receipt(first, 'latest');
    trusting = tsaTokenChecker(anchorsFromPem(good.caPem));
  });
  after(async () => {
    await server.dispose();
    await tsa.close();
    tmp.remove();
    for (const c of [good, other]) rmSync(c.dir, { recursive: true, force: true });
  });

  const verify = (receipt: unknown, tsaChecker?: TsaChecker) =>
    verifyReceipt(receipt, {
      trustedKeys: [server.logKey.vkey],
      ...(tsaChecker ? { tsa: tsaChecker } : {}),
    });

  it('a stamped receipt: all four pass, with the TSA and genTime in the report', () => {
    for (const r of [issued1, issued2]) {
      expect(r.timestamps).to.have.length(1);
      expect(r.timestamps[0].checkpoint, 'the receipt’s own checkpoint').to.equal(r.checkpoint);
      const report = verify(r, trusting);
      expect(statuses(report.checks), JSON.stringify(report.checks)).to.deep.equal(all('pass'));
      expect(report.verdict).to.equal('verified');
      expect(report.timestamp?.tsa).to.equal('good test TSA');
      expect(Math.abs(Date.parse(report.timestamp!.genTime) - Date.now())).to.be.below(600_000);
    }
  });

  it('openssl ts -verify accepts the receipt’s stamp over the exact checkpoint bytes, not over others', () => {
    const stamp = issued1.timestamps[0] as { checkpoint: string; token: string };
    const ca = join(tmp.dir, 'good-ca.pem');
    const data = join(tmp.dir, 'stamped-checkpoint');
    const token = join(tmp.dir, 'stamp.tst');
    writeFileSync(ca, good.caPem);
    writeFileSync(token, Buffer.from(stamp.token, 'base64'));
    const opensslVerify = (): string =>
      execFileSync(
        'openssl',
        ['ts', '-verify', '-data', data, '-in', token, '-token_in', '-CAfile', ca],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    writeFileSync(data, stamp.checkpoint);
    expect(opensslVerify()).to.match(/Verification: OK/);
    writeFileSync(data, stamp.checkpoint.replace(/\n$/, ' \n'));
    expect(opensslVerify).to.throw();
  });

  it('?at=latest: the stamped checkpoint is smaller, covered through timestampConsistency', () => {
    expect(latest1.timestampConsistency).to.be.an('array').with.length.above(0);
    expect(latest1.timestamps[0].checkpoint).to.not.equal(latest1.checkpoint);
    expect(statuses(verify(latest1, trusting).checks)).to.deep.equal(all('pass'));
    const forged = [...latest1.timestampConsistency].reverse();
    forged[0] = Buffer.alloc(32, 7).toString('base64');
    const bad = verify({ ...latest1, timestampConsistency: forged }, trusting);
    expect(statuses(bad.checks)['timestamp.covers']).to.equal('fail');
    expect(bad.verdict).to.equal('not_verified');
    // No proof at all: the cover is not shown, but nothing is wrong.
    const bare: Body = { ...latest1 };
    delete bare.timestampConsistency;
    const unproven = verify(bare, trusting);
    expect(statuses(unproven.checks)['timestamp.covers']).to.equal('skip');
    expect(unproven.verdict).to.equal('verified');
  });

  it('a receipt as issued with a later stamped checkpoint: covers skip offline, pass once online', async () => {
    expect(issued3.timestamps[0].checkpoint).to.not.equal(issued3.checkpoint);
    expect(issued3).to.not.have.property('timestampConsistency');
    const offline = verify(issued3, trusting);
    expect(statuses(offline.checks)).to.deep.equal({ ...all('pass'), 'timestamp.covers': 'skip' });
    const client: LogClient = {
      checkpoint: () => Promise.resolve(server.log.current().checkpoint),
      consistencyProof: async (from, to) =>
        (await server.log.reader.consistencyProof(from, to)).map(encodeBase64),
    };
    const { online } = await onlineView(issued3, client);
    expect(online.timestampConsistency).to.be.an('array').with.length.above(0);
    const report = verifyReceipt(issued3, {
      trustedKeys: [server.logKey.vkey],
      tsa: trusting,
      online,
    });
    expect(statuses(report.checks)).to.deep.equal(all('pass'));
    const forged = verifyReceipt(issued3, {
      trustedKeys: [server.logKey.vkey],
      tsa: trusting,
      online: { ...online, timestampConsistency: online.consistencyProof.slice(1) },
    });
    expect(statuses(forged.checks)['timestamp.covers']).to.equal('fail');
  });

  it('a token swapped for another checkpoint’s: timestamp.imprint fails', () => {
    const swapped = {
      ...issued1,
      timestamps: [{ checkpoint: issued1.checkpoint, token: issued2.timestamps[0].token }],
    };
    const report = verify(swapped, trusting);
    expect(statuses(report.checks)).to.deep.equal({ ...all('pass'), 'timestamp.imprint': 'fail' });
    expect(report.verdict).to.equal('not_verified');
    // A stamp of a tree without the entry does not cover it.
    const early = { ...issued2, timestamps: issued1.timestamps };
    expect(statuses(verify(early, trusting).checks)['timestamp.covers']).to.equal('fail');
  });

  it('a TSA the caller does not trust: timestamp.trusted fails; no anchors: skip', () => {
    const distrusting = tsaTokenChecker(anchorsFromPem(other.caPem));
    const report = verify(issued1, distrusting);
    expect(statuses(report.checks)).to.deep.equal({ ...all('pass'), 'timestamp.trusted': 'fail' });
    expect(report.verdict).to.equal('not_verified');
    const unanchored = verify(issued1, tsaTokenChecker([]));
    expect(statuses(unanchored.checks)).to.deep.equal({
      ...all('pass'),
      'timestamp.trusted': 'skip',
    });
    expect(unanchored.verdict).to.equal('verified');
  });

  it('a token whose signature is broken: timestamp.signature fails', () => {
    const token = Buffer.from(issued1.timestamps[0].token, 'base64');
    token.writeUInt8(token.readUInt8(token.length - 5) ^ 0x01, token.length - 5); // in the signature value, the last field
    const report = verify(
      {
        ...issued1,
        timestamps: [{ checkpoint: issued1.checkpoint, token: token.toString('base64') }],
      },
      trusting,
    );
    expect(statuses(report.checks)).to.include({
      'timestamp.imprint': 'pass', // still a readable token over the checkpoint
      'timestamp.signature': 'fail',
    });
    expect(report.verdict).to.equal('not_verified');
  });

  it('no checker (the browser): signature and trusted skip; imprint and covers still pass', () => {
    const report = verify(issued1);
    expect(statuses(report.checks)).to.deep.equal({
      ...all('pass'),
      'timestamp.signature': 'skip',
      'timestamp.trusted': 'skip',
    });
    expect(report.verdict).to.equal('verified');
  });

  it('no stamp: all four skip and every other check and the verdict are unchanged', () => {
    const plain: Body = { ...issued1 };
    delete plain.timestamps;
    const report = verify(plain, trusting);
    expect(statuses(report.checks)).to.deep.equal(all('skip'));
    expect(report.verdict).to.equal('verified');
    const others = (checks: readonly Check[]) => checks.filter((c) => !IDS.includes(c.id));
    expect(others(report.checks)).to.deep.equal(others(verify(issued1, trusting).checks));
  });

  it('a development TSA stamp is never trusted, even with its CA given', () => {
    const dev = developmentTsa(join(tmp.dir, 'certs'));
    return dev.stamp(sha256(utf8(issued1.checkpoint))).then((stamp) => {
      const receipt = {
        ...issued1,
        timestamps: [
          { checkpoint: issued1.checkpoint, token: Buffer.from(stamp.token).toString('base64') },
        ],
      };
      const devCa = anchorsFromPem(dev.caPem);
      const report = verify(receipt, tsaTokenChecker(devCa));
      expect(statuses(report.checks)).to.deep.equal({
        ...all('pass'),
        'timestamp.trusted': 'skip',
      });
      expect(report.timestamp?.development).to.equal(true);
      const trusted = report.checks.find((c) => c.id === 'timestamp.trusted')!;
      expect(trusted.message.en).to.match(/development/);
    });
  });

  it('POST /api/v1/verify checks the stamp against HUICUN_TSA_CA', async () => {
    const body = new FormData();
    body.append('certificate', new Blob([JSON.stringify(issued1)]), 'receipt.json');
    const r = await call(server.url, 'POST', '/api/v1/verify', { token: aliceToken, body });
    expect(r.status, r.text).to.equal(200);
    expect(statuses(r.body.checks as Check[])).to.deep.equal(all('pass'));
    // The server fetches the proof to a later stamped checkpoint itself.
    const later = new FormData();
    later.append('certificate', new Blob([JSON.stringify(issued3)]), 'receipt.json');
    const r3 = await call(server.url, 'POST', '/api/v1/verify', { token: aliceToken, body: later });
    expect(statuses(r3.body.checks as Check[]), r3.text).to.deep.equal(all('pass'));
  });

  it('huicun verify --tsa-ca shows the four checks passing; another CA fails trusted', async () => {
    await ensureBuilt();
    const file = join(tmp.dir, 'receipt.json');
    writeFileSync(file, JSON.stringify(issued1));
    const args = ['verify', '--receipt', file, '--log-key', server.logKey.vkey];
    const ok = await runCli([...args, '--tsa-ca', good.caCert]);
    expect(ok.code, ok.stdout + ok.stderr).to.equal(0);
    for (const id of IDS)
      expect(ok.stdout).to.match(new RegExp(`通过 pass {2}${id.replace('.', '\\.')} +\\S`));
    expect(ok.stdout).to.contain('时间戳 stamped:').and.contain('good test TSA');
    const bad = await runCli([...args, '--tsa-ca', other.caCert]);
    expect(bad.code).to.equal(1);
    expect(bad.stdout).to.match(/失败 FAIL {2}timestamp\.trusted/);
    const missing = await runCli([...args, '--tsa-ca', join(tmp.dir, 'absent.pem')]);
    expect(missing.code).to.equal(2);
  });
});

function sha256hex(s: string): string {
  return Buffer.from(sha256(utf8(s))).toString('hex');
}
