import { expect } from 'chai';
import { AccountError } from '../../src/accounts/errors.js';
import {
  assertPassword,
  hashPassword,
  SCRYPT_PARAMS,
  verifyDummy,
  verifyPassword,
  warmDummyHash,
} from '../../src/accounts/password.js';

describe('accounts: passwords (scrypt)', () => {
  it('stores scrypt$N$r$p$salt$hash with N=2^15, r=8, p=1 and a 16-byte salt', async () => {
    const stored = await hashPassword('correct horse battery');
    const [name, N, r, p, salt, hash] = stored.split('$');
    expect([name, N, r, p]).to.deep.equal(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).to.have.length(16);
    expect(Buffer.from(hash!, 'base64')).to.have.length(32);
    expect(SCRYPT_PARAMS.maxmem).to.equal(64 * 1024 * 1024);
  });

  it('verifies the right password, and NFKC-equivalent input, but not a wrong one', async () => {
    const stored = await hashPassword('ｐａｓｓｗｏｒｄ１２３４');
    expect(await verifyPassword('password1234', stored)).to.equal(true);
    expect(await verifyPassword('password1235', stored)).to.equal(false);
  });

  it('uses a fresh salt per hash', async () => {
    expect(await hashPassword('same password here')).not.to.equal(
      await hashPassword('same password here'),
    );
  });

  it('never matches a malformed or out-of-bounds stored hash', async () => {
    const good = await hashPassword('some password 1');
    const parts = good.split('$');
    const variants = [
      '',
      'bcrypt$x',
      parts.slice(0, 5).join('$'),
      ['scrypt', '3', ...parts.slice(2)].join('$'),
      ['scrypt', String(2 ** 24), ...parts.slice(2)].join('$'),
      ['scrypt', parts[1], '999', ...parts.slice(3)].join('$'),
      [...parts.slice(0, 5), 'AAAA'].join('$'),
    ];
    for (const v of variants) expect(await verifyPassword('some password 1', v), v).to.equal(false);
  });

  it('spends a verification on unknown users (dummy hash) and answers false', async () => {
    // The dummy is a real hash at the production cost, so verifying against it costs what a wrong
    // password costs (the timing itself is measured by bench/password.bench.ts).
    const [name, N, r, p, salt, hash] = (await warmDummyHash()).split('$');
    expect([name, N, r, p]).to.deep.equal([
      'scrypt',
      ...[SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p].map(String),
    ]);
    expect(Buffer.from(salt!, 'base64')).to.have.length(16);
    expect(Buffer.from(hash!, 'base64')).to.have.length(32);
    expect(await warmDummyHash(), 'made once').to.equal(await warmDummyHash());
    expect(await verifyDummy('anything at all')).to.equal(false);
  });

  it('checks the 10–256 character rule, counting code points', () => {
    expect(assertPassword('a'.repeat(10))).to.equal('a'.repeat(10));
    expect(assertPassword('😀'.repeat(256))).to.have.length(512);
    for (const bad of ['a'.repeat(9), '😀'.repeat(9), 'a'.repeat(257), 42, undefined, null]) {
      try {
        assertPassword(bad);
        expect.fail('should throw');
      } catch (e) {
        expect(e).to.be.instanceOf(AccountError);
        expect((e as AccountError).code).to.equal('INVALID_FIELD');
        expect((e as AccountError).details).to.deep.equal({ field: 'password' });
      }
    }
  });

  it('refuses a password of only spaces or other blank characters (PASSWORD_BLANK)', () => {
    const blanks = [
      ' '.repeat(12),
      '\t'.repeat(10),
      '\u3000'.repeat(10), // ideographic space (NFKC: a space)
      '\u00a0'.repeat(10),
      '\u200b'.repeat(10), // zero width space
      ' \n \r\n\u2028\ufeff   \u2003 ',
    ];
    for (const blank of blanks) {
      try {
        assertPassword(blank, 'newPassword');
        expect.fail(`should throw for ${JSON.stringify(blank)}`);
      } catch (e) {
        expect(e).to.be.instanceOf(AccountError);
        expect((e as AccountError).code, JSON.stringify(blank)).to.equal('PASSWORD_BLANK');
        expect((e as AccountError).details).to.deep.equal({ field: 'newPassword' });
        expect((e as AccountError).message).to.contain('"newPassword"');
      }
    }
    expect(assertPassword('    a     ')).to.equal('    a     ');
    expect(assertPassword('密码'.padEnd(10, ' '))).to.equal('密码        ');
  });
});
