import { expect } from 'chai';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccountError } from '../../src/accounts/errors.js';
import { loadOrCreatePiiVault, PiiVault } from '../../src/accounts/pii.js';
import { tempDir } from '../helpers/log-fixture.js';
import { expectBytes } from '../helpers/bytes.js';

const ID = '31010419900307123X';

describe('accounts: PII vault (AES-256-GCM + HMAC under pii.key)', () => {
  const vault = new PiiVault(new Uint8Array(32).fill(7));

  it('seals an ID number that only opens for the same account', () => {
    const sealed = vault.seal('u_0000000000000001', ID);
    expect(sealed.idMasked).to.equal('3101**********123X');
    expect(sealed.idNumberSealed).to.match(/^v1:/);
    expect(sealed.idNumberSealed).not.to.contain(ID);
    expect(vault.open('u_0000000000000001', sealed.idNumberSealed)).to.equal(ID);
    expect(() => vault.open('u_0000000000000002', sealed.idNumberSealed))
      .to.throw(AccountError)
      .with.property('code', 'ACCOUNT_KEY_INVALID');
  });

  it('uses a fresh IV per seal and refuses a tampered ciphertext', () => {
    const a = vault.seal('u_0000000000000001', ID).idNumberSealed;
    const b = vault.seal('u_0000000000000001', ID).idNumberSealed;
    expect(a).not.to.equal(b);
    const bytes = Buffer.from(a.slice(3), 'base64');
    bytes[14]! ^= 1;
    expect(() => vault.open('u_0000000000000001', `v1:${bytes.toString('base64')}`)).to.throw(
      AccountError,
    );
  });

  it('matches by a keyed HMAC that differs from a plain hash and between keys', () => {
    const h = vault.seal('u_0000000000000001', ID).idHmac;
    expect(h).to.match(/^[0-9a-f]{64}$/);
    expect(vault.idHmac(ID)).to.equal(h);
    expect(new PiiVault(new Uint8Array(32).fill(8)).idHmac(ID)).not.to.equal(h);
  });

  it('refuses a key that is not 32 bytes, and an invalid number', () => {
    expect(() => new PiiVault(new Uint8Array(31)))
      .to.throw(AccountError)
      .with.property('code', 'ACCOUNT_KEY_INVALID');
    expect(() => vault.seal('u_0000000000000001', '310104199003071231')).to.throw(TypeError);
  });

  it('creates pii.key once with mode 0600 and never overwrites it', () => {
    const tmp = tempDir();
    try {
      const first = loadOrCreatePiiVault(join(tmp.dir, 'certs'));
      expect(first.created).to.equal(true);
      const path = join(tmp.dir, 'certs', 'pii.key');
      expect(statSync(path).mode & 0o777).to.equal(0o600);
      const key = readFileSync(path);
      expect(key).to.have.length(32);
      const sealed = first.vault.seal('u_0000000000000001', ID);
      const second = loadOrCreatePiiVault(join(tmp.dir, 'certs'));
      expect(second.created).to.equal(false);
      expectBytes(readFileSync(path), key);
      expect(second.vault.open('u_0000000000000001', sealed.idNumberSealed)).to.equal(ID);
      writeFileSync(path, Buffer.alloc(16));
      expect(() => loadOrCreatePiiVault(join(tmp.dir, 'certs'))).to.throw(AccountError);
    } finally {
      tmp.remove();
    }
  });
});
