/**
 * The court list over HTTP (docs/courts.md): anyone reads the enabled courts with search (NFKC,
 * any case); the admin lists, renames, disables and enables them, names unique after NFKC, each
 * change an admin entry; judges are bound to a listed court when made, or moved to another;
 * an unknown court is a 400 COURT_UNKNOWN that writes nothing.
 */
import { expect } from 'chai';
import { call, type Body, type Reply } from '../helpers/api.js';
import { makeAccount, startCaseworkServer, type Persona } from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';
import { checkAdminEntries } from '../accounts/admin-entries.js';

function expectError(r: Reply, status: number, code: string, field?: string): void {
  expect(r.status, r.text).to.equal(status);
  expect(r.body.error.code).to.equal(code);
  if (field !== undefined) expect(r.body.error.message).to.contain(`"${field}"`);
}

describe('court list (HTTP)', () => {
  let server: TestServer;
  let admin: Persona;
  let notary: Persona;
  const as = (who: Persona | undefined, method: string, path: string, json?: unknown) =>
    call(server.url, method, path, {
      ...(who ? { token: who.token } : {}),
      ...(json !== undefined ? { json } : {}),
    });
  const names = (r: Reply): string[] => r.body.items.map((c: Body) => c.name);
  const courts: Record<string, Body> = {};

  before(async () => {
    ({ server } = await startCaseworkServer());
    admin = await makeAccount(server, 'admin');
    notary = await makeAccount(server, 'notary');
  });
  after(() => server.dispose());

  it('lists courts the admin adds (201, an admin entry each); nobody else may add', async () => {
    expect((await as(undefined, 'GET', '/api/v1/courts')).body).to.deep.equal({ items: [] });
    for (const c of [
      {
        name: '上海市徐汇区人民法院',
        nameEn: "Shanghai Xuhui District People's Court",
        region: '上海市徐汇区',
      },
      { name: '上海市第一中级人民法院', nameEn: "Shanghai No. 1 Intermediate People's Court" },
      { name: '上海知识产权法院' },
      { name: '上海市浦东新区人民法院（自贸区法庭）' },
    ]) {
      const r = await as(admin, 'POST', '/api/v1/admin/courts', c);
      expect(r.status, r.text).to.equal(201);
      expect(r.body.court).to.include({ ...c, disabled: false });
      expect(r.body.court.id).to.match(/^ct_[0-9a-f]{16}$/);
      courts[c.name] = r.body.court;
    }
    expectError(
      await as(notary, 'POST', '/api/v1/admin/courts', { name: 'x法院' }),
      403,
      'ROLE_FORBIDDEN',
    );
    expectError(
      await as(undefined, 'POST', '/api/v1/admin/courts', { name: 'x法院' }),
      401,
      'AUTH_REQUIRED',
    );
    const list = await as(notary, 'GET', '/api/v1/courts');
    expect(list.body.items).to.have.length(4);
    expect(list.body.items.find((c: Body) => c.name === '上海市徐汇区人民法院')).to.deep.equal({
      id: courts['上海市徐汇区人民法院'].id,
      name: '上海市徐汇区人民法院',
      nameEn: "Shanghai Xuhui District People's Court",
      region: '上海市徐汇区',
    });
    const entries = (await checkAdminEntries(server.store, server.log)).filter(
      (e) => e.opening.action === 'court-created',
    );
    expect(entries.map((e) => e.opening.subject.court.name)).to.deep.equal([
      '上海市徐汇区人民法院',
      '上海市第一中级人民法院',
      '上海知识产权法院',
      '上海市浦东新区人民法院（自贸区法庭）',
    ]);
    expect(entries[0]!.opening.actor).to.deep.equal({ account: admin.id, role: 'admin' });
    expect(entries[0]!.opening.subject.court).to.deep.equal({
      id: courts['上海市徐汇区人民法院'].id,
      name: '上海市徐汇区人民法院',
      nameEn: "Shanghai Xuhui District People's Court",
      region: '上海市徐汇区',
      state: 'active',
    });
  });

  it('refuses bad and duplicate courts (names unique after NFKC), writing nothing', async () => {
    const size = server.log.size;
    const bad: [unknown, number, string, string?][] = [
      [{}, 400, 'INVALID_FIELD', 'name'],
      [{ name: '' }, 400, 'INVALID_FIELD', 'name'],
      [{ name: '法'.repeat(65) }, 400, 'FIELD_TOO_LONG', 'name'],
      [{ name: '法院\u202e' }, 400, 'INVALID_FIELD', 'name'],
      [{ name: '某法院', nameEn: 'x'.repeat(129) }, 400, 'FIELD_TOO_LONG', 'nameEn'],
      [{ name: '某法院', disabled: true }, 400, 'UNKNOWN_FIELD', 'disabled'],
      [['某法院'], 400, 'INVALID_BODY'],
      // the same court typed with ASCII parentheses (NFKC) or extra spaces
      [{ name: ' 上海市浦东新区人民法院(自贸区法庭) ' }, 409, 'COURT_NAME_TAKEN'],
      [{ name: '上海知识产权法院\u3000' }, 409, 'COURT_NAME_TAKEN'],
    ];
    for (const [body, status, code, field] of bad)
      expectError(await as(admin, 'POST', '/api/v1/admin/courts', body), status, code, field);
    expect(server.log.size).to.equal(size);
    expect(server.courts.size).to.equal(4);
  });

  it('searches names, English names and regions (NFKC, any case)', async () => {
    const q = async (text: string): Promise<string[]> =>
      names(await as(undefined, 'GET', `/api/v1/courts?q=${encodeURIComponent(text)}`));
    expect(await q('徐汇')).to.deep.equal(['上海市徐汇区人民法院']);
    expect(await q('XUHUI')).to.deep.equal(['上海市徐汇区人民法院']);
    expect(await q('ｘｕｈｕｉ')).to.deep.equal(['上海市徐汇区人民法院']); // full-width letters
    expect(await q('上海')).to.have.length(4);
    expect(await q('(自贸区')).to.deep.equal(['上海市浦东新区人民法院（自贸区法庭）']);
    expect(await q('北京')).to.deep.equal([]);
    expect(await q('')).to.have.length(4);
    expectError(await as(undefined, 'GET', '/api/v1/courts?q=a&q=b'), 400, 'INVALID_QUERY');
    expectError(
      await as(undefined, 'GET', `/api/v1/courts?q=${'a'.repeat(65)}`),
      400,
      'INVALID_QUERY',
    );
  });

  it('renames, disables and enables a court; disabled courts leave the public list', async () => {
    const id = courts['上海知识产权法院'].id;
    const patch = (json: unknown, target = id) =>
      as(admin, 'PATCH', `/api/v1/admin/courts/${target}`, json);
    const size = server.log.size;
    expectError(await patch({}), 400, 'INVALID_FIELD', 'name');
    expectError(await patch({ disabled: 'yes' }), 400, 'INVALID_FIELD', 'disabled');
    expectError(await patch({ name: '上海市徐汇区人民法院' }), 409, 'COURT_NAME_TAKEN');
    expectError(await patch({ name: 'x' }, 'ct_0000000000000000'), 404, 'COURT_NOT_FOUND');
    expectError(await patch({ name: 'x' }, 'nonsense'), 404, 'COURT_NOT_FOUND');
    expectError(
      await as(notary, 'PATCH', `/api/v1/admin/courts/${id}`, { disabled: true }),
      403,
      'ROLE_FORBIDDEN',
    );
    expect((await patch({ name: '上海知识产权法院' })).status).to.equal(200); // no change
    expect(server.log.size).to.equal(size);

    const renamed = await patch({ name: '上海知识产权法院（浦东）', nameEn: 'Shanghai IP Court' });
    expect(renamed.status, renamed.text).to.equal(200);
    expect(renamed.body.court).to.include({
      id,
      name: '上海知识产权法院（浦东）',
      disabled: false,
    });
    const disabled = await patch({ disabled: true });
    expect(disabled.body.court).to.include({ disabled: true });
    expect(names(await as(undefined, 'GET', '/api/v1/courts'))).not.to.include(
      '上海知识产权法院（浦东）',
    );
    const all = await as(admin, 'GET', '/api/v1/admin/courts');
    expect(all.body.items.find((c: Body) => c.id === id)).to.include({ disabled: true });
    expectError(await as(notary, 'GET', '/api/v1/admin/courts'), 403, 'ROLE_FORBIDDEN');
    expect((await patch({ disabled: false })).body.court.disabled).to.equal(false);
    expect(server.log.size).to.equal(size + 3);
    const updates = (await checkAdminEntries(server.store, server.log)).filter(
      (e) => e.opening.action === 'court-updated',
    );
    expect(
      updates.map((e) => [e.opening.subject.court.name, e.opening.subject.court.state]),
    ).to.deep.equal([
      ['上海知识产权法院（浦东）', 'active'],
      ['上海知识产权法院（浦东）', 'disabled'],
      ['上海知识产权法院（浦东）', 'active'],
    ]);
  });

  it('binds a new judge to a listed court, by courtId or by name; an unknown court writes nothing', async () => {
    const post = (json: Body) => as(admin, 'POST', '/api/v1/admin/users', json);
    const base = { password: 'judge password 1', displayName: '王法官', role: 'judge' };
    const xuhui = courts['上海市徐汇区人民法院'];
    const size = server.log.size;
    expectError(
      await post({ ...base, username: 'j-unknown', court: '徐汇区法院' }),
      400,
      'COURT_UNKNOWN',
    );
    expectError(
      await post({ ...base, username: 'j-unknown', courtId: 'ct_ffffffffffffffff' }),
      400,
      'COURT_UNKNOWN',
    );
    expectError(
      await post({ ...base, username: 'j-unknown', courtId: xuhui.id, court: xuhui.name }),
      400,
      'INVALID_FIELD',
      'court',
    );
    expectError(
      await post({ ...base, username: 'j-unknown', role: 'notary', courtId: xuhui.id }),
      400,
      'INVALID_FIELD',
      'courtId',
    );
    expect(server.log.size).to.equal(size);
    expect(server.accounts.service.store.byUsername('j-unknown')).to.equal(undefined);

    const byId = await post({ ...base, username: 'j-byid', courtId: xuhui.id });
    expect(byId.status, byId.text).to.equal(201);
    expect(byId.body.user).to.include({ court: xuhui.name, courtId: xuhui.id });
    const byName = await post({
      ...base,
      username: 'j-byname',
      court: ' 上海市浦东新区人民法院(自贸区法庭)',
    });
    expect(byName.status, byName.text).to.equal(201);
    expect(byName.body.user).to.include({
      court: '上海市浦东新区人民法院（自贸区法庭）',
      courtId: courts['上海市浦东新区人民法院（自贸区法庭）'].id,
    });
    const created = (await checkAdminEntries(server.store, server.log)).find(
      (e) =>
        e.opening.action === 'account-created' && e.opening.subject.account === byId.body.user.id,
    );
    expect(created!.opening.subject.court).to.deep.equal({ id: xuhui.id, name: xuhui.name });

    // a disabled court takes no new judge
    const closed = (await as(admin, 'POST', '/api/v1/admin/courts', { name: '上海铁路运输法院' }))
      .body.court;
    await as(admin, 'PATCH', `/api/v1/admin/courts/${closed.id}`, { disabled: true });
    expectError(
      await post({ ...base, username: 'j-closed', courtId: closed.id }),
      400,
      'COURT_DISABLED',
    );
  });

  it('moves a judge to another listed court (an admin entry); only judges have a court', async () => {
    const judge = server.accounts.service.store.byUsername('j-byid')!;
    const target = courts['上海市第一中级人民法院'];
    const patch = (id: string, json: unknown) =>
      as(admin, 'PATCH', `/api/v1/admin/users/${id}`, json);
    const size = server.log.size;
    expectError(await patch(judge.id, { courtId: 'ct_0000000000000000' }), 400, 'COURT_UNKNOWN');
    expectError(await patch(notary.id, { courtId: target.id }), 400, 'INVALID_FIELD', 'courtId');
    expectError(await patch(judge.id, { courtId: 7 }), 400, 'INVALID_FIELD', 'courtId');
    expect(server.log.size).to.equal(size);
    const moved = await patch(judge.id, { courtId: target.id });
    expect(moved.status, moved.text).to.equal(200);
    expect(moved.body.user).to.include({ courtId: target.id, court: target.name, disabled: false });
    expect((await patch(judge.id, { courtId: target.id })).status).to.equal(200); // no change
    expect(server.log.size).to.equal(size + 1);
    const entry = (await checkAdminEntries(server.store, server.log)).at(-1)!;
    expect(entry.opening).to.deep.include({ action: 'account-court-changed' });
    expect(entry.opening.subject).to.deep.equal({
      account: judge.id,
      court: { id: target.id, name: target.name },
    });
  });
});
