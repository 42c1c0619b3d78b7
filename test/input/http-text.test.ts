/**
 * Text that lies, over HTTP: every domain's route refuses hidden, reordering and line-breaking
 * characters and over-long text with 400 and a code naming the field, and writes nothing — no log
 * entry, no blob, no record (docs/SECURITY.md, "Text that lies").
 */
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { call, testIdNumber, type Body, type Reply } from '../helpers/api.js';
import {
  deposit,
  hashOnly,
  makeAccount,
  makeDepositor,
  startCaseworkServer,
  uploadForm,
  type Persona,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';

const RLO = '\u202E';
const ZWSP = '\u200B';

function expectRefused(r: Reply, code: string, field: string, codePoint?: string): void {
  expect(r.status, r.text).to.equal(400);
  expect(r.body.error.code, r.text).to.equal(code);
  expect(r.body.error.message, r.text).to.contain(field);
  if (codePoint !== undefined) expect(r.body.error.message, r.text).to.contain(codePoint);
}

describe('input over HTTP: every domain refuses text that lies, writing nothing', () => {
  let server: TestServer;
  let owner: Persona;
  let notary: Persona;
  const bytes = new TextEncoder().encode('evidence');
  const blobFiles = (): number => {
    try {
      const dir = join(server.config.dataDir, 'blobs');
      return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
        .length;
    } catch {
      return 0;
    }
  };
  /** Runs `send` and checks that neither the log nor the blob store grew. */
  const nothingWritten = async (send: () => Promise<Reply>): Promise<Reply> => {
    const size = server.log.size;
    const blobs = blobFiles();
    const r = await send();
    expect(server.log.size, 'log size').to.equal(size);
    expect(blobFiles(), 'blob files').to.equal(blobs);
    return r;
  };
  const post = (path: string, who: Persona | undefined, body: Body | FormData) =>
    call(server.url, 'POST', path, {
      ...(who ? { token: who.token } : {}),
      ...(body instanceof FormData ? { body } : { json: body }),
    });

  before(async () => {
    ({ server } = await startCaseworkServer());
    owner = await makeDepositor(server);
    notary = await makeAccount(server, 'notary', { office: '徐汇公证处' });
  });
  after(() => server.dispose());

  it('deposit upload: title, description and file name', async () => {
    const up = (fields: Record<string, string>, name = '合同.pdf') =>
      nothingWritten(() => post('/api/v1/deposits', owner, uploadForm([{ name, bytes }], fields)));
    expectRefused(await up({ title: `合同${RLO}fdp.exe` }), 'INVALID_FIELD', '"title"', 'U+202E');
    expectRefused(
      await up({ title: '合同', description: `第一行${ZWSP}` }),
      'INVALID_FIELD',
      '"description"',
      'U+200B',
    );
    expectRefused(await up({ title: '题'.repeat(2000) }), 'FIELD_TOO_LONG', '"title"', undefined);
    expectRefused(
      await up({ title: '合同' }, '合同\u2215附件.pdf'),
      'INVALID_FILE_NAME',
      'file name',
    );
    expectRefused(await up({ title: '合同' }, '合同\uFF0F附件.pdf'), 'INVALID_FILE_NAME', 'U+FF0F');
    // A textarea's line breaks arrive as CRLF; they are kept, as LF.
    const ok = await deposit(
      server,
      owner.token,
      uploadForm([{ name: 'a.txt', bytes }], { title: '合同', description: '第一行\r\n第二行' }),
    );
    expect(ok.receipt.opening.description).to.equal('第一行\n第二行');
  });

  it('hash-only deposit: title, description and file name, every bad field named at once', async () => {
    const hash = (json: Body) => nothingWritten(() => post('/api/v1/deposits', owner, json));
    expectRefused(
      await hash({ ...hashOnly('x'), title: `a\u2066b` }),
      'INVALID_FIELD',
      '"title"',
      'U+2066',
    );
    expectRefused(
      await hash({ ...hashOnly('x'), description: 'a\u2028b' }),
      'INVALID_FIELD',
      '"description"',
      'U+2028',
    );
    expectRefused(
      await hash({ ...hashOnly('x'), title: 't'.repeat(201) }),
      'FIELD_TOO_LONG',
      'longer than 200 characters',
    );
    expectRefused(
      await hash({
        title: 't',
        files: [{ name: '1\u20442.pdf', size: 1, sha256: 'ab'.repeat(32) }],
      }),
      'INVALID_FILE_NAME',
      '"files[0].name"',
      'U+2044',
    );
    const both = await hash({ ...hashOnly('x'), title: `a${RLO}`, description: 'd'.repeat(4001) });
    expectRefused(both, 'INVALID_FIELD', '"title"', 'U+202E');
    expect(both.body.error.message).to.contain('"description" is longer than 4000 characters');
  });

  it('registration: display name and real name', async () => {
    const register = (fields: Body) =>
      nothingWritten(() =>
        post('/api/v1/auth/register', undefined, {
          username: 'liar-1',
          password: 'correct horse battery staple',
          displayName: '李四',
          realName: '李四',
          idNumber: testIdNumber(901),
          ...fields,
        }),
      );
    expectRefused(
      await register({ displayName: `李\u200F四` }),
      'INVALID_FIELD',
      '"displayName"',
      'U+200F',
    );
    expectRefused(
      await register({ realName: `\uFEFF李四` }),
      'INVALID_FIELD',
      '"realName"',
      'U+FEFF',
    );
    expectRefused(await register({ realName: '李'.repeat(65) }), 'FIELD_TOO_LONG', '"realName"');
    const both = await register({ displayName: 'a\nb', realName: `李${ZWSP}四` });
    expectRefused(both, 'INVALID_FIELD', '"displayName"', 'U+000A');
    expect(both.body.error.message).to.contain('"realName" contains an invisible character U+200B');
    // Nothing was kept under the username: it registers now.
    const r = await register({});
    expect(r.status, r.text).to.equal(201);
  });

  it('court sharing: court and case number', async () => {
    const d = await deposit(server, owner.token, hashOnly('共享'));
    const share = (fields: Body) =>
      nothingWritten(() =>
        post(`/api/v1/deposits/${d.deposit.id}/shares`, owner, {
          court: '北京互联网法院',
          caseNumber: '(2026)京0491民初1号',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          ...fields,
        }),
      );
    expectRefused(await share({ court: `北京${RLO}法院` }), 'INVALID_FIELD', '"court"', 'U+202E');
    expectRefused(
      await share({ caseNumber: '(2026)\n京1号' }),
      'INVALID_FIELD',
      '"caseNumber"',
      'U+000A',
    );
    expectRefused(await share({ caseNumber: '号'.repeat(65) }), 'FIELD_TOO_LONG', '"caseNumber"');
    const list = await call(server.url, 'GET', `/api/v1/deposits/${d.deposit.id}/shares`, {
      token: owner.token,
    });
    expect(list.status, list.text).to.equal(200);
    expect(list.body.items).to.deep.equal([]);
  });

  it('notarisation: purpose and note', async () => {
    const d = await deposit(server, owner.token, hashOnly('公证'));
    const path = `/api/v1/deposits/${d.deposit.id}/notarisation`;
    const apply = (fields: Body) =>
      nothingWritten(() =>
        post(path, owner, { purpose: '诉讼', contact: 'a@example.com', ...fields }),
      );
    expectRefused(await apply({ purpose: `诉讼${RLO}` }), 'INVALID_FIELD', '"purpose"', 'U+202E');
    expectRefused(await apply({ note: `备注\u2060` }), 'INVALID_FIELD', '"note"', 'U+2060');
    expectRefused(await apply({ purpose: '用'.repeat(2000) }), 'FIELD_TOO_LONG', '"purpose"');
    // Nothing was kept: the first valid application is accepted (no APPLICATION_EXISTS).
    const made = await post(path, owner, {
      purpose: '诉讼',
      contact: 'a@example.com',
      note: '第一行\r\n第二行',
    });
    expect(made.status, made.text).to.equal(201);
    expect(made.body.application.note).to.equal('第一行\n第二行');
  });

  it('decision: the reason', async () => {
    const d = await deposit(server, owner.token, hashOnly('决定'));
    const app = await post(`/api/v1/deposits/${d.deposit.id}/notarisation`, owner, {
      purpose: '诉讼',
      contact: 'a@example.com',
    });
    expect(app.status, app.text).to.equal(201);
    const id = app.body.application.id as string;
    const claimed = await post(`/api/v1/notary/applications/${id}/claim`, notary, {});
    expect(claimed.status, claimed.text).to.equal(200);
    const decide = (reason: string) =>
      nothingWritten(() =>
        post(`/api/v1/notary/applications/${id}/decision`, notary, { decision: 'reject', reason }),
      );
    expectRefused(await decide(`材料不全${RLO}`), 'INVALID_FIELD', '"reason"', 'U+202E');
    expectRefused(await decide('理'.repeat(1001)), 'FIELD_TOO_LONG', '"reason"');
    const now = await call(server.url, 'GET', `/api/v1/notary/applications/${id}`, {
      token: notary.token,
    });
    expect(now.body.application.state).to.equal('in_review');
  });

  it('counter deposit: the client name, hash-only and upload', async () => {
    const client = { clientName: `赵${ZWSP}六`, clientIdNumber: testIdNumber(902) };
    const json = await nothingWritten(() =>
      post('/api/v1/notary/counter-deposits', notary, { ...hashOnly('窗口'), ...client }),
    );
    expectRefused(json, 'INVALID_FIELD', '"clientName"', 'U+200B');
    const form = await nothingWritten(() =>
      post(
        '/api/v1/notary/counter-deposits',
        notary,
        uploadForm([{ name: 'a.txt', bytes }], {
          title: '窗口',
          ...client,
          clientName: '赵\u202D六',
        }),
      ),
    );
    expectRefused(form, 'INVALID_FIELD', '"clientName"', 'U+202D');
  });
});
