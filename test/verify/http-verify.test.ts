/**
 * POST /api/v1/verify (docs/api.md): anonymous answers never carry a stored digest, name or
 * opening; readers of the deposit get the full checks; digest lookups are rate-limited.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { call, registerDepositor, type Body } from '../helpers/api.js';
import { makeAccount } from '../helpers/casework.js';
import { renderDepositCertificate } from '../../src/certificate/documents/deposit-certificate.js';
import { ISSUED_AT, ISSUER, PUBLIC_URL, testSigner } from '../certificate/fixture.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';
import { extractAttachments } from '../../src/pdf/index.js';
import { formatDepositNumber } from '../../src/entry/index.js';
import {
  CHECK_IDS,
  receiptCheckpointSize,
  receiptFromPdf,
  verifyLogProof,
  verifyReceipt,
} from '../../src/verify/index.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const hex = (alg: string, b: Uint8Array): string => createHash(alg).update(b).digest('hex');

function upload(parts: Record<string, Uint8Array | string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(parts))
    if (typeof v === 'string') fd.append(k, v);
    else fd.append(k, new Blob([v]), k === 'file' ? 'evidence.bin' : 'receipt.json');
  return fd;
}

describe('POST /api/v1/verify', function () {
  this.timeout(30_000);
  let server: TestServer;
  let alice: { token: string };
  let bob: { token: string };
  const secret = utf8('甲方乙方的秘密合同 secret contract\n');
  const shared = utf8('两人都存证的文件 a file both deposited\n');
  let receipt: Body;
  let depositBody: Body;
  let number: string;
  let sharedFirst: Body;
  const verify = (json: unknown, token?: string): Promise<Body> =>
    call(server.url, 'POST', '/api/v1/verify', { json, ...(token ? { token } : {}) });

  before(async () => {
    server = await startTestServer({
      HUICUN_ANON_VERIFY_MAX_BYTES: '4096',
      HUICUN_RATE_LIMITS: 'off',
    });
    alice = await registerDepositor(server.url, '张三');
    bob = await registerDepositor(server.url, '李四');
    const deposit = async (token: string, bytes: Uint8Array, title: string): Promise<Body> => {
      const fd = new FormData();
      fd.append('title', title);
      fd.append('files', new Blob([bytes]), '合同.txt');
      const r = await call(server.url, 'POST', '/api/v1/deposits', { token, body: fd });
      expect(r.status, r.text).to.equal(201);
      return r.body;
    };
    const first = await deposit(alice.token, secret, '绝密标题 secret title');
    receipt = first.receipt;
    depositBody = first.deposit;
    number = first.deposit.id;
    sharedFirst = (await deposit(bob.token, shared, 'bob first')).deposit;
    await deposit(alice.token, shared, 'alice second');
  });
  after(() => server?.dispose());

  /** Nothing stored may reach an anonymous caller. */
  function expectNothingStored(r: Body, ...allowed: string[]): void {
    const text = r.text as string;
    for (const leak of [
      'secret title',
      '张三',
      '李四',
      '合同.txt',
      '"salt"',
      '"opening"',
      '"depositor"',
      hex('sm3', secret),
      hex('sha256', secret),
    ]) {
      if (!allowed.includes(leak)) expect(text, leak).to.not.contain(leak);
    }
    for (const c of r.body.checks) expect(c.expected, c.id).to.equal(null);
  }

  it('anonymous {sha256}: found, the earliest deposit number and time, the match count — nothing stored', async () => {
    const r = await verify({ sha256: hex('sha256', shared).toUpperCase() });
    expect(r.status).to.equal(200);
    expect(r.body).to.deep.include({ verdict: 'found', matches: 2 });
    expect(r.body.deposit).to.deep.equal({ id: sharedFirst.id, createdAt: sharedFirst.createdAt });
    expect(r.body.checks).to.deep.equal([
      {
        id: 'file.sha256',
        status: 'pass',
        passed: true,
        expected: null,
        actual: hex('sha256', shared),
        message: r.body.checks[0].message,
      },
    ]);
    expectNothingStored(r);
  });

  it('anonymous {sm3}, {depositId, sha256}; not_found for others', async () => {
    expect((await verify({ sm3: hex('sm3', secret) })).body).to.deep.include({
      verdict: 'found',
      matches: 1,
    });
    const byId = await verify({ depositId: number.toLowerCase(), sha256: hex('sha256', secret) });
    expect(byId.body).to.deep.include({ verdict: 'found', matches: 1 });
    expectNothingStored(byId, hex('sha256', secret));
    const wrongId = await verify({ depositId: sharedFirst.id, sha256: hex('sha256', secret) });
    expect(wrongId.body).to.deep.equal({
      verdict: 'not_found',
      checks: wrongId.body.checks,
      matches: 0,
    });
    const none = await verify({ sha256: 'ab'.repeat(32) });
    expect(none.body).to.deep.include({ verdict: 'not_found', matches: 0 });
    expect(none.body.deposit).to.equal(undefined);
  });

  it('refuses malformed requests with stable codes', async () => {
    const cases: [unknown, number, string][] = [
      [{}, 400, 'NOTHING_TO_VERIFY'],
      [{ sha256: 'xyz' }, 400, 'INVALID_DIGEST'],
      [{ sha256: 'ab'.repeat(32), extra: 1 }, 400, 'INVALID_BODY'],
      [{ depositId: 'HC00000000000', sha256: 'ab'.repeat(32) }, 400, 'WRONG_CHECK_CHARACTER'],
      [{ depositId: 'HC0000000001', sha256: 'ab'.repeat(32) }, 400, 'INVALID_DEPOSIT_ID'],
      [[1], 400, 'INVALID_BODY'],
    ];
    for (const [json, status, code] of cases) {
      const r = await verify(json);
      expect([r.status, r.body.error.code], JSON.stringify(json)).to.deep.equal([status, code]);
    }
    const text = await call(server.url, 'POST', '/api/v1/verify', {
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect([text.status, text.body.error.code]).to.deep.equal([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('anonymous multipart file: hashed on the fly (SHA-256 and SM3), capped at HUICUN_ANON_VERIFY_MAX_BYTES', async () => {
    const r = await call(server.url, 'POST', '/api/v1/verify', { body: upload({ file: secret }) });
    expect(r.body.verdict).to.equal('found');
    expect(r.body.checks.map((c: Body) => [c.id, c.status])).to.deep.equal([
      ['file.sha256', 'pass'],
      ['file.sm3', 'pass'],
    ]);
    expectNothingStored(r, hex('sm3', secret), hex('sha256', secret));
    const big = await call(server.url, 'POST', '/api/v1/verify', {
      body: upload({ file: new Uint8Array(5000) }),
    });
    expect([big.status, big.body.error.code]).to.deep.equal([413, 'FILE_TOO_LARGE']);
    const signedIn = await call(server.url, 'POST', '/api/v1/verify', {
      token: bob.token,
      body: upload({ file: new Uint8Array(5000) }),
    });
    expect(signedIn.body.verdict).to.equal('not_found');
    const odd = await call(server.url, 'POST', '/api/v1/verify', {
      body: upload({ other: secret }),
    });
    expect([odd.status, odd.body.error.code]).to.deep.equal([400, 'UNEXPECTED_FIELD']);
  });

  it('anonymous receipt or tlog-proof (+ file): found with checks whose expected is null; tampered: not_found', async () => {
    const r = await call(server.url, 'POST', '/api/v1/verify', {
      body: upload({ certificate: utf8(JSON.stringify(receipt)), file: secret }),
    });
    expect(r.body.verdict, JSON.stringify(r.body)).to.equal('found');
    expect(r.body.deposit).to.deep.equal({ id: number, createdAt: r.body.deposit.createdAt });
    expect(r.body.checks.map((c: Body) => c.id)).to.deep.equal([...CHECK_IDS]);
    expect(r.body.checks.find((c: Body) => c.id === 'consistency').status).to.equal('pass');
    for (const c of r.body.checks) expect(c.expected).to.equal(null);
    const proof = await call(
      server.url,
      'GET',
      `/api/v1/deposits/${number}/receipt?format=tlog-proof`,
      { token: alice.token },
    );
    const viaProof = await call(server.url, 'POST', '/api/v1/verify', {
      body: upload({ certificate: utf8(proof.text) }),
    });
    expect(viaProof.body.verdict).to.equal('found');
    const tampered = structuredClone(receipt);
    tampered.opening.title = 'changed';
    const t = await call(server.url, 'POST', '/api/v1/verify', {
      body: upload({ certificate: utf8(JSON.stringify(tampered)) }),
    });
    expect(t.body).to.deep.include({ verdict: 'not_found', matches: 0 });
    expect(t.body.checks.find((c: Body) => c.id === 'opening.commitment').status).to.equal('fail');
    for (const [bytes, code] of [
      [utf8('not json'), 'INVALID_RECEIPT'],
      [utf8('%PDF-1.7\n'), 'NOT_A_HUICUN_PDF'],
    ] as const) {
      const bad = await call(server.url, 'POST', '/api/v1/verify', {
        body: upload({ certificate: bytes }),
      });
      expect([bad.status, bad.body.error.code]).to.deep.equal([400, code]);
    }
  });

  it('a certificate PDF: its embedded receipt verifies; document.issued passes only for a PDF this log anchored', async () => {
    const res = await fetch(`${server.url}/api/v1/deposits/${number}/certificate.pdf`, {
      headers: { authorization: `Bearer ${alice.token}` },
    });
    expect(res.status).to.equal(200);
    const issued = new Uint8Array(await res.arrayBuffer());
    const anon = await call(server.url, 'POST', '/api/v1/verify', {
      body: upload({ certificate: issued, file: secret }),
    });
    expect(anon.body.verdict, JSON.stringify(anon.body)).to.equal('found');
    expect(anon.body.checks.find((c: Body) => c.id === 'document.issued').status).to.equal('pass');
    expectNothingStored(anon, hex('sm3', secret), hex('sha256', secret));
    const own = await call(server.url, 'POST', '/api/v1/verify', {
      token: alice.token,
      body: upload({ certificate: issued }),
    });
    expect(own.body.verdict).to.equal('verified');
    expect(own.body.deposit.title).to.equal('绝密标题 secret title');

    // The same receipt in a PDF this log never issued (signed elsewhere): document.issued fails.
    const foreign = await renderDepositCertificate(
      {
        deposit: depositBody,
        receipt,
        version: 1,
        issuedAt: ISSUED_AT,
        issuer: ISSUER,
        publicUrl: PUBLIC_URL,
        retentionYears: 30,
      },
      testSigner().signer,
    );
    const other = await call(server.url, 'POST', '/api/v1/verify', {
      body: upload({ certificate: foreign, file: secret }),
    });
    expect(other.body.verdict).to.equal('not_found');
    expect(other.body.checks.find((c: Body) => c.id === 'document.issued').status).to.equal('fail');
  });

  it('the owner gets the full checks and the deposit; another depositor only found/not_found', async () => {
    const own = await verify({ sha256: hex('sha256', secret) }, alice.token);
    expect(own.body.verdict).to.equal('verified');
    expect(own.body.deposit).to.include({ id: number, title: '绝密标题 secret title' });
    expect(own.body.checks.map((c: Body) => c.id)).to.deep.equal([...CHECK_IDS]);
    const sha = own.body.checks.find((c: Body) => c.id === 'file.sha256');
    expect(sha).to.include({ status: 'pass', expected: hex('sha256', secret) });
    expect(own.body.checks.find((c: Body) => c.id === 'consistency').status).to.equal('pass');
    const other = await verify({ sha256: hex('sha256', secret) }, bob.token);
    expect(other.body).to.deep.include({ verdict: 'found', matches: 1 });
    expectNothingStored(other, hex('sha256', secret));
  });

  it('a notary who may read the deposit (submitted application) gets the full checks, recorded as a custody event', async () => {
    const apply = await call(server.url, 'POST', `/api/v1/deposits/${number}/notarisation`, {
      token: alice.token,
      json: { purpose: '诉讼 litigation', contact: '13800000000' },
    });
    expect(apply.status, apply.text).to.equal(201);
    const notary = await makeAccount(server, 'notary', { office: '徐汇公证处' });
    const r = await verify({ sha256: hex('sha256', secret) }, notary.token);
    expect(r.body.verdict).to.equal('verified');
    const trail = await call(server.url, 'GET', `/api/v1/deposits/${number}/custody`, {
      token: alice.token,
    });
    expect(trail.body.items.map((i: Body) => i.event)).to.include('viewed');
  });

  it('Accept: application/pdf gives a signed-in reader the signed report, anchored in custody', async () => {
    const pdf = { accept: 'application/pdf' };
    const anon = await call(server.url, 'POST', '/api/v1/verify', {
      json: { sha256: hex('sha256', secret) },
      headers: pdf,
    });
    expect([anon.status, anon.body.error.code]).to.deep.equal([401, 'AUTH_REQUIRED']);
    const stranger = await call(server.url, 'POST', '/api/v1/verify', {
      token: bob.token,
      json: { sha256: hex('sha256', secret) },
      headers: pdf,
    });
    expect(stranger.status).to.equal(404);
    const res = await fetch(`${server.url}/api/v1/verify`, {
      method: 'POST',
      headers: {
        ...pdf,
        authorization: `Bearer ${alice.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ sha256: hex('sha256', secret) }),
    });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^application\/pdf/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).to.equal('%PDF-');
    const trail = await call(server.url, 'GET', `/api/v1/deposits/${number}/custody`, {
      token: alice.token,
    });
    const reports = trail.body.items.filter(
      (i: Body) => i.event === 'certificate-issued' && i.receipt.opening.detail.kind === 'report',
    );
    expect(reports).to.have.length(1);
    expect(reports[0].receipt.opening.detail.sha256).to.equal(
      createHash('sha256').update(bytes).digest('hex'),
    );
  });

  it('{certificateSha256}: found for a document this log anchored, not_found otherwise', async () => {
    const r = await verify({ certificateSha256: 'cd'.repeat(32) });
    expect(r.body.verdict).to.equal('not_found');
    expect(r.body.checks).to.have.length(1);
    expect(r.body.checks[0]).to.include({ id: 'document.issued', status: 'fail', expected: null });
    const res = await fetch(`${server.url}/api/v1/deposits/${number}/certificate.pdf`, {
      headers: { authorization: `Bearer ${alice.token}` },
    });
    const sha = createHash('sha256')
      .update(new Uint8Array(await res.arrayBuffer()))
      .digest('hex');
    const ok = await verify({ certificateSha256: sha });
    expect(ok.body.checks[0]).to.include({ id: 'document.issued', status: 'pass' });
  });
  /** The vkey the server publishes (what the browser trusts). */
  async function logKey(): Promise<{ vkey: string; previous: string[] }> {
    return (await call(server.url, 'GET', '/api/v1/log/key')).body;
  }

  it('a number alone (the QR code): found, the time, a public log proof that verifies, notarised no — nothing personal, the same for everyone', async () => {
    const spaced = `${number.slice(0, 2)} ${number.slice(2, 7)}-${number.slice(7, 12)} ${number.slice(12)}`;
    const r = await verify({ depositId: spaced.toLowerCase() });
    expect(r.status, r.text).to.equal(200);
    expect(r.body).to.deep.include({ verdict: 'found', matches: 1, notarised: false });
    expect(r.body.deposit).to.deep.equal({ id: number, createdAt: depositBody.createdAt });
    const [origin, size, root] = receipt.checkpoint.split('\n');
    expect(r.body.log).to.deep.equal({
      index: receipt.index,
      entry: receipt.entry,
      proof: receipt.proof,
      checkpoint: receipt.checkpoint,
      origin,
      treeSize: Number(size),
      rootHash: root,
    });
    expect(r.body.checks.map((c: Body) => [c.id, c.status])).to.deep.equal([
      ['entry.canonical', 'pass'],
      ['entry.id', 'pass'],
      ['checkpoint.signature', 'pass'],
      ['checkpoint.key_trusted', 'pass'],
      ['checkpoint.origin', 'pass'],
      ['inclusion', 'pass'],
      ['consistency', 'pass'],
    ]);
    expectNothingStored(r);
    // The browser checks the same proof again with the same code and the published key.
    const key = await logKey();
    const again = verifyLogProof(r.body.log, { depositId: number, trustedKeys: [key.vkey] });
    expect(again.verdict).to.equal('verified');
    expect(again.entry).to.include({ id: number, time: depositBody.createdAt, type: 'deposit' });
    const moved = verifyLogProof(
      { ...r.body.log, index: r.body.log.index + 1 },
      { depositId: number, trustedKeys: [key.vkey] },
    );
    expect(moved.verdict).to.equal('not_verified');
    expect(moved.checks.find((c) => c.id === 'inclusion')!.status).to.equal('fail');
    // A signed-in owner asking by number alone gets the same public answer (no custody event).
    const own = await verify({ depositId: number }, alice.token);
    expect(own.body).to.deep.equal(r.body);
  });

  it('a number alone: unknown → not_found; not a deposit entry → not_found; a mistyped check character → 400 WRONG_CHECK_CHARACTER', async () => {
    const unknown = await verify({ depositId: formatDepositNumber(9_999_999) });
    expect(unknown.status).to.equal(200);
    expect(unknown.body).to.deep.equal({ verdict: 'not_found', checks: [], matches: 0 });
    // the log's first entries are not deposits (accounts, custody): no such deposit
    const trailItems = (
      await call(server.url, 'GET', `/api/v1/deposits/${number}/custody`, { token: alice.token })
    ).body.items;
    const custodyIndex = trailItems[0]?.receipt.index ?? 0;
    const custody = await verify({ depositId: formatDepositNumber(custodyIndex) });
    expect(custody.body.verdict).to.equal('not_found');
    const last = number.at(-1)!;
    const typo = number.slice(0, -1) + (last === '0' ? '1' : '0');
    const wrong = await verify({ depositId: typo });
    expect([wrong.status, wrong.body.error.code]).to.deep.equal([400, 'WRONG_CHECK_CHARACTER']);
    expect(wrong.body.error.message).to.match(/check character/);
    const swapped = number.slice(0, 10) + number[11] + number[10] + number.slice(12);
    if (swapped !== number) {
      const r = await verify({ depositId: swapped });
      expect(r.body.error?.code, swapped).to.equal('WRONG_CHECK_CHARACTER');
    }
    for (const bad of ['HC123', 'XX00000000052', 12, '']) {
      const r = await verify({ depositId: bad });
      expect([r.status, r.body.error.code], String(bad)).to.deep.equal([400, 'INVALID_DEPOSIT_ID']);
    }
  });

  it('a number alone: notarised yes once a notarial certificate was issued (yes/no only)', async () => {
    const fd = new FormData();
    fd.append('title', '公证的存证 notarised');
    fd.append('files', new Blob([utf8('公证的文件 notarised file\n')]), '公证.txt');
    const made = await call(server.url, 'POST', '/api/v1/deposits', {
      token: alice.token,
      body: fd,
    });
    const id = made.body.deposit.id;
    expect((await verify({ depositId: id })).body.notarised).to.equal(false);
    const apply = await call(server.url, 'POST', `/api/v1/deposits/${id}/notarisation`, {
      token: alice.token,
      json: { purpose: '诉讼 litigation', contact: '13800000000' },
    });
    const app = apply.body.application.id;
    const notary = await makeAccount(server, 'notary', { office: '徐汇公证处' });
    const act = (what: string, json?: unknown): Promise<Body> =>
      call(server.url, 'POST', `/api/v1/notary/applications/${app}/${what}`, {
        token: notary.token,
        ...(json ? { json } : {}),
      });
    expect((await act('claim')).status).to.equal(200);
    expect(
      (await act('decision', { decision: 'approve', opinion: '经审查，存证记录与文件一致。' }))
        .status,
    ).to.equal(200);
    expect((await verify({ depositId: id })).body.notarised, 'approved, not issued').to.equal(
      false,
    );
    const issued = await act('issue');
    expect(issued.status, issued.text).to.equal(200);
    const r = await verify({ depositId: id });
    expect(r.body.notarised).to.equal(true);
    expect(r.text).to.not.contain(issued.body.application.certificateNumber);
    expect(r.text).to.not.contain('徐汇公证处');
  });

  it('multipart digests beside a certificate: the caller hashed the file itself; bad or doubled digests are refused', async () => {
    const ok = await call(server.url, 'POST', '/api/v1/verify', {
      body: upload({
        certificate: utf8(JSON.stringify(receipt)),
        sha256: hex('sha256', secret),
        sm3: hex('sm3', secret),
      }),
    });
    expect(ok.body.verdict, ok.text).to.equal('found');
    expect(ok.body.checks.find((c: Body) => c.id === 'file.sm3').status).to.equal('pass');
    const bad = await call(server.url, 'POST', '/api/v1/verify', {
      body: upload({ certificate: utf8(JSON.stringify(receipt)), sha256: 'xyz' }),
    });
    expect([bad.status, bad.body.error.code]).to.deep.equal([400, 'INVALID_DIGEST']);
    const both = await call(server.url, 'POST', '/api/v1/verify', {
      body: upload({ file: secret, sha256: hex('sha256', secret) }),
    });
    expect([both.status, both.body.error.code]).to.deep.equal([400, 'UNEXPECTED_FIELD']);
  });

  it('one verdict: the signed report of a certificate and the digests a browser computed carries the checks of the JSON answer and of the browser verifier (document.issued included)', async () => {
    const pdf = new Uint8Array(
      await (
        await fetch(`${server.url}/api/v1/deposits/${number}/certificate.pdf`, {
          headers: { authorization: `Bearer ${alice.token}` },
        })
      ).arrayBuffer(),
    );
    const digests = { sha256: hex('sha256', secret), sm3: hex('sm3', secret) };
    // What the certificate page sends for the report: the certificate and its own digests.
    const form = (): FormData => upload({ certificate: pdf, ...digests });
    const json = await call(server.url, 'POST', '/api/v1/verify', {
      token: alice.token,
      body: form(),
    });
    expect(json.body.verdict, json.text).to.equal('verified');
    const res = await fetch(`${server.url}/api/v1/verify`, {
      method: 'POST',
      headers: { accept: 'application/pdf', authorization: `Bearer ${alice.token}` },
      body: form(),
    });
    expect(res.status).to.equal(200);
    const attached = extractAttachments(new Uint8Array(await res.arrayBuffer())).find((a) =>
      a.name.endsWith('.verification.json'),
    );
    const report = JSON.parse(new TextDecoder().decode(attached!.bytes));
    expect(report.verdict).to.equal('verified');
    expect(report.checks).to.deep.equal(json.body.checks);
    // The browser's own run (web/src/verifier.ts): key, checkpoint, consistency proof and
    // document.issued fetched from the server, the same pure verifier on the same inputs.
    const key = await logKey();
    const note = (await call(server.url, 'GET', '/api/v1/log/checkpoint')).text;
    const embedded = receiptFromPdf(pdf, extractAttachments);
    const from = receiptCheckpointSize(embedded)!;
    const to = Number(note.split('\n')[1]);
    const consistency =
      from < to
        ? (await call(server.url, 'GET', `/api/v1/log/proof/consistency?from=${from}&to=${to}`))
            .body.proof
        : [];
    const issued = await verify({ certificateSha256: hex('sha256', pdf) });
    const browser = verifyReceipt(embedded, {
      file: digests,
      trustedKeys: [key.vkey, ...key.previous],
      online: { checkpoint: note, consistencyProof: consistency },
      document: { sha256: hex('sha256', pdf), issued: issued.body.checks[0].status === 'pass' },
    });
    const verdicts = (checks: readonly Body[]): string[][] =>
      checks.map((c) => [c.id, c.status, c.message.en]);
    expect(browser.verdict).to.equal(report.verdict);
    expect(verdicts(browser.checks)).to.deep.equal(verdicts(report.checks));
    expect(report.checks.find((c: Body) => c.id === 'document.issued').status).to.equal('pass');
  });
});

describe('POST /api/v1/verify rate limit', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer({ HUICUN_RATE_LIMITS: 'on' })));
  after(() => server?.dispose());

  it('answers 429 RATE_LIMITED with Retry-After past 60 digest or number lookups a minute from one address', async () => {
    // digest lookups and number lookups (the QR landing) share the budget
    const ask = (i = 0): Promise<Body> =>
      call(server.url, 'POST', '/api/v1/verify', {
        json: i % 2 ? { depositId: formatDepositNumber(i) } : { sha256: 'ab'.repeat(32) },
      });
    for (let i = 0; i < 60; i++) expect((await ask(i)).status).to.equal(200);
    const r = await ask();
    expect([r.status, r.body.error.code]).to.deep.equal([429, 'RATE_LIMITED']);
    expect(Number(r.headers.get('retry-after'))).to.be.within(1, 60);
  });
});
