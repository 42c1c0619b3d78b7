/**
 * The journey of issue #4 as new users make it after `npm start` (demo accounts seeded): a
 * depositor deposits and applies; the demo notary claims, approves and issues; the notary makes
 * a counter deposit that its client claims; the depositor shares with the demo judge, who
 * redeems and downloads; the custody trail lists each step in order with receipts that verify
 * against the log; a stranger and an expired share get 404s.
 */
import { expect } from 'chai';
import { call, testIdNumber, type Body } from '../helpers/api.js';
import {
  checkCustodyReceipt,
  DAY,
  sha256hex,
  startCaseworkServer,
  trail,
  uploadForm,
  type TestClock,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const COURT = '上海市徐汇区人民法院';

describe('workflow: deposit, notarisation, counter deposit, court share, custody trail', () => {
  let server: TestServer;
  let clock: TestClock;
  let vkey: string;
  const login = async (username: string, password: string): Promise<string> => {
    const r = await call(server.url, 'POST', '/api/v1/auth/login', {
      json: { username, password },
    });
    expect(r.status, r.text).to.equal(200);
    return r.body.token;
  };
  const register = async (
    username: string,
    realName: string,
    idNumber: string,
  ): Promise<string> => {
    const r = await call(server.url, 'POST', '/api/v1/auth/register', {
      json: {
        username,
        password: 'a long passphrase 1',
        displayName: realName,
        realName,
        idNumber,
      },
    });
    expect(r.status, r.text).to.equal(201);
    return r.body.token;
  };
  const get = (path: string, token?: string) =>
    call(server.url, 'GET', path, token ? { token } : {});
  const post = (path: string, token: string, json: unknown = {}) =>
    call(server.url, 'POST', path, { token, json });

  before(async function () {
    this.timeout(60_000);
    ({ server, clock, vkey } = await startCaseworkServer({ seeds: true }));
  });
  after(() => server.dispose());

  it('walks the journey; the trail lists every step in order with receipts that verify', async function () {
    this.timeout(60_000);
    const notary = await login('demo-notary', 'demo-notary-pass');
    const judge = await login('demo-judge', 'demo-judge-pass');
    const admin = await login('demo-admin', 'demo-admin-pass');
    const owner = await register('wang-wu', '王五', testIdNumber(701));
    const contract = utf8('%PDF-1.7 借款合同 2026');

    // 1. The depositor deposits two files and applies for notarisation.
    const made = await call(server.url, 'POST', '/api/v1/deposits', {
      token: owner,
      body: uploadForm(
        [
          { name: '借款合同.pdf', bytes: contract },
          { name: 'chat.txt', bytes: utf8('王五: 已转账') },
        ],
        { title: '借款纠纷证据', description: '合同与聊天记录' },
      ),
    });
    expect(made.status, made.text).to.equal(201);
    const id: string = made.body.deposit.id;
    const salt: string = made.body.receipt.opening.salt;
    const applied = await post(`/api/v1/deposits/${id}/notarisation`, owner, {
      purpose: '民事诉讼举证',
      contact: '13800000000',
      note: '请尽快办理',
    });
    expect(applied.status, applied.text).to.equal(201);
    const app = applied.body.application;
    expect(app).to.include({ depositId: id, state: 'submitted', purpose: '民事诉讼举证' });
    expect(app.id).to.match(/^NA\d{10}[0-9X]$/);
    expect((await get(`/api/v1/deposits/${id}`, owner)).body.deposit.notarisation).to.deep.equal({
      applicationId: app.id,
      state: 'submitted',
    });

    // 2. The demo notary sees the queue, inspects files, digests and trail, claims, approves, issues.
    const queue = await get('/api/v1/notary/applications?state=submitted', notary);
    expect(queue.body.items.map((a: Body) => a.id)).to.include(app.id);
    const seen = await get(`/api/v1/deposits/${id}`, notary);
    expect(seen.status).to.equal(200);
    expect(seen.body.deposit.files[0].sha256).to.equal(sha256hex(contract));
    await get(`/api/v1/deposits/${id}`, notary); // the same view within the hour: one event
    const file = await fetch(`${server.url}/api/v1/deposits/${id}/files/0`, {
      headers: { authorization: `Bearer ${notary}` },
    });
    expect(new Uint8Array(await file.arrayBuffer())).to.deep.equal(contract);
    expect((await get(`/api/v1/deposits/${id}/custody`, notary)).status).to.equal(200);
    const claimed = await post(`/api/v1/notary/applications/${app.id}/claim`, notary);
    expect(claimed.body.application).to.include({ state: 'in_review' });
    const approved = await post(`/api/v1/notary/applications/${app.id}/decision`, notary, {
      decision: 'approve',
      opinion: '同意出证',
    });
    expect(approved.body.application.state).to.equal('approved');
    const issued = await post(`/api/v1/notary/applications/${app.id}/issue`, notary);
    expect(issued.status, issued.text).to.equal(200);
    const certificateNumber = issued.body.application.certificateNumber;
    expect(certificateNumber).to.match(/^NC\d{10}[0-9X]$/);
    expect(issued.body.application.state).to.equal('issued');
    expect((await get(`/api/v1/deposits/${id}`, owner)).body.deposit.notarisation).to.deep.equal({
      applicationId: app.id,
      state: 'issued',
      certificateNumber,
    });

    // 3. A counter deposit for a walk-in client, who registers and claims it.
    const clientId = testIdNumber(702);
    const counter = await call(server.url, 'POST', '/api/v1/notary/counter-deposits', {
      token: notary,
      body: uploadForm([{ name: '现场照片.jpg', bytes: utf8('JPEG bytes') }], {
        title: '窗口办理存证',
        clientName: '赵六',
        clientIdNumber: clientId,
      }),
    });
    expect(counter.status, counter.text).to.equal(201);
    const opening = counter.body.receipt.opening;
    expect(opening.depositor).to.deep.equal({
      name: '赵六',
      idMasked: `${clientId.slice(0, 4)}**********${clientId.slice(-4)}`,
      verification: 'in-person',
    });
    expect(opening.agent).to.deep.equal({
      account: opening.agent.account,
      name: '演示公证员 Demo Notary',
      role: 'notary',
      office: '上海市徐汇公证处',
    });
    expect(counter.body.claimCode).to.match(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    const client = await register('zhao-liu', '赵六', clientId);
    const take = await post('/api/v1/deposits/claim', client, { code: counter.body.claimCode });
    expect(take.status, take.text).to.equal(200);
    expect((await get(`/api/v1/deposits/${take.body.deposit.id}`, client)).status).to.equal(200);
    const counterTrail = await trail(server, client, take.body.deposit.id);
    expect(counterTrail.map((e) => e.event)).to.deep.equal(['claimed']);
    checkCustodyReceipt(counterTrail[0].receipt, vkey, opening.salt);

    // 4. Court sharing: the demo judge redeems and reads, downloads a file and the receipt (the
    //    receipt joins the view of the details: one view, src/custody/window.ts).
    const share = await post(`/api/v1/deposits/${id}/shares`, owner, {
      court: COURT,
      caseNumber: '(2026)沪0104民初1234号',
      expiresAt: new Date(clock.now() + 30 * DAY).toISOString(),
    });
    expect(share.status, share.text).to.equal(201);
    expect(share.body.code).to.match(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect((await get(`/api/v1/deposits/${id}`, judge)).status).to.equal(404); // not yet redeemed
    const redeemed = await post('/api/v1/shares/redeem', judge, {
      code: share.body.code.toLowerCase().replace(/-/g, ' '),
    });
    expect(redeemed.status, redeemed.text).to.equal(200);
    expect(redeemed.body.deposit.id).to.equal(id);
    expect((await get(`/api/v1/deposits/${id}`, judge)).status).to.equal(200);
    const download = await fetch(`${server.url}/api/v1/deposits/${id}/files/0`, {
      headers: { authorization: `Bearer ${judge}` },
    });
    expect(download.status).to.equal(200);
    expect(sha256hex(new Uint8Array(await download.arrayBuffer()))).to.equal(sha256hex(contract));
    expect((await get(`/api/v1/deposits/${id}/receipt`, judge)).status).to.equal(200);
    const shares = await get(`/api/v1/deposits/${id}/shares`, owner);
    expect(shares.body.items[0].redemptions[0].judge).to.deep.equal({
      displayName: '演示法官 Demo Judge',
      court: COURT,
    });
    expect(JSON.stringify(shares.body)).to.not.include(share.body.code);

    // 5. The trail: each step in order, each receipt verifies against the log.
    const items = await trail(server, owner, id);
    expect(items.map((e) => [e.event, e.actor.role])).to.deep.equal([
      ['notarisation-submitted', 'depositor'],
      ['viewed', 'notary'],
      ['downloaded', 'notary'],
      ['notarisation-claimed', 'notary'],
      ['notarisation-approved', 'notary'],
      ['notarisation-issued', 'notary'],
      ['shared', 'depositor'],
      ['share-redeemed', 'judge'],
      ['viewed', 'judge'],
      ['downloaded', 'judge'],
    ]);
    let lastIndex = -1;
    for (const item of items) {
      const o = checkCustodyReceipt(item.receipt, vkey, salt);
      expect(o).to.include({
        deposit: id,
        event: item.event,
        time: item.time,
        eventId: item.eventId,
      });
      expect(o.actor).to.include({ role: item.actor.role, displayName: item.actor.displayName });
      expect(item.receipt.index).to.be.above(lastIndex);
      lastIndex = item.receipt.index;
      const logged = await get(`/api/v1/log/entries/${item.receipt.index}`);
      expect(logged.body.entry).to.equal(item.receipt.entry);
    }
    expect(items[5].detail.certificateNumber).to.equal(certificateNumber);
    expect(items[8].detail).to.deep.include({ resource: 'details' });
    expect(items).to.have.length(10); // no second view for the judge's receipt
    // Everyone who may read the deposit sees the same, whole trail.
    expect((await trail(server, judge, id)).map((e) => e.eventId)).to.deep.equal(
      items.map((e) => e.eventId),
    );

    // 6. A stranger gets 404 everywhere; an expired share gets 404.
    const stranger = await register('stranger-1', '陌生人', testIdNumber(703));
    for (const path of ['', '/receipt', '/files/0', '/custody', '/shares']) {
      const r = await get(`/api/v1/deposits/${id}${path}`, stranger);
      expect(r.status, path).to.equal(404);
      expect(r.body.error.code).to.equal('DEPOSIT_NOT_FOUND');
    }
    const created = await call(server.url, 'POST', '/api/v1/admin/users', {
      token: admin,
      json: {
        username: 'judge-two',
        password: 'judge two passphrase',
        role: 'judge',
        displayName: '李法官',
        court: ` ${COURT} `,
      },
    });
    expect(created.status, created.text).to.equal(201);
    const judge2 = await login('judge-two', 'judge two passphrase');
    const short = await post(`/api/v1/deposits/${id}/shares`, owner, {
      court: COURT,
      caseNumber: '(2026)沪0104民初9999号',
      expiresAt: new Date(clock.now() + DAY).toISOString(),
    });
    expect(
      (await post('/api/v1/shares/redeem', judge2, { code: short.body.code })).status,
    ).to.equal(200);
    expect((await get(`/api/v1/deposits/${id}`, judge2)).status).to.equal(200);
    clock.advance(2 * DAY);
    for (const path of ['', '/receipt', '/files/0', '/custody']) {
      expect((await get(`/api/v1/deposits/${id}${path}`, judge2)).status, path).to.equal(404);
    }
    const again = await post('/api/v1/shares/redeem', judge2, { code: short.body.code });
    expect([again.status, again.body.error.code]).to.deep.equal([404, 'SHARE_EXPIRED']);
    expect((await get(`/api/v1/deposits/${id}`, judge)).status).to.equal(200); // 30-day share

    // 7. The administrator disables the stranger: their token stops working at once, and stays
    //    dead when the account is enabled again; a new sign-in works.
    const strangerId = server.accounts.service.store.byUsername('stranger-1')!.id;
    const disable = (disabled: boolean) =>
      call(server.url, 'PATCH', `/api/v1/admin/users/${strangerId}`, {
        token: admin,
        json: disabled ? { disabled, reason: '陌生人账户' } : { disabled },
      });
    expect((await disable(true)).body.user.disabled).to.equal(true);
    const refused = await get('/api/v1/deposits', stranger);
    expect([refused.status, refused.body.error.code]).to.deep.equal([401, 'ACCOUNT_DISABLED']);
    await disable(false);
    const stale = await get('/api/v1/deposits', stranger);
    expect([stale.status, stale.body.error.code]).to.deep.equal([401, 'TOKEN_INVALID']);
    const fresh = await login('stranger-1', 'a long passphrase 1');
    expect((await get('/api/v1/deposits', fresh)).status).to.equal(200);
  });
});
