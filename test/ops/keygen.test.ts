/**
 * `huicun keygen --rotate-log-key` and `--rotate-token-key` (docs/cli.md, docs/configuration.md): a key is never
 * overwritten; the retired log key stays published under `previous` so old receipts verify, new
 * checkpoints are signed by the new key and are consistent with the old ones; tokens signed by
 * a retired token key stay valid until they expire, and nothing it signs afterwards is accepted.
 */
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import {
  AccountError,
  loadOrCreateTokenKey,
  loadRetiredTokenKeys,
  rotateTokenKey,
  TokenService,
} from '../../src/accounts/index.js';
import { auditCommand } from '../../src/cli/audit.js';
import { keygen } from '../../src/cli/keygen.js';
import { userCommand } from '../../src/cli/user.js';
import { loadPreviousLogKeys } from '../../src/keys/log-key-ring.js';
import { decodeBase64, rfc6962, verifyConsistency } from '../../src/log/index.js';
import { call, registerDepositor, type Body } from '../helpers/api.js';
import { deposit, hashOnly } from '../helpers/casework.js';
import { tempDir } from '../helpers/log-fixture.js';
import type { TestServer } from '../helpers/server-fixture.js';
import {
  captureIo,
  checkReceipt,
  opsEnv,
  openWith,
  ORIGIN,
  scratch,
  startOpsServer,
} from './fixture.js';

describe('huicun keygen --rotate-log-key', function () {
  this.timeout(60_000);
  let tmp: ReturnType<typeof scratch>;
  let first: TestServer;
  let where: { dataDir: string; certsDir: string };
  let token: string;
  let oldVkey: string;
  const receipts: Body[] = [];

  before(async () => {
    tmp = scratch();
    where = { dataDir: tmp.path('data'), certsDir: tmp.path('certs') };
    first = await startOpsServer(where);
    oldVkey = first.logKey.vkey;
    ({ token } = await registerDepositor(first.url));
    for (let i = 0; i < 3; i++)
      receipts.push((await deposit(first, token, hashOnly(`k${i}`))).receipt);
    await first.dispose();
  });
  after(() => tmp.remove());

  it('retires the key (never overwriting a file) and creates a new one', async () => {
    const cli = captureIo(opsEnv(where));
    expect(await keygen(['--rotate-log-key'], cli.io), cli.text()).to.equal(0);
    expect(cli.text()).to.include(`retired log key (published under "previous"): ${oldVkey}`);
    const again = captureIo(opsEnv(where));
    expect(await keygen([], again.io)).to.equal(0);
    expect(again.text()).to.include('kept existing');
    expect(again.text()).to.not.include(oldVkey);
    expect(loadPreviousLogKeys(where.certsDir, ORIGIN).map((p) => p.vkey)).to.deep.equal([oldVkey]);
    expect(readdirSync(where.certsDir).filter((n) => n.includes('.previous.'))).to.have.length(2);
    const bad = captureIo(opsEnv(where));
    expect(await keygen(['--rotate-everything'], bad.io)).to.equal(2);
  });

  it('huicun user add appends on a head the retired key signed', async () => {
    const out: string[] = [];
    const code = await userCommand(['add', '--role', 'notary', '--username', 'after-rotation'], {
      stdin: Readable.from(['a long passphrase 1\n']),
      env: opsEnv(where),
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code, out.join('\n')).to.equal(0);
  });

  describe('the restarted server', () => {
    let server: TestServer;
    before(async () => {
      server = await startOpsServer(where);
    });
    after(() => server.dispose());

    it('publishes the old vkey under previous; old receipts verify with it', async () => {
      const key = (await call(server.url, 'GET', '/api/v1/log/key')).body;
      expect(key.vkey).to.not.equal(oldVkey);
      expect(key.previous).to.deep.equal([oldVkey]);
      for (const r of receipts) checkReceipt(r, oldVkey);
    });

    it('signs new checkpoints with the new key, consistent with the old ones', async () => {
      const d: Body = await deposit(server, token, hashOnly('after rotation'));
      const head = checkReceipt(d.receipt, server.logKey.vkey);
      expect(() => openWith(d.receipt.checkpoint, oldVkey)).to.throw();
      for (const r of receipts) {
        const old = openWith(r.checkpoint, oldVkey);
        const c = await call(
          server.url,
          'GET',
          `/api/v1/log/proof/consistency?from=${old.size}&to=${head.size}`,
        );
        verifyConsistency(
          old.size,
          head.size,
          c.body.proof.map(decodeBase64),
          old.root,
          head.root,
          rfc6962,
        );
      }
    });

    it('audits clean (checkpoints of both keys), through the running server', async () => {
      const cli = captureIo(opsEnv(where));
      expect(await auditCommand([], cli.io), cli.text()).to.equal(0);
    });
  });
});

describe('huicun keygen --rotate-token-key', function () {
  this.timeout(60_000);
  const ISSUER = 'http://localhost:3000';

  it('keeps the retired key only for tokens it signed before retirement, and only for an hour', () => {
    const t = tempDir('huicun-token-');
    try {
      const { pair: old } = loadOrCreateTokenKey(t.dir);
      const issuedBefore = new TokenService({ pair: old, issuer: ISSUER }).issue(
        'u_0123456789abcdef',
      );
      const retiredAt = Date.now();
      const ids = rotateTokenKey(t.dir, retiredAt);
      const { pair: current } = loadOrCreateTokenKey(t.dir);
      expect(ids.current).to.not.equal(ids.retired);
      const retired = loadRetiredTokenKeys(t.dir, retiredAt + 1000);
      expect(retired).to.have.length(1);
      const service = new TokenService({ pair: current, issuer: ISSUER, previous: retired });
      expect(service.verify(issuedBefore.token)).to.equal('u_0123456789abcdef');
      // A token the retired key signs after its retirement (a leaked key) is refused.
      const forged = new TokenService({
        pair: old,
        issuer: ISSUER,
        now: () => retiredAt + 60_000,
      }).issue('u_0123456789abcdef');
      expect(() => service.verify(forged.token))
        .to.throw(AccountError)
        .with.property('code', 'TOKEN_INVALID');
      // After the token lifetime the retired key is not loaded at all.
      expect(loadRetiredTokenKeys(t.dir, retiredAt + 2 * 3600_000)).to.deep.equal([]);
    } finally {
      t.remove();
    }
  });

  it('a signed-in user stays signed in across the rotation and a restart', async () => {
    const tmp = scratch();
    const where = { dataDir: tmp.path('data'), certsDir: tmp.path('certs') };
    try {
      const a = await startOpsServer(where);
      const { token } = await registerDepositor(a.url);
      await a.dispose();
      const cli = captureIo(opsEnv(where));
      expect(await keygen(['--rotate-token-key'], cli.io), cli.text()).to.equal(0);
      expect(cli.text()).to.include('token key rotated');
      const b = await startOpsServer(where);
      try {
        expect((await call(b.url, 'GET', '/api/v1/auth/me', { token })).status).to.equal(200);
        const kid = (t: string): string =>
          JSON.parse(Buffer.from(t.split('.')[0]!, 'base64url').toString()).kid;
        expect(kid(b.accounts.service.tokens.issue('u_0123456789abcdef').token)).to.not.equal(
          kid(token),
        );
      } finally {
        await b.dispose();
      }
    } finally {
      tmp.remove();
    }
  });
});
