/**
 * Download-link tokens never reach the logs (issue 11 §3): the access line of `/dl/<token>`
 * shows `/dl/[redacted]` (or the route the link stands for), for a served link and for an
 * unknown or malformed one alike.
 */
import { expect } from 'chai';
import { Writable } from 'node:stream';
import { createLogger, loggedPath } from '../../src/ops/logger.js';
import { call, registerDepositor } from '../helpers/api.js';
import { deposit, uploadForm } from '../helpers/casework.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';

describe('download links in the request log', function () {
  this.timeout(60_000);
  let server: TestServer;
  const lines: string[] = [];
  /** Resolves once a log line satisfying `test` has been written. */
  let waiting: { test: (l: string) => boolean; resolve: () => void }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      const line = chunk.toString();
      lines.push(line);
      waiting = waiting.filter((w) => (w.test(line) ? (w.resolve(), false) : true));
      done();
    },
  });
  const logged = (test: (l: string) => boolean): Promise<void> =>
    lines.some(test)
      ? Promise.resolve()
      : new Promise((resolve) => waiting.push({ test, resolve }));
  const requestLines = (): { path: string; status: number }[] =>
    lines
      .map((l) => JSON.parse(l) as { msg: string; path: string; status: number })
      .filter((l) => l.msg === 'request');

  before(async () => {
    server = await startTestServer(
      {},
      { logger: createLogger({ level: 'info', destination: sink }) },
    );
  });
  after(() => server.dispose());

  it('writes no token, whether the link is served (200, 206), unknown or malformed (404)', async () => {
    const { token } = await registerDepositor(server.url);
    const { deposit: d } = await deposit(
      server,
      token,
      uploadForm([{ name: 'a.txt', bytes: new TextEncoder().encode('evidence bytes') }]),
    );
    const link = await call(server.url, 'POST', `/api/v1/deposits/${d.id}/files/0/link`, {
      token,
    });
    expect(link.status, link.text).to.equal(201);
    const url: string = link.body.url;
    const secret = url.slice('/dl/'.length);
    expect(secret).to.match(/^[A-Za-z0-9_-]{22}$/);

    const served = await fetch(server.url + url);
    expect(served.status).to.equal(200);
    await served.arrayBuffer();
    const ranged = await fetch(server.url + url, { headers: { range: 'bytes=0-3' } });
    expect(ranged.status).to.equal(206);
    await ranged.arrayBuffer();
    const unknown = `${secret.slice(0, 21)}${secret.endsWith('A') ? 'B' : 'A'}`;
    const missing = await call(server.url, 'GET', `/dl/${unknown}`);
    expect([missing.status, missing.body.error.code]).to.deep.equal([404, 'NOT_FOUND']);
    const malformed = await call(server.url, 'GET', `/dl/${secret}-not-a-token`);
    expect(malformed.status).to.equal(404);
    const upper = await call(server.url, 'GET', `/DL/${secret}`);
    expect(upper.status).to.equal(404);

    // The access line is written when the answer finishes: wait for those lines.
    await logged(() => requestLines().filter((r) => r.status === 404).length >= 3);
    await logged(() => requestLines().some((r) => r.status === 206));
    const all = lines.join('\n');
    for (const t of [secret, unknown]) expect(all, 'a token in the log').to.not.include(t);
    const paths = requestLines().map((r) => `${r.status} ${r.path}`);
    expect(paths).to.include('404 /dl/[redacted]');
    expect(paths.filter((p) => p === '404 /dl/[redacted]')).to.have.length(3);
  });

  it('cuts the token from any spelling of a download-link path', () => {
    expect(loggedPath('/dl/abcdefghijklmnopqrstuv')).to.equal('/dl/[redacted]');
    expect(loggedPath('//dl/abc')).to.equal('/dl/[redacted]');
    expect(loggedPath('/DL/abc/def')).to.equal('/dl/[redacted]');
    expect(loggedPath('/dl')).to.equal('/dl/[redacted]');
    expect(loggedPath('/api/v1/deposits/x/files/0')).to.equal('/api/v1/deposits/x/files/0');
    expect(loggedPath('/dlx/y')).to.equal('/dlx/y');
  });
});
