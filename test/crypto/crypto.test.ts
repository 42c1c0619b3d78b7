import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  ed25519FromPem,
  ed25519FromSeed,
  ed25519Sign,
  ed25519ToPem,
  ed25519Verify,
  equalSecret,
  generateEd25519,
  sha256,
  sm3,
} from '../../src/crypto/index.js';
import { logKeyFor } from '../../src/keys/log-key.js';
import { signNote } from '../../src/log/index.js';

const vectors = new URL('../vectors/external/checkpoint-example/', import.meta.url);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('crypto (the node:crypto wrapper)', () => {
  it('computes SM3 per GB/T 32905 and SHA-256 per FIPS 180-4', () => {
    const abc = new TextEncoder().encode('abc');
    expect(hex(sm3(abc))).to.equal(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(hex(sha256(abc))).to.equal(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => {
        expect(hex(sha256(data))).to.equal(createHash('sha256').update(data).digest('hex'));
      }),
    );
  });

  it('signs checkpoints byte for byte like the C2SP example (seed 0x07…)', async () => {
    const pair = ed25519FromSeed(new Uint8Array(32).fill(7));
    const key = logKeyFor('example.com/notary-test', pair);
    expect(key.vkey).to.equal(readFileSync(new URL('vkey', vectors), 'utf8').trim());
    for (const n of [0, 1, 5, 8]) {
      const note = readFileSync(new URL(`checkpoint.${n}`, vectors), 'utf8');
      const body = note.slice(0, note.lastIndexOf('\n\n') + 1);
      expect(await signNote(body, [key.signer])).to.equal(note);
    }
  });

  it('round-trips Ed25519 keys through PEM and verifies only the signed message', () => {
    const pair = generateEd25519();
    const again = ed25519FromPem(ed25519ToPem(pair));
    expect(hex(again.publicKeyBytes)).to.equal(hex(pair.publicKeyBytes));
    const msg = new TextEncoder().encode('checkpoint');
    const sig = ed25519Sign(again, msg);
    expect(ed25519Verify(pair.publicKey, msg, sig)).to.equal(true);
    expect(ed25519Verify(pair.publicKey, new TextEncoder().encode('checkpoinT'), sig)).to.equal(
      false,
    );
    expect(() => ed25519FromSeed(new Uint8Array(31))).to.throw(RangeError);
  });

  it('compares secrets in constant time, unequal lengths unequal', () => {
    expect(equalSecret(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).to.equal(true);
    expect(equalSecret(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).to.equal(false);
    expect(equalSecret(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).to.equal(false);
  });
});
