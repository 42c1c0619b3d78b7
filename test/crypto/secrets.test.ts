/**
 * The keyed primitives and P-256 keys of src/crypto (secrets.ts, p256.ts) against published
 * vectors (RFC 4231 HMAC, RFC 5869 HKDF, RFC 7914 scrypt) and their own round trips.
 */
import { expect } from 'chai';
import {
  aesGcmOpen,
  aesGcmSeal,
  deriveKey,
  generateP256,
  hmacSha256,
  p256FromPem,
  p256ToPem,
  scryptAsync,
} from '../../src/crypto/index.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('crypto: keyed primitives and P-256 keys', () => {
  it('HMAC-SHA256 matches RFC 4231 test case 2', () => {
    expect(hex(hmacSha256(Buffer.from('Jefe'), 'what do ya want for nothing?'))).to.equal(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('HKDF-SHA256 with an empty salt matches RFC 5869 test case 3', () => {
    expect(hex(deriveKey(Buffer.alloc(22, 0x0b), '', 42))).to.equal(
      '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8',
    );
  });

  it('scrypt matches RFC 7914 §12 (N=16, r=1, p=1)', async () => {
    const key = await scryptAsync(Buffer.from(''), Buffer.from(''), 64, {
      N: 16,
      r: 1,
      p: 1,
      maxmem: 32 << 20,
    });
    expect(hex(key)).to.equal(
      '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906',
    );
  });

  it('AES-256-GCM opens what it sealed, and refuses another key, aad or a changed byte', () => {
    const key = new Uint8Array(32).fill(7);
    const aad = Buffer.from('usr_1');
    const sealed = aesGcmSeal(key, Buffer.from('110101199003077777'), aad);
    expect(Buffer.from(aesGcmOpen(key, sealed, aad)).toString()).to.equal('110101199003077777');
    expect(hex(aesGcmSeal(key, Buffer.from('x'), aad))).to.not.equal(
      hex(aesGcmSeal(key, Buffer.from('x'), aad)),
    );
    expect(() => aesGcmOpen(new Uint8Array(32), sealed, aad)).to.throw();
    expect(() => aesGcmOpen(key, sealed, Buffer.from('usr_2'))).to.throw();
    const changed = Uint8Array.from(sealed);
    changed[14]! ^= 1;
    expect(() => aesGcmOpen(key, changed, aad)).to.throw();
    expect(() => aesGcmOpen(key, sealed.subarray(0, 27), aad)).to.throw('too short');
  });

  it('P-256 keys survive PEM, and other curves are refused', () => {
    const pair = generateP256();
    const again = p256FromPem(p256ToPem(pair));
    expect(hex(again.spki)).to.equal(hex(pair.spki));
    const ed25519 =
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----\n';
    expect(() => p256FromPem(ed25519)).to.throw(TypeError, 'P-256');
  });
});
