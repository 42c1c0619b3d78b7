/**
 * The custody trail a page at a time (issue 12 point 8, docs/SECURITY.md "The custody trail"):
 * `GET …/custody?limit=&cursor=&event=` → `{items, nextCursor, total}`; without parameters the
 * whole trail, as before; pages join up to the whole trail; a filter keeps only its events;
 * bad parameters are 400 INVALID_QUERY.
 */
import { expect } from 'chai';
import { call, type Body } from '../helpers/api.js';
import {
  deposit,
  makeAccount,
  makeDepositor,
  startCaseworkServer,
  uploadForm,
  type Persona,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';

describe('custody: the trail in pages, filtered by event', () => {
  let server: TestServer;
  let owner: Persona;
  let notary: Persona;
  let id: string;
  const page = async (query: string, token = owner.token): Promise<Body> => {
    const r = await call(server.url, 'GET', `/api/v1/deposits/${id}/custody${query}`, { token });
    expect(r.status, r.text).to.equal(200);
    return r.body;
  };
  /** Every page of `query` (which must carry a limit), following nextCursor. */
  const allPages = async (query: string): Promise<Body[][]> => {
    const pages: Body[][] = [];
    let cursor: string | null = null;
    do {
      const body: Body = await page(`${query}${cursor === null ? '' : `&cursor=${cursor}`}`);
      pages.push(body.items);
      cursor = body.nextCursor ?? null;
    } while (cursor !== null);
    return pages;
  };

  before(async () => {
    ({ server } = await startCaseworkServer());
    owner = await makeDepositor(server);
    notary = await makeAccount(server, 'notary', { office: '徐汇公证处' });
    const files = Array.from({ length: 5 }, (_, i) => ({
      name: `第${i + 1}号.txt`,
      bytes: new TextEncoder().encode(`evidence ${i}`),
    }));
    id = (await deposit(server, owner.token, uploadForm(files))).deposit.id;
    const applied = await call(server.url, 'POST', `/api/v1/deposits/${id}/notarisation`, {
      token: owner.token,
      json: { purpose: '诉讼', contact: '010' },
    });
    expect(applied.status).to.equal(201);
    // the notary views the deposit and downloads each file: 1 + 1 + 5 events in all
    expect(
      (await call(server.url, 'GET', `/api/v1/deposits/${id}`, { token: notary.token })).status,
    ).to.equal(200);
    for (let n = 0; n < 5; n++) {
      const r = await fetch(`${server.url}/api/v1/deposits/${id}/files/${n}`, {
        headers: { authorization: `Bearer ${notary.token}` },
      });
      expect(r.status).to.equal(200);
      await r.arrayBuffer();
    }
  });
  after(() => server.dispose());

  it('answers the whole trail without parameters, as before: nextCursor null', async () => {
    const body = await page('');
    expect(body.items.map((e: Body) => e.event)).to.deep.equal([
      'notarisation-submitted',
      'viewed',
      ...Array<string>(5).fill('downloaded'),
    ]);
    expect(body.nextCursor).to.equal(null);
    expect(body.total).to.equal(7);
  });

  it('pages join up to the whole trail, in log order, each page its own receipts', async () => {
    const whole = (await page('')).items.map((e: Body) => e.eventId);
    const pages = await allPages('?limit=3');
    expect(pages.map((p) => p.length)).to.deep.equal([3, 3, 1]);
    expect(pages.flat().map((e) => e.eventId)).to.deep.equal(whole);
    const first = await page('?limit=3');
    expect(first.total).to.equal(7);
    expect(first.nextCursor).to.equal(String(first.items[2].receipt.index));
    // a page that ends exactly at the end says so
    expect((await page('?limit=7')).nextCursor).to.equal(null);
    expect((await page(`?limit=200&cursor=${first.items[2].receipt.index}`)).items).to.have.length(
      4,
    );
  });

  it('keeps only the events asked for, paged the same way; non-owners page too', async () => {
    const downloads = await page('?event=downloaded');
    expect(downloads.items.map((e: Body) => e.detail.file)).to.deep.equal([0, 1, 2, 3, 4]);
    expect(downloads.total).to.equal(5);
    const two = await page('?event=viewed,notarisation-submitted');
    expect(two.items.map((e: Body) => e.event)).to.deep.equal(['notarisation-submitted', 'viewed']);
    const pages = await allPages('?limit=2&event=downloaded');
    expect(pages.map((p) => p.map((e) => e.detail.file))).to.deep.equal([[0, 1], [2, 3], [4]]);
    // the notary pages the same trail; file names stay withheld from them
    const theirs = await page('?limit=2&event=downloaded', notary.token);
    expect(theirs.items).to.have.length(2);
    expect(theirs.total).to.equal(5);
    expect(theirs.items[0].withheld).to.include('name');
    expect(JSON.stringify(theirs)).to.not.include('第1号');
  });

  it('refuses a bad limit, cursor or event with 400 INVALID_QUERY', async () => {
    for (const q of [
      '?limit=0',
      '?limit=201',
      '?limit=ten',
      '?limit=-1',
      '?cursor=-1',
      '?cursor=1e3',
      '?event=bogus',
      '?event=',
      '?event=viewed,',
      '?event=viewed&event=downloaded',
      `?event=${'viewed,'.repeat(80)}viewed`,
    ]) {
      const r = await call(server.url, 'GET', `/api/v1/deposits/${id}/custody${q}`, {
        token: owner.token,
      });
      expect([r.status, r.body?.error?.code], q).to.deep.equal([400, 'INVALID_QUERY']);
    }
  });
});
