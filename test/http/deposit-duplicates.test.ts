/**
 * `GET /api/v1/deposits?sha256=`: the depositor's own deposits holding a file, so the web app can
 * warn before the same file is deposited again (docs/web.md). Another account's deposits of the
 * same file are never revealed; notaries and judges cannot filter by digest.
 */
import { expect } from 'chai';
import { call } from '../helpers/api.js';
import {
  deposit,
  hashOnly,
  makeAccount,
  makeDepositor,
  sha256hex,
  startCaseworkServer,
  uploadForm,
  type Persona,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';

describe('deposits API: own deposits of one file (duplicate warning)', () => {
  let server: TestServer;
  let alice: Persona;
  let bob: Persona;
  const bytes = new TextEncoder().encode('the same contract, twice');
  const sha = sha256hex(bytes);

  before(async () => {
    ({ server } = await startCaseworkServer());
    alice = await makeDepositor(server, '张三');
    bob = await makeDepositor(server, '李四');
  });
  after(() => server.dispose());

  const bySha = (token: string, query: string) =>
    call(server.url, 'GET', `/api/v1/deposits?${query}`, { token });

  it('lists only the caller’s deposits holding that SHA-256, newest first', async () => {
    expect((await bySha(alice.token, `sha256=${sha}`)).body).to.deep.equal({
      items: [],
      nextCursor: null,
    });
    const first = await deposit(server, alice.token, uploadForm([{ name: '合同.pdf', bytes }]));
    await deposit(server, alice.token, hashOnly('另一份', 'ef'.repeat(32)));
    const second = await deposit(server, alice.token, hashOnly('同一合同（仅摘要）', sha));
    await deposit(server, bob.token, hashOnly('别人的同一文件', sha));
    const mine = await bySha(alice.token, `sha256=${sha}`);
    expect(mine.status).to.equal(200);
    expect(mine.body.items.map((d: { id: string }) => d.id)).to.deep.equal([
      second.deposit.id,
      first.deposit.id,
    ]);
    expect(mine.body.items[1].files[0]).to.include({ name: '合同.pdf', sha256: sha });
    expect((await bySha(alice.token, `sha256=${sha}&limit=1`)).body.items).to.have.length(1);
    const bobs = await bySha(bob.token, `sha256=${sha}`);
    expect(bobs.body.items.map((d: { title: string }) => d.title)).to.deep.equal([
      '别人的同一文件',
    ]);
  });

  it('refuses a malformed digest, a cursor, and callers other than depositors', async () => {
    for (const q of [`sha256=${sha.toUpperCase()}`, 'sha256=abc', `sha256=${sha}&sha256=${sha}`]) {
      const r = await bySha(alice.token, q);
      expect([r.status, r.body.error.code], q).to.deep.equal([400, 'INVALID_QUERY']);
    }
    const paged = await bySha(alice.token, `sha256=${sha}&cursor=3`);
    expect([paged.status, paged.body.error.code]).to.deep.equal([400, 'INVALID_QUERY']);
    const notary = await makeAccount(server, 'notary');
    const r = await bySha(notary.token, `sha256=${sha}`);
    expect([r.status, r.body.error.code]).to.deep.equal([400, 'INVALID_QUERY']);
  });
});
