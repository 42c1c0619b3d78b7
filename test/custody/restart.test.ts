/**
 * After a restart the workflows load their state from the records written with their custody
 * events: applications, shares and claim codes work as before.
 */
import { expect } from 'chai';
import { loadConfig, type Config } from '../../src/config/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { call, registerDepositor, type Body } from '../helpers/api.js';
import { DAY, hashOnly, makeAccount } from '../helpers/casework.js';
import { tempDir } from '../helpers/log-fixture.js';

describe('custody workflows across a restart', () => {
  const tmp = tempDir('huicun-restart-');
  let config: Config;
  let server: RunningServer;
  after(() => tmp.remove());

  it('keeps applications, shares and claim codes', async function () {
    this.timeout(30_000);
    config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      HUICUN_DATA_DIR: `${tmp.dir}/data`,
      HUICUN_CERTS_DIR: `${tmp.dir}/certs`,
      HUICUN_ORIGIN: 'restart-test.huicun.localhost/log',
      HUICUN_RATE_LIMITS: 'off',
    });
    server = await startServer(config, { seeds: false });
    const post = (path: string, token: string, json: unknown = {}) =>
      call(server.url, 'POST', path, { token, json });
    const owner = await registerDepositor(server.url);
    const client = await registerDepositor(server.url, '赵六');
    const notary = await makeAccount(server, 'notary');
    const judge = await makeAccount(server, 'judge', { court: '徐汇法院' });
    const made: Body = (await post('/api/v1/deposits', owner.token, hashOnly('重启'))).body;
    const id = made.deposit.id;
    const app = (
      await post(`/api/v1/deposits/${id}/notarisation`, owner.token, { purpose: 'p', contact: 'c' })
    ).body.application;
    await post(`/api/v1/notary/applications/${app.id}/claim`, notary.token);
    const share = (
      await post(`/api/v1/deposits/${id}/shares`, owner.token, {
        court: '徐汇法院',
        caseNumber: 'c',
        expiresAt: new Date(Date.now() + DAY).toISOString(),
      })
    ).body;
    await post('/api/v1/shares/redeem', judge.token, { code: share.code });
    const counter = (
      await post('/api/v1/notary/counter-deposits', notary.token, {
        ...hashOnly('窗口'),
        clientName: '赵六',
        clientIdNumber: client.idNumber,
      })
    ).body;
    const trailBefore = (
      await call(server.url, 'GET', `/api/v1/deposits/${id}/custody`, { token: owner.token })
    ).body.items;
    await server.close();

    server = await startServer(config, { seeds: false });
    const get = (path: string, token: string) => call(server.url, 'GET', path, { token });
    expect(
      (await get(`/api/v1/deposits/${id}`, owner.token)).body.deposit.notarisation,
    ).to.deep.equal({
      applicationId: app.id,
      state: 'in_review',
    });
    expect((await get(`/api/v1/deposits/${id}`, notary.token)).status).to.equal(200);
    expect((await get(`/api/v1/deposits/${id}`, judge.token)).status).to.equal(200);
    const decided = await post(`/api/v1/notary/applications/${app.id}/decision`, notary.token, {
      decision: 'approve',
      opinion: '同意出证',
    });
    expect(decided.body.application.history.map((h: Body) => h.state)).to.deep.equal([
      'submitted',
      'in_review',
      'approved',
    ]);
    const claimed = await post('/api/v1/deposits/claim', client.token, { code: counter.claimCode });
    expect(claimed.status, claimed.text).to.equal(200);
    const trailAfter = (await get(`/api/v1/deposits/${id}/custody`, owner.token)).body.items;
    expect(trailAfter.slice(0, trailBefore.length).map((e: Body) => e.eventId)).to.deep.equal(
      trailBefore.map((e: Body) => e.eventId),
    );
    expect(trailAfter.map((e: Body) => e.event).slice(trailBefore.length)).to.deep.equal([
      'viewed',
      'viewed',
      'notarisation-approved',
    ]);
    await server.close();
  });
});
