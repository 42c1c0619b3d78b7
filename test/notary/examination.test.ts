/**
 * The examination of a notarisation decision over HTTP (issue 12 point 5): the system checks run
 * on the server (the review page's checklist, then again at the decision, stored with their
 * results and time), the notary's attestations and opinion in the decision body, the decision's
 * custody event committing to all of it, an approval refused while a check fails, and the
 * notarial certificate printing exactly what was examined.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, type Body, type Reply } from '../helpers/api.js';
import {
  checkCustodyReceipt,
  deposit,
  hashOnly,
  makeAccount,
  makeDepositor,
  startCaseworkServer,
  trail,
  uploadForm,
  type Persona,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';

function expectError(r: Reply, status: number, code: string): void {
  expect(r.status, r.text).to.equal(status);
  expect(r.body.error.code).to.equal(code);
}

const OPINION = '经审查，申请人提交的电子数据与存证记录一致。\n同意出具公证证明。';

describe('the examination of a notarisation decision (HTTP)', function () {
  this.timeout(60_000);
  let server: TestServer;
  let vkey: string;
  let owner: Persona;
  let notary: Persona;
  let other: Persona;
  const post = (path: string, who: Persona, json: unknown = {}) =>
    call(server.url, 'POST', path, { token: who.token, json });
  const get = (path: string, who: Persona) => call(server.url, 'GET', path, { token: who.token });
  const checksOf = (app: string, who: Persona) =>
    get(`/api/v1/notary/applications/${app}/system-checks`, who);
  const decide = (app: string, json: unknown, who: Persona = notary) =>
    post(`/api/v1/notary/applications/${app}/decision`, who, json);

  /** A deposit of the owner (upload of two files, or hash-only) with a claimed application. */
  async function inReview(kind: 'upload' | 'hash-only'): Promise<{ app: string; d: Body }> {
    const d = await deposit(
      server,
      owner.token,
      kind === 'upload'
        ? uploadForm([
            { name: 'contract.txt', bytes: new TextEncoder().encode('the contract') },
            { name: 'chat.txt', bytes: new TextEncoder().encode('the chat') },
          ])
        : hashOnly('摘要存证'),
    );
    const a = await post(`/api/v1/deposits/${d.deposit.id}/notarisation`, owner, {
      purpose: '诉讼',
      contact: 'owner@example.com',
    });
    expect(a.status, a.text).to.equal(201);
    const app = a.body.application.id as string;
    expect((await post(`/api/v1/notary/applications/${app}/claim`, notary)).status).to.equal(200);
    return { app, d };
  }

  before(async () => {
    ({ server, vkey } = await startCaseworkServer());
    owner = await makeDepositor(server);
    notary = await makeAccount(server, 'notary', { office: '徐汇公证处', displayName: '王公证员' });
    other = await makeAccount(server, 'notary', { office: '徐汇公证处' });
  });
  after(() => server.dispose());

  it('runs the system checks for the review page: the stored files recomputed, the logged entry, its inclusion and signature', async () => {
    const { app } = await inReview('upload');
    const asked = Date.now();
    const r = await checksOf(app, notary);
    const answered = Date.now();
    expect(r.status, r.text).to.equal(200);
    expect(r.headers.get('cache-control')).to.equal('no-store');
    const { system } = r.body;
    expect(system.checks).to.deep.equal([
      { id: 'files', result: 'pass', files: 2 },
      { id: 'commitment', result: 'pass' },
      { id: 'inclusion', result: 'pass' },
      { id: 'signature', result: 'pass' },
    ]);
    expect(system.treeSize).to.equal(server.log.size);
    expect(system.logKey).to.equal(vkey.split('+').slice(0, 2).join('+'));
    expect(Date.parse(system.at)).to.be.within(asked, answered);
    // a hash-only deposit has no files to recompute: not applicable, not passed
    const hashed = await inReview('hash-only');
    const h = (await checksOf(hashed.app, notary)).body.system.checks;
    expect(h[0]).to.deep.equal({ id: 'files', result: 'not-applicable' });
  });

  it('shows the checks only to the claiming notary, while the application is in review', async () => {
    const { app } = await inReview('upload');
    expectError(await checksOf(app, other), 404, 'APPLICATION_NOT_FOUND');
    expectError(await checksOf(app, owner), 403, 'ROLE_FORBIDDEN');
    const d = await deposit(server, owner.token, hashOnly('未受理'));
    const submitted = await post(`/api/v1/deposits/${d.deposit.id}/notarisation`, owner, {
      purpose: '诉讼',
      contact: 'x',
    });
    expectError(await checksOf(submitted.body.application.id, notary), 409, 'ILLEGAL_TRANSITION');
  });

  it('checks the decision body: an approval needs the opinion; attestations are one of their values; nothing is written', async () => {
    const { app } = await inReview('upload');
    const size = server.log.size;
    expectError(await decide(app, { decision: 'approve' }), 400, 'OPINION_REQUIRED');
    expectError(
      await decide(app, { decision: 'approve', opinion: ' \n ' }),
      400,
      'OPINION_REQUIRED',
    );
    expectError(
      await decide(app, { decision: 'approve', opinion: 'o', identitySeen: 'seen' }),
      400,
      'INVALID_FIELD',
    );
    expectError(
      await decide(app, { decision: 'approve', opinion: 'o', custodyTrailReviewed: 'yes' }),
      400,
      'INVALID_FIELD',
    );
    expectError(
      await decide(app, { decision: 'approve', opinion: 'a\u202eb' }),
      400,
      'INVALID_FIELD',
    );
    expectError(
      await decide(app, { decision: 'approve', opinion: 'x'.repeat(2001) }),
      400,
      'FIELD_TOO_LONG',
    );
    expect(server.log.size).to.equal(size);
    const state = (await get(`/api/v1/notary/applications/${app}`, notary)).body.application;
    expect(state.state).to.equal('in_review');
  });

  it('stores the checks, the attestations made and the opinion with the approval; its custody event commits to them', async () => {
    const { app, d } = await inReview('upload');
    const r = await decide(app, {
      decision: 'approve',
      opinion: OPINION,
      identitySeen: 'in-person',
      custodyTrailReviewed: true,
    });
    expect(r.status, r.text).to.equal(200);
    const { examination, at } = r.body.application.decision;
    expect(examination.system.checks.map((c: Body) => `${c.id}:${c.result}`)).to.deep.equal([
      'files:pass',
      'commitment:pass',
      'inclusion:pass',
      'signature:pass',
    ]);
    expect(Date.parse(examination.system.at)).to.be.at.most(Date.parse(at));
    expect(examination.attestations).to.deep.equal({
      identity: 'in-person',
      custodyTrailReviewed: true,
    });
    expect(examination.opinion).to.equal(OPINION);
    const events = await trail(server, owner.token, d.deposit.id);
    const approved = events.find((e) => e.event === 'notarisation-approved')!;
    const opening = checkCustodyReceipt(approved.receipt, vkey, d.receipt.opening.salt);
    expect(opening.detail.examination).to.deep.equal(examination);
  });

  it('presumes no attestation: without them, none is stored', async () => {
    const { app } = await inReview('hash-only');
    const r = await decide(app, { decision: 'approve', opinion: '同意' });
    expect(r.status, r.text).to.equal(200);
    expect(r.body.application.decision.examination.attestations).to.deep.equal({
      identity: 'not-seen',
      custodyTrailReviewed: false,
    });
  });

  it('refuses an approval while a stored file no longer matches (409 EXAMINATION_FAILED); a rejection records the failure', async () => {
    const { app, d } = await inReview('upload');
    const blob = server.blobs.path(d.deposit.files[1].sha256);
    chmodSync(blob, 0o600);
    writeFileSync(blob, 'the chat, changed on disk');
    const shown = (await checksOf(app, notary)).body.system.checks[0];
    expect(shown).to.deep.equal({ id: 'files', result: 'fail', files: 2, failed: [1] });
    const size = server.log.size;
    const refused = await decide(app, { decision: 'approve', opinion: OPINION });
    expectError(refused, 409, 'EXAMINATION_FAILED');
    expect(refused.body.error.message).to.include('(files)');
    expect(server.log.size).to.equal(size);
    const rejected = await decide(app, { decision: 'reject', reason: '文件已损坏' });
    expect(rejected.status, rejected.text).to.equal(200);
    expect(rejected.body.application.decision.examination.system.checks[0]).to.deep.include({
      result: 'fail',
      failed: [1],
    });
  });

  it('prints on the notarial certificate exactly what was examined', async () => {
    const { app } = await inReview('upload');
    await decide(app, { decision: 'approve', opinion: OPINION, identitySeen: 'video' });
    expect((await post(`/api/v1/notary/applications/${app}/issue`, notary)).status).to.equal(200);
    const res = await fetch(`${server.url}/api/v1/notary/applications/${app}/certificate.pdf`, {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(res.status).to.equal(200);
    const file = join(server.config.dataDir, 'examined.pdf');
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const flat = text.stdout.replace(/\s/g, '');
    for (const s of [
      '平台核验',
      '重新读取平台保管的2个文件',
      '——通过',
      '公证员通过视频查验了申请人的身份证件',
      '经审查，申请人提交的电子数据与存证记录一致。',
      '同意出具公证证明。',
    ])
      expect(flat).to.include(s);
    // not attested, so not printed; and none of the old hard-coded claims
    expect(flat).to.not.include('未见异常');
    expect(flat).to.not.include('公证员当面');
    expect(flat).to.not.include('申请人的身份信息与存证人的实名信息一致');
  });
});
