/**
 * Reads as custody events over HTTP (docs/access.md): a non-owner's details, receipt and file reads
 * are appended before the body is sent, once per window — a HEAD like its GET, before the
 * headers that would name the file; the owner's reads, lists, HEAD and the trail are not events;
 * when the append fails the read is a 503 and nothing is sent.
 */
import { expect } from 'chai';
import { SequencerError } from '../../src/sequencer/index.js';
import { call, type Body } from '../helpers/api.js';
import {
  deposit,
  HOUR,
  makeAccount,
  makeDepositor,
  startCaseworkServer,
  uploadForm,
  type Persona,
  type TestClock,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';

describe('custody: reads of evidence as custody events', () => {
  let server: TestServer;
  let clock: TestClock;
  let owner: Persona;
  let notary: Persona;
  let id: string;
  let applicationId: string;
  const bytes = new TextEncoder().encode('0123456789abcdef');
  const events = async (): Promise<Body[]> =>
    (await call(server.url, 'GET', `/api/v1/deposits/${id}/custody`, { token: owner.token })).body
      .items;
  const get = (path: string, token: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/deposits/${id}${path}`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
    });

  before(async () => {
    ({ server, clock } = await startCaseworkServer());
    owner = await makeDepositor(server);
    notary = await makeAccount(server, 'notary', { office: '徐汇公证处' });
    id = (await deposit(server, owner.token, uploadForm([{ name: 'a.txt', bytes }]))).deposit.id;
    const applied = await call(server.url, 'POST', `/api/v1/deposits/${id}/notarisation`, {
      token: owner.token,
      json: { purpose: '诉讼', contact: '010' },
    });
    applicationId = applied.body.application.id;
  });
  after(() => server.dispose());

  it("records nothing for the owner's reads, lists, HEAD or the trail", async () => {
    const before = server.log.size;
    for (const path of ['', '/receipt', '/receipt?format=tlog-proof', '/files/0', '/custody'])
      expect((await get(path, owner.token)).status, path).to.equal(200);
    await call(server.url, 'GET', '/api/v1/deposits', { token: owner.token });
    expect(server.log.size).to.equal(before);
    expect((await events()).map((e) => e.event)).to.deep.equal(['notarisation-submitted']);
  });

  it("records a notary's view once per hour, the details and the receipt one view, naming the access", async () => {
    for (let i = 0; i < 3; i++) expect((await get('', notary.token)).status).to.equal(200);
    expect((await get('/receipt', notary.token)).status).to.equal(200);
    expect((await get('/receipt?at=latest', notary.token)).status).to.equal(200);
    expect((await get('/receipt?format=tlog-proof', notary.token)).status).to.equal(200);
    for (const method of ['HEAD'] as const) {
      const r = await fetch(`${server.url}/api/v1/deposits/${id}`, {
        method,
        headers: { authorization: `Bearer ${notary.token}` },
      });
      expect(r.status).to.equal(200);
    }
    await get('/custody', notary.token);
    await call(server.url, 'GET', '/api/v1/deposits', { token: notary.token });
    let trail = await events();
    expect(trail.map((e) => [e.event, e.detail?.resource])).to.deep.equal([
      ['notarisation-submitted', undefined],
      ['viewed', 'details'],
    ]);
    expect(trail[1].detail.access).to.deep.equal({ via: 'notarisation', applicationId });
    expect(trail[1].actor).to.deep.equal({ role: 'notary', displayName: notary.displayName });
    clock.advance(HOUR);
    // an hour on, the receipt read first is the new view's resource
    await get('/receipt', notary.token);
    await get('', notary.token);
    trail = await events();
    expect(trail.map((e) => [e.event, e.detail?.resource])).to.deep.equal([
      ['notarisation-submitted', undefined],
      ['viewed', 'details'],
      ['viewed', 'receipt'],
    ]);
  });

  it('records one view for a page that reads the details and the receipt at once', async () => {
    // the notary's review page: the details, then the receipt and the trail in parallel
    const other = await makeAccount(server, 'notary', { office: '徐汇公证处' });
    const mine = async (): Promise<Body[]> =>
      (await events()).filter((e) => e.actor.displayName === other.displayName);
    const replies = await Promise.all([
      get('', other.token),
      get('/receipt?at=latest', other.token),
      get('/receipt?format=tlog-proof', other.token),
      get('', other.token),
      get('/custody', other.token),
    ]);
    for (const r of replies) expect(r.status).to.equal(200);
    const recorded = await mine();
    expect(recorded.map((e) => e.event)).to.deep.equal(['viewed']);
    expect(recorded[0].detail.resource).to.be.oneOf(['details', 'receipt']);
  });

  it('records one download per file; Range requests within 30 minutes join it', async () => {
    const count = async () => (await events()).filter((e) => e.event === 'downloaded').length;
    const full = await get('/files/0', notary.token);
    expect(new Uint8Array(await full.arrayBuffer())).to.deep.equal(bytes);
    const part = await get('/files/0', notary.token, { range: 'bytes=4-7' });
    expect([part.status, await part.text()]).to.deep.equal([206, '4567']);
    clock.advance(29 * 60 * 1000);
    await (await get('/files/0', notary.token, { range: 'bytes=8-' })).arrayBuffer();
    expect(await count()).to.equal(1);
    const head = await fetch(`${server.url}/api/v1/deposits/${id}/files/0`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${notary.token}` },
    });
    expect(head.status).to.equal(200);
    clock.advance(60 * 1000);
    await (await get('/files/0', notary.token)).arrayBuffer();
    expect(await count()).to.equal(2);
    const d = (await events()).find((e) => e.event === 'downloaded')!;
    expect(d.detail).to.deep.include({ file: 0, name: 'a.txt' });
    // A missing file is a 404 and no event.
    expect((await get('/files/1', notary.token)).status).to.equal(404);
    expect(await count()).to.equal(2);
  });

  it('answers 503 and sends nothing when the event cannot be appended; the owner still reads', async () => {
    clock.advance(2 * HOUR);
    const append = server.log.append.bind(server.log);
    server.log.append = () =>
      Promise.reject(new SequencerError('LOG_UNAVAILABLE', 'injected: the log is down'));
    try {
      for (const path of ['', '/receipt', '/files/0']) {
        const r = await get(path, notary.token);
        const text = await r.text();
        expect(r.status, path).to.equal(503);
        expect(r.headers.get('retry-after')).to.equal('5');
        expect(JSON.parse(text).error.code).to.equal('CUSTODY_UNAVAILABLE');
        expect(text).to.not.include('0123456789').and.not.include(id);
      }
      expect((await get('', owner.token)).status).to.equal(200);
    } finally {
      server.log.append = append;
    }
    // The 503s were reported to the operator's log, as every 5xx is.
    const reported = server.errors.splice(0);
    expect(reported).to.have.length(3);
    for (const e of reported) expect((e as { code?: string }).code).to.equal('CUSTODY_UNAVAILABLE');
    expect((await get('', notary.token)).status).to.equal(200);
  });

  it("records a non-owner's HEAD like its GET: details, receipt and file, each before its headers", async () => {
    const other = await makeAccount(server, 'notary', { office: '徐汇公证处' });
    const head = (path: string) =>
      fetch(`${server.url}/api/v1/deposits/${id}${path}`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${other.token}` },
      });
    const mine = async (): Promise<Body[]> =>
      (await events()).filter((e) => e.actor.displayName === other.displayName);
    const file = await head('/files/0');
    expect(file.status).to.equal(200);
    expect(file.headers.get('content-disposition')).to.include('a.txt');
    for (const path of ['', '/receipt']) expect((await head(path)).status, path).to.equal(200);
    const recorded = await mine();
    expect(recorded.map((e) => [e.event, e.detail.resource ?? e.detail.file])).to.deep.equal([
      ['downloaded', 0],
      ['viewed', 'details'], // the receipt's HEAD joins the view of the details
    ]);
    expect(recorded[0].detail.access).to.deep.equal({ via: 'notarisation', applicationId });
    // The GET that follows joins the HEAD's event (same window): still one per read.
    expect((await get('/files/0', other.token)).status).to.equal(200);
    expect(await mine()).to.have.length(2);
  });

  it('answers a HEAD whose event cannot be appended with 503: no file name, type or size', async () => {
    const other = await makeAccount(server, 'notary', { office: '徐汇公证处' });
    const append = server.log.append.bind(server.log);
    server.log.append = () =>
      Promise.reject(new SequencerError('LOG_UNAVAILABLE', 'injected: the log is down'));
    try {
      const r = await fetch(`${server.url}/api/v1/deposits/${id}/files/0`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${other.token}` },
      });
      expect(r.status).to.equal(503);
      expect(r.headers.get('content-disposition')).to.equal(null);
      expect(r.headers.get('content-type')).to.match(/^application\/json/);
      expect(r.headers.get('content-length')).to.not.equal(String(bytes.length));
    } finally {
      server.log.append = append;
    }
    expect(server.errors.splice(0).map((e) => (e as { code?: string }).code)).to.deep.equal([
      'CUSTODY_UNAVAILABLE',
    ]);
    expect((await events()).filter((e) => e.actor.displayName === other.displayName)).to.deep.equal(
      [],
    );
  });
});
