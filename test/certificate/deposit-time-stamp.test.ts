/**
 * The deposit's time-stamp on certificates (docs/certificates.md "The deposit's time-stamp"): a
 * certificate issued after the log was stamped over the deposit prints the TSA's name and
 * genTime beside the deposit time and embeds the receipt with that stamp (which verifies offline);
 * one issued before says "not yet", never waits, and stays as stored.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { renderNotarialCertificate } from '../../src/certificate/documents/notarial-certificate.js';
import { utc8 } from '../../src/certificate/rendering/wording.js';
import { extractAttachments } from '../../src/pdf/index.js';
import {
  anchorsFromPem,
  DEVELOPMENT_TSA_NAME,
  developmentTsa,
  tsaTokenChecker,
  type DevelopmentTsa,
} from '../../src/timestamp/index.js';
import { verifyReceipt } from '../../src/verify/index.js';
import { call, registerDepositor, type Body } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';
import { FakeScheduler } from '../timestamp/fakes.js';
import {
  ISSUED_AT,
  ISSUER,
  PUBLIC_URL,
  sampleDeposit,
  sampleExamination,
  sampleFiles,
  testSigner,
} from './fixture.js';
import { pdfText, save } from './tools.js';

/** pdftotext's words on one line, without hyphens (it joins `time-` + `stamp` at a line end). */
const flat = (text: string): string => text.replace(/\s+/g, ' ').replace(/-/g, '');

/** The receipt JSON embedded in a certificate. */
function embeddedReceipt(pdf: Uint8Array): Body {
  const file = extractAttachments(pdf).find((a) => a.name.endsWith('.receipt.json'));
  expect(file, 'an embedded receipt').to.not.equal(undefined);
  return JSON.parse(new TextDecoder().decode(file!.bytes)) as Body;
}

describe('certificates print the time-stamp of the checkpoint covering the deposit', function () {
  this.timeout(120_000);
  let dir: string;
  let tsa: DevelopmentTsa;
  let clock: FakeScheduler;
  let server: TestServer;
  let alice: { token: string };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huicun-certtime-test-'));
    tsa = developmentTsa(join(dir, 'certs'));
    clock = new FakeScheduler();
    server = await startTestServer(
      {},
      {
        logger: pino({ level: 'silent' }),
        timestamps: { timeStamper: tsa, timestampIntervalMs: 10_000, timestampScheduler: clock },
      },
    );
    alice = await registerDepositor(server.url, '张三');
  });
  after(async () => {
    await server.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const deposit = async (title: string, hex: string): Promise<Body> => {
    const r = await call(server.url, 'POST', '/api/v1/deposits', {
      token: alice.token,
      json: { title, files: [{ name: 'x', size: 1, sha256: hex.repeat(32) }] },
    });
    expect(r.status, r.text).to.equal(201);
    return r.body.deposit;
  };
  const certificate = async (id: string): Promise<Buffer> => {
    const res = await fetch(`${server.url}/api/v1/deposits/${id}/certificate.pdf`, {
      headers: { authorization: `Bearer ${alice.token}` },
    });
    expect(res.status).to.equal(200);
    return Buffer.from(await res.arrayBuffer());
  };

  it('before the stamp: "not yet" and a receipt without timestamps; after it: TSA and genTime, and a receipt whose stamp verifies', async () => {
    const early = await deposit('issued before the stamp', 'ab');
    const late = await deposit('issued after the stamp', 'cd');

    const before = await certificate(early.id);
    const beforeText = flat(pdfText(save(dir, 'before.pdf', before)));
    expect(beforeText).to.include(
      flat('RFC 3161 time-stamp: not yet (the log is stamped every 10 s'),
    );
    expect(beforeText).to.include(flat('RFC 3161 时间戳：尚未取得'));
    expect(embeddedReceipt(before)).to.not.have.property('timestamps');

    // The stamper runs off the append and download paths; its clock lets it stamp now.
    clock.advance(0);
    await server.stamper!.stamped(server.log.size);
    const stamp = await call(server.url, 'GET', `/api/v1/log/timestamps?size=${late.index + 1}`);
    expect(stamp.status, stamp.text).to.equal(200);
    const genTime = stamp.body.genTime as string;

    const after = await certificate(late.id);
    const text = flat(pdfText(save(dir, 'after.pdf', after)));
    expect(text).to.include(
      flat(
        `RFC 3161 time-stamp: ${DEVELOPMENT_TSA_NAME}, ${utc8(genTime)} (UTC+08:00) / ${genTime} (UTC)`,
      ),
    );
    expect(text).to.include(flat(`RFC 3161 时间戳：${DEVELOPMENT_TSA_NAME}，${utc8(genTime)}`));
    expect(text).to.not.include(flat('not yet'));

    const receipt = embeddedReceipt(after);
    expect(receipt.timestamps).to.deep.equal([
      { checkpoint: stamp.body.checkpoint, token: stamp.body.token },
    ]);
    const report = verifyReceipt(receipt, {
      trustedKeys: [server.logKey.vkey],
      tsa: tsaTokenChecker(anchorsFromPem(tsa.caPem)),
    });
    const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
    expect(status['timestamp.imprint'], JSON.stringify(report.checks)).to.equal('pass');
    expect(status['timestamp.signature']).to.equal('pass');
    // the development TSA chains to its CA but is never trusted (docs/timestamps.md)
    expect(status['timestamp.trusted']).to.equal('skip');
    expect(status['timestamp.covers']).to.not.equal('fail');
    expect(report.verdict).to.equal('verified');

    // A stored certificate is served byte for byte: the early one keeps its "not yet".
    expect((await certificate(early.id)).equals(before)).to.equal(true);
    expect((await certificate(late.id)).equals(after)).to.equal(true);
  });
});

describe('the notarial certificate prints the deposit time-stamp too', function () {
  this.timeout(60_000);

  it('stamped: the TSA and genTime beside the deposit time; pending: "not yet"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huicun-certtime-notarial-'));
    try {
      const { deposit, receipt } = await sampleDeposit(sampleFiles(1).map((f) => f.item));
      const render = (
        depositStamp: Parameters<typeof renderNotarialCertificate>[0]['depositStamp'],
      ) =>
        renderNotarialCertificate(
          {
            certificateNumber: '（2026）沪徐证经字第 123 号',
            reference: 'NC00000012344',
            notary: { name: '王五' },
            decidedAt: ISSUED_AT,
            issuedAt: ISSUED_AT,
            purpose: '诉讼',
            examination: sampleExamination(1),
            deposit,
            receipt,
            ...(depositStamp ? { depositStamp } : {}),
            issuer: ISSUER,
            publicUrl: PUBLIC_URL,
          },
          testSigner().signer,
        );
      const genTime = '2026-12-04T08:00:01.500Z';
      const stamped = flat(
        pdfText(save(dir, 's.pdf', await render({ state: 'stamped', tsa: 'Test TSA', genTime }))),
      );
      expect(stamped).to.include(
        flat(
          'RFC 3161 time-stamp: Test TSA, 2026-12-04 16:00:01.500 (UTC+08:00) / 2026-12-04T08:00:01.500Z (UTC)',
        ),
      );
      const pending = flat(
        pdfText(save(dir, 'p.pdf', await render({ state: 'pending', intervalS: 30 }))),
      );
      expect(pending).to.include(
        flat('RFC 3161 time-stamp: not yet (the log is stamped every 30 s'),
      );
      const none = flat(pdfText(save(dir, 'n.pdf', await render(undefined))));
      expect(none).to.not.include(flat('RFC 3161 time-stamp:'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
