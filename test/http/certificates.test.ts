import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractAttachments } from '../../src/pdf/index.js';
import {
  decodeBase64,
  openNote,
  parseCheckpoint,
  parseVkey,
  rfc6962,
  verifyInclusion,
} from '../../src/log/index.js';
import { call, registerDepositor, type Body } from '../helpers/api.js';
import { sha256hex } from '../helpers/casework.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';
import { qrCodes } from '../certificate/tools.js';
import { expectBytes, expectDifferentBytes } from '../helpers/bytes.js';

const PUBLIC_URL = 'https://evidence.example.org';
/** The year of `time` in UTC+08:00, the year a notarial number carries. */
const yearUtc8 = (time: string): number =>
  new Date(Date.parse(time) + 8 * 3600_000).getUTCFullYear();

async function pdf(
  server: TestServer,
  path: string,
  token: string,
): Promise<{ status: number; bytes: Uint8Array; headers: Headers }> {
  const res = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    bytes: new Uint8Array(await res.arrayBuffer()),
    headers: res.headers,
  };
}

function pdftotext(bytes: Uint8Array, dir: string): string {
  const file = join(dir, `c-${Math.random().toString(16).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

describe('certificates API', function () {
  this.timeout(60_000);
  let server: TestServer;
  let depositor: { token: string };
  let id: string;
  let first: Uint8Array;

  before(async () => {
    server = await startTestServer(
      { HUICUN_PUBLIC_URL: PUBLIC_URL, HUICUN_NOTARIAL_NUMBER_PREFIX: '京东证经字' },
      { seeds: true },
    );
    depositor = await registerDepositor(server.url, '张三');
    const form = new FormData();
    form.append('title', '合同纠纷证据');
    form.append(
      'files',
      new Blob([new TextEncoder().encode('%PDF-1.4 contract')], { type: 'application/pdf' }),
      '合同.pdf',
    );
    form.append('files', new Blob([new TextEncoder().encode('chat log')]), 'chat.txt');
    id = (
      await call(server.url, 'POST', '/api/v1/deposits', { token: depositor.token, body: form })
    ).body.deposit.id;
  });
  after(() => server.dispose());

  it('issues the deposit certificate once, anchors it in custody, and serves the same bytes after', async () => {
    const a = await pdf(server, `/api/v1/deposits/${id}/certificate.pdf`, depositor.token);
    expect(a.status).to.equal(200);
    expect(a.headers.get('content-type')).to.equal('application/pdf');
    expect(a.headers.get('x-huicun-certificate')).to.match(
      new RegExp(`^${id}-1; sha256=${sha256hex(a.bytes)}$`),
    );
    const b = await pdf(server, `/api/v1/deposits/${id}/certificate.pdf`, depositor.token);
    expectBytes(b.bytes, a.bytes);
    first = a.bytes;

    const trail = await call(server.url, 'GET', `/api/v1/deposits/${id}/custody`, {
      token: depositor.token,
    });
    const issued = trail.body.items.filter((i: Body) => i.event === 'certificate-issued');
    expect(issued).to.have.length(1);
    expect(issued[0].receipt.opening.detail).to.deep.equal({
      kind: 'deposit',
      number: `${id}-1`,
      version: 1,
      sha256: sha256hex(a.bytes),
    });

    const text = pdftotext(a.bytes, server.config.dataDir);
    expect(text).to.include('电子数据存证证书');
    expect(text.replace(/\s/g, '')).to.include(id);
    expect(text).to.include('本证书不是公证书');
    // HUICUN_PUBLIC_URL, not the server's own address, in the QR code and the printed links
    const file = join(server.config.dataDir, 'first.pdf');
    writeFileSync(file, a.bytes);
    expect(qrCodes(file, server.config.dataDir)).to.deep.equal([`${PUBLIC_URL}/verify?id=${id}`]);
    expect(text).to.include(`${PUBLIC_URL}/verify?id=${id}`);
    expect(text).to.not.include(server.url).and.not.include('localhost:');
  });

  it('carries a receipt that verifies offline against the log key', async () => {
    const files = extractAttachments(first);
    const receiptFile = files.find((f) => f.name.endsWith('.receipt.json'));
    expect(receiptFile, files.map((f) => f.name).join(',')).to.not.equal(undefined);
    const receipt = JSON.parse(new TextDecoder().decode(receiptFile!.bytes));
    const vkey = (await call(server.url, 'GET', '/api/v1/log/key')).body.vkey;
    const cp = parseCheckpoint(openNote(receipt.checkpoint, [parseVkey(vkey)]).text);
    verifyInclusion(
      receipt.index,
      cp.size,
      rfc6962.hashLeaf(decodeBase64(receipt.entry)),
      receipt.proof.map(decodeBase64),
      cp.root,
      rfc6962,
    );
    expect(files.some((f) => f.name.endsWith('.tlog-proof'))).to.equal(true);
  });

  it('issues the notarial certificate, and a new deposit certificate version that says so', async () => {
    const notary = (
      await call(server.url, 'POST', '/api/v1/auth/login', {
        json: { username: 'demo-notary', password: 'demo-notary-pass' },
      })
    ).body.token;
    const app = (
      await call(server.url, 'POST', `/api/v1/deposits/${id}/notarisation`, {
        token: depositor.token,
        json: { purpose: '诉讼', contact: '021-1234' },
      })
    ).body.application;
    const early = await call(
      server.url,
      'GET',
      `/api/v1/notary/applications/${app.id}/certificate.pdf`,
      { token: depositor.token },
    );
    expect(early.status).to.equal(409);
    expect(early.body.error.code).to.equal('NOT_ISSUED');
    for (const [step, json] of [
      ['claim', undefined],
      ['decision', { decision: 'approve', opinion: '同意出证' }],
      ['issue', undefined],
    ] as const) {
      const r = await call(server.url, 'POST', `/api/v1/notary/applications/${app.id}/${step}`, {
        token: notary,
        ...(json ? { json } : {}),
      });
      expect(r.status, `${step}: ${r.text}`).to.equal(200);
    }
    const issuedApp = (
      await call(server.url, 'GET', `/api/v1/notary/applications/${app.id}`, {
        token: depositor.token,
      })
    ).body.application;
    const nc = await pdf(
      server,
      `/api/v1/notary/applications/${app.id}/certificate.pdf`,
      depositor.token,
    );
    expect(nc.status).to.equal(200);
    const text = pdftotext(nc.bytes, server.config.dataDir);
    expect(text).to.include('公证证明');
    // the legal form with the configured prefix, first of its year; the API keeps the NC id
    expect(issuedApp.certificateNumber).to.match(/^NC\d{10}[0-9X]$/);
    const printed = `（${yearUtc8(issuedApp.issuedAt)}）京东证经字第1号`;
    expect(text.replace(/\s/g, '')).to.include(printed);
    expect(text.replace(/\s/g, '')).to.include(issuedApp.certificateNumber);
    const again = await pdf(
      server,
      `/api/v1/notary/applications/${app.id}/certificate.pdf`,
      notary,
    );
    expectBytes(again.bytes, nc.bytes);

    const v2 = await pdf(server, `/api/v1/deposits/${id}/certificate.pdf`, depositor.token);
    expect(v2.headers.get('x-huicun-certificate')).to.match(new RegExp(`^${id}-2; `));
    expectDifferentBytes(v2.bytes, first);
    const v2text = pdftotext(v2.bytes, server.config.dataDir);
    expect(v2text).to.include('已出具公证证明');
    expect(v2text.replace(/\s/g, '')).to.include(`编号${printed}`);
    expect(v2text.replace(/\s/g, '')).to.include(issuedApp.certificateNumber);

    // the notary's reads name the certificate: each certificate is a view of its own
    expect((await pdf(server, `/api/v1/deposits/${id}/certificate.pdf`, notary)).status).to.equal(
      200,
    );
    const trail = await call(server.url, 'GET', `/api/v1/deposits/${id}/custody`, {
      token: depositor.token,
    });
    const reads = trail.body.items.filter(
      (i: Body) => i.event === 'viewed' && i.actor.role === 'notary',
    );
    expect(reads.map((i: Body) => [i.detail.resource, i.detail.certificate])).to.deep.equal([
      ['certificate', 'notarial'],
      ['certificate', 'deposit'],
    ]);
  });

  it('lets a judge of a court the deposit is shared with download the notarial certificate (a recorded read)', async () => {
    const login = async (username: string, password: string): Promise<string> =>
      (await call(server.url, 'POST', '/api/v1/auth/login', { json: { username, password } })).body
        .token;
    const judge = await login('demo-judge', 'demo-judge-pass');
    const mine = (
      await call(server.url, 'GET', `/api/v1/deposits/${id}`, { token: depositor.token })
    ).body.deposit;
    const app = mine.notarisation.applicationId as string;
    const path = `/api/v1/notary/applications/${app}/certificate.pdf`;
    // before a share the judge may not see it: existence does not leak
    const early = await call(server.url, 'GET', path, { token: judge });
    expect(early.status).to.equal(404);
    expect(early.body.error.code).to.equal('APPLICATION_NOT_FOUND');
    const share = await call(server.url, 'POST', `/api/v1/deposits/${id}/shares`, {
      token: depositor.token,
      json: {
        court: '上海市徐汇区人民法院',
        caseNumber: '（2026）沪0104民初9号',
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    expect(share.status, share.text).to.equal(201);
    const redeemed = await call(server.url, 'POST', '/api/v1/shares/redeem', {
      token: judge,
      json: { code: share.body.code },
    });
    expect(redeemed.status, redeemed.text).to.equal(200);
    // the judge sees the deposit marked issued, with the application to download
    const seen = (await call(server.url, 'GET', `/api/v1/deposits/${id}`, { token: judge })).body
      .deposit;
    expect(seen.notarisation).to.include({ applicationId: app, state: 'issued' });
    const owned = await pdf(server, path, depositor.token);
    const got = await pdf(server, path, judge);
    expect(got.status).to.equal(200);
    expectBytes(got.bytes, owned.bytes);
    const trail = await call(server.url, 'GET', `/api/v1/deposits/${id}/custody`, {
      token: depositor.token,
    });
    const read = trail.body.items.filter(
      (i: Body) =>
        i.event === 'viewed' &&
        i.actor.role === 'judge' &&
        i.receipt.opening.detail.resource === 'certificate' &&
        i.receipt.opening.detail.certificate === 'notarial',
    );
    expect(read).to.have.length(1);
    expect(read[0].receipt.opening.detail.access).to.include({ via: 'share' });
    // revoked, the share lets the judge read nothing more
    const revoked = await call(
      server.url,
      'DELETE',
      `/api/v1/deposits/${id}/shares/${share.body.share.id}`,
      { token: depositor.token },
    );
    expect(revoked.status).to.equal(204);
    expect((await call(server.url, 'GET', path, { token: judge })).status).to.equal(404);
  });

  it('answers 404 to a stranger, for both certificates', async () => {
    const stranger = await registerDepositor(server.url, '李四');
    const r = await call(server.url, 'GET', `/api/v1/deposits/${id}/certificate.pdf`, {
      token: stranger.token,
    });
    expect(r.status).to.equal(404);
    expect(r.body.error.code).to.equal('DEPOSIT_NOT_FOUND');
  });
});

describe('download links for browsers', function () {
  this.timeout(60_000);
  let server: TestServer;
  before(async () => (server = await startTestServer({}, { seeds: true })));
  after(() => server.dispose());

  it('serve the file by link, with Range, bound to the live account; garbage and disabled accounts get 404', async () => {
    const owner = await registerDepositor(server.url, '王五');
    const bytes = new TextEncoder().encode('0123456789 link evidence');
    const form = new FormData();
    form.append('title', 'link');
    form.append('files', new Blob([bytes]), '证据.txt');
    const id = (
      await call(server.url, 'POST', '/api/v1/deposits', { token: owner.token, body: form })
    ).body.deposit.id;
    // Bracketed by the clock around the request, so a slow machine cannot fail it.
    const asked = Date.now();
    const link = await call(server.url, 'POST', `/api/v1/deposits/${id}/files/0/link`, {
      token: owner.token,
    });
    const answered = Date.now();
    expect(link.status).to.equal(201);
    expect(link.body.url).to.match(/^\/dl\/[A-Za-z0-9_-]{22}$/);
    expect(Date.parse(link.body.expiresAt)).to.be.within(
      asked + 30 * 60_000,
      answered + 30 * 60_000,
    );
    const whole = await fetch(server.url + link.body.url);
    expect(whole.status).to.equal(200);
    expect(new Uint8Array(await whole.arrayBuffer())).to.deep.equal(bytes);
    expect(whole.headers.get('content-disposition')).to.include(encodeURIComponent('证据.txt'));
    const part = await fetch(server.url + link.body.url, { headers: { range: 'bytes=0-3' } });
    expect([part.status, await part.text()]).to.deep.equal([206, '0123']);

    const tp = await call(
      server.url,
      'POST',
      `/api/v1/deposits/${id}/receipt/link?format=tlog-proof`,
      { token: owner.token },
    );
    const text = await (await fetch(server.url + tp.body.url)).text();
    expect(text.startsWith('c2sp.org/tlog-proof@v1\n')).to.equal(true);
    const cert = await call(server.url, 'POST', `/api/v1/deposits/${id}/certificate.pdf/link`, {
      token: owner.token,
    });
    const pdfRes = await fetch(server.url + cert.body.url);
    expect(pdfRes.headers.get('content-type')).to.equal('application/pdf');

    expect((await fetch(`${server.url}/dl/AAAAAAAAAAAAAAAAAAAAAA`)).status).to.equal(404);
    expect((await fetch(`${server.url}/dl/../api/v1/health`)).status).to.not.equal(500);
    const admin = (
      await call(server.url, 'POST', '/api/v1/auth/login', {
        json: { username: 'demo-admin', password: 'demo-admin-pass' },
      })
    ).body.token;
    const disabled = await call(server.url, 'PATCH', `/api/v1/admin/users/${owner.user.id}`, {
      token: admin,
      json: { disabled: true, reason: 'test' },
    });
    expect(disabled.status).to.equal(200);
    expect((await fetch(server.url + link.body.url)).status).to.equal(404);
  });
});
