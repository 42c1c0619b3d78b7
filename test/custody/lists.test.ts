/**
 * What non-owners' lists show (docs/SECURITY.md): a notary's or judge's `GET /api/v1/deposits`
 * and a judge's redemption answer carry the number, the time, the notarisation state and the
 * share's court — no title, name, file name or digest, since a list is not a custody event; the
 * details are one recorded read away. The owner's own list stays whole.
 */
import { expect } from 'chai';
import { call, type Body } from '../helpers/api.js';
import {
  DAY,
  deposit,
  makeAccount,
  makeDepositor,
  startCaseworkServer,
  uploadForm,
  type Persona,
  type TestClock,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';

const COURT = '上海市徐汇区人民法院';
const TITLE = '房屋买卖合同纠纷证据';
const FILE = 'contract-secret.txt';
const LIST_KEYS = ['createdAt', 'id', 'index', 'notarisation'];

describe('custody: what a non-owner’s list shows', () => {
  let server: TestServer;
  let clock: TestClock;
  let owner: Persona;
  let notary: Persona;
  let judge: Persona;
  let made: Body;
  let applicationId: string;
  let redeemed: Body;
  let shareCode: string;

  /** Everything a recorded read would reveal of the deposit. */
  const secrets = (): string[] => {
    const d = made.deposit;
    return [TITLE, FILE, d.files[0].sha256, d.files[0].sm3, d.depositor.name, d.depositor.idMasked];
  };
  const redeem = async (): Promise<Body> => {
    const r = await call(server.url, 'POST', '/api/v1/shares/redeem', {
      token: judge.token,
      json: { code: shareCode },
    });
    expect(r.status, r.text).to.equal(200);
    return r.body;
  };
  const list = async (who: Persona): Promise<Body> => {
    const r = await call(server.url, 'GET', '/api/v1/deposits', { token: who.token });
    expect(r.status, r.text).to.equal(200);
    return r.body;
  };

  before(async () => {
    ({ server, clock } = await startCaseworkServer());
    owner = await makeDepositor(server, '王秘密');
    notary = await makeAccount(server, 'notary', { office: '徐汇公证处' });
    judge = await makeAccount(server, 'judge', { court: COURT });
    made = await deposit(
      server,
      owner.token,
      uploadForm([{ name: FILE, bytes: new TextEncoder().encode('the evidence') }], {
        title: TITLE,
        description: '描述',
      }),
    );
    const applied = await call(
      server.url,
      'POST',
      `/api/v1/deposits/${made.deposit.id}/notarisation`,
      { token: owner.token, json: { purpose: '诉讼', contact: '010' } },
    );
    applicationId = applied.body.application.id;
    const share = await call(server.url, 'POST', `/api/v1/deposits/${made.deposit.id}/shares`, {
      token: owner.token,
      json: {
        court: COURT,
        caseNumber: '(2026)沪0104民初7号',
        expiresAt: new Date(clock.now() + 30 * DAY).toISOString(),
      },
    });
    shareCode = share.body.code;
    redeemed = await redeem();
  });
  after(() => server.dispose());

  it('gives a notary number, time and application state only, and records nothing', async () => {
    const size = server.log.size;
    const body = await list(notary);
    expect(server.log.size, 'a list is not a custody event').to.equal(size);
    expect(body.items).to.deep.equal([
      {
        id: made.deposit.id,
        index: made.deposit.index,
        createdAt: made.deposit.createdAt,
        notarisation: { applicationId, state: 'submitted' },
      },
    ]);
    const text = JSON.stringify(body);
    for (const s of secrets()) expect(text).to.not.include(s);
  });

  it('gives a judge number, time, application state and the share’s court only, and records nothing', async () => {
    const size = server.log.size;
    const body = await list(judge);
    expect(server.log.size, 'a list is not a custody event').to.equal(size);
    expect(body.items).to.have.length(1);
    expect(Object.keys(body.items[0]).sort()).to.deep.equal([...LIST_KEYS, 'share'].sort());
    expect(body.items[0]).to.deep.include({
      id: made.deposit.id,
      createdAt: made.deposit.createdAt,
      share: { court: COURT },
    });
    expect(body.items[0].notarisation.state).to.equal('submitted');
    const text = JSON.stringify(body);
    for (const s of secrets()) expect(text).to.not.include(s);
    expect(text).to.not.include('民初7号');
  });

  it('answers a redemption, first or repeated, with the list item; the details are a recorded read', async () => {
    const item = (await list(judge)).items[0];
    expect(redeemed.deposit).to.deep.equal(item);
    const size = server.log.size;
    const again = await redeem();
    expect(server.log.size, 'a repeated redemption appends nothing').to.equal(size);
    expect(again.deposit).to.deep.equal(item);
    const text = JSON.stringify([redeemed, again]);
    for (const s of secrets()) expect(text).to.not.include(s);
    const trailOf = async (): Promise<string[]> =>
      (
        await call(server.url, 'GET', `/api/v1/deposits/${made.deposit.id}/custody`, {
          token: owner.token,
        })
      ).body.items.map((e: Body) => e.event);
    expect(await trailOf()).to.not.include('viewed');
    const details = await call(server.url, 'GET', `/api/v1/deposits/${made.deposit.id}`, {
      token: judge.token,
    });
    expect(details.body.deposit.title).to.equal(TITLE);
    expect((await trailOf()).filter((e) => e === 'viewed')).to.have.length(1);
  });

  it('keeps the owner’s own list whole', async () => {
    const body = await list(owner);
    expect(body.items).to.have.length(1);
    expect(body.items[0]).to.deep.include({ id: made.deposit.id, title: TITLE });
    expect(body.items[0].files[0].name).to.equal(FILE);
  });
});
