/**
 * Share details and file names in a custody trail (docs/SECURITY.md): reading the trail is not a
 * custody event, so a share's court and case number are shown to the owner and to judges of the
 * court the share names, file names and digests of downloads to the owner only. A withheld item
 * names the keys left out and carries its receipt without the opening, which still proves the
 * event's inclusion and its deposit's custody tag; every reader sees the same events.
 */
import { expect } from 'chai';
import {
  decodeBase64,
  openNote,
  parseCheckpoint,
  parseVkey,
  rfc6962,
  verifyInclusion,
} from '../../src/log/index.js';
import { call, type Body } from '../helpers/api.js';
import {
  checkCustodyReceipt,
  DAY,
  deposit,
  expectedTag,
  makeAccount,
  makeDepositor,
  startCaseworkServer,
  trail,
  uploadForm,
  type Persona,
  type TestClock,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';

const COURT_A = '上海市徐汇区人民法院';
const COURT_B = '北京互联网法院';
const CASE_A = '(2026)沪0104民初11号';
const CASE_B = '(2026)京0491民初22号';
const CASE_B_REVOKED = '(2026)京0491民初33号';
const FILE = 'lease-secret.pdf';

describe('court sharing: share details and file names in the custody trail', () => {
  let server: TestServer;
  let clock: TestClock;
  let vkey: string;
  let owner: Persona;
  let judgeA: Persona;
  let judgeB: Persona;
  let notary: Persona;
  let id: string;
  let salt: string;
  let sha256: string;

  const share = async (court: string, caseNumber: string): Promise<Body> => {
    const r = await call(server.url, 'POST', `/api/v1/deposits/${id}/shares`, {
      token: owner.token,
      json: { court, caseNumber, expiresAt: new Date(clock.now() + 30 * DAY).toISOString() },
    });
    expect(r.status, r.text).to.equal(201);
    return r.body;
  };
  const redeem = async (judge: Persona, code: string): Promise<void> => {
    const r = await call(server.url, 'POST', '/api/v1/shares/redeem', {
      token: judge.token,
      json: { code },
    });
    expect(r.status, r.text).to.equal(200);
  };
  /** The court of each share event, by event id (from the owner’s full trail). */
  const courtOf = new Map<string, string>();

  /** A receipt without its opening still proves the entry's inclusion and its custody tag. */
  const checkWithheldReceipt = (receipt: Body): void => {
    expect(receipt).to.not.have.property('opening');
    const bytes = decodeBase64(receipt.entry);
    const entry = JSON.parse(new TextDecoder().decode(bytes));
    expect(entry).to.include({ type: 'custody', id: expectedTag(salt) });
    const cp = parseCheckpoint(openNote(receipt.checkpoint, [parseVkey(vkey)]).text);
    verifyInclusion(
      receipt.index,
      cp.size,
      rfc6962.hashLeaf(bytes),
      receipt.proof.map(decodeBase64),
      cp.root,
      rfc6962,
    );
  };

  before(async () => {
    ({ server, clock, vkey } = await startCaseworkServer());
    owner = await makeDepositor(server);
    judgeA = await makeAccount(server, 'judge', { court: COURT_A });
    judgeB = await makeAccount(server, 'judge', { court: COURT_B });
    notary = await makeAccount(server, 'notary', { office: '徐汇公证处' });
    const d = await deposit(
      server,
      owner.token,
      uploadForm([{ name: FILE, bytes: new TextEncoder().encode('lease terms') }]),
    );
    id = d.deposit.id;
    salt = d.receipt.opening.salt;
    sha256 = d.deposit.files[0].sha256;
    await call(server.url, 'POST', `/api/v1/deposits/${id}/notarisation`, {
      token: owner.token,
      json: { purpose: '诉讼', contact: '010' },
    });
    const a = await share(COURT_A, CASE_A);
    const b = await share(COURT_B, CASE_B);
    const revoked = await share(COURT_B, CASE_B_REVOKED);
    const del = await call(
      server.url,
      'DELETE',
      `/api/v1/deposits/${id}/shares/${revoked.share.id}`,
      { token: owner.token },
    );
    expect(del.status).to.equal(204);
    await redeem(judgeA, a.code);
    await redeem(judgeB, b.code);
    const got = await fetch(`${server.url}/api/v1/deposits/${id}/files/0`, {
      headers: { authorization: `Bearer ${judgeA.token}` },
    });
    expect(got.status).to.equal(200);
    await got.arrayBuffer();
    for (const e of await trail(server, owner.token, id))
      if (typeof e.detail?.court === 'string') courtOf.set(e.eventId, e.detail.court);
  });
  after(() => server.dispose());

  it('shows the owner every share’s court and case number and the downloaded file, with full receipts', async () => {
    const items = await trail(server, owner.token, id);
    const shares = items.filter((e) => e.event.startsWith('share'));
    expect(shares.map((e) => [e.event, e.detail.court, e.detail.caseNumber])).to.deep.equal([
      ['shared', COURT_A, CASE_A],
      ['shared', COURT_B, CASE_B],
      ['shared', COURT_B, CASE_B_REVOKED],
      ['share-revoked', COURT_B, CASE_B_REVOKED],
      ['share-redeemed', COURT_A, CASE_A],
      ['share-redeemed', COURT_B, CASE_B],
    ]);
    const download = items.find((e) => e.event === 'downloaded')!;
    expect(download.detail).to.deep.include({ file: 0, name: FILE, sha256 });
    for (const e of items) {
      expect(e).to.not.have.property('withheld');
      checkCustodyReceipt(e.receipt, vkey, salt);
    }
  });

  for (const [who, own, others] of [
    ['A', COURT_A, [COURT_B, CASE_B, CASE_B_REVOKED]],
    ['B', COURT_B, [COURT_A, CASE_A]],
  ] as const) {
    it(`shows court ${who}'s judge their own court's shares whole and the other court's without court or case number`, async () => {
      const judge = who === 'A' ? judgeA : judgeB;
      const items = await trail(server, judge.token, id);
      const owners = await trail(server, owner.token, id);
      expect(items.map((e) => e.eventId)).to.deep.equal(owners.map((e) => e.eventId));
      for (const e of items.filter((x) => courtOf.has(x.eventId))) {
        if (courtOf.get(e.eventId) === own) {
          expect(e.detail.court).to.equal(own);
          expect(e).to.not.have.property('withheld');
          checkCustodyReceipt(e.receipt, vkey, salt);
        } else {
          expect(e.withheld).to.deep.equal(
            e.event === 'shared'
              ? ['court', 'courtId', 'caseNumber', 'expiresAt']
              : ['court', 'courtId', 'caseNumber'],
          );
          expect(Object.keys(e.detail)).to.deep.equal(['shareId']);
          checkWithheldReceipt(e.receipt);
        }
      }
      const text = JSON.stringify(items);
      for (const s of others) expect(text).to.not.include(s);
      expect(text).to.not.include(FILE).and.not.include(sha256);
    });
  }

  it('shows a notary no share’s court or case number and no file name or digest', async () => {
    const items = await trail(server, notary.token, id);
    const text = JSON.stringify(items);
    for (const s of [COURT_A, COURT_B, CASE_A, CASE_B, CASE_B_REVOKED, FILE, sha256])
      expect(text).to.not.include(s);
    const download = items.find((e) => e.event === 'downloaded')!;
    expect(download.withheld).to.deep.equal(['name', 'sha256']);
    expect(download.detail).to.deep.equal({
      file: 0,
      access: { via: 'share', shareId: download.detail.access.shareId },
    });
    checkWithheldReceipt(download.receipt);
    // Events without withheld facts keep their receipts whole.
    for (const e of items.filter((x) => x.withheld === undefined))
      checkCustodyReceipt(e.receipt, vkey, salt);
  });
});
