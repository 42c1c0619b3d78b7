/** RFC 6962 §2.1 hashing (appendix A1 vectors) and the strict base64/hex codecs. */
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import fc from 'fast-check';
import {
  decodeBase64,
  decodeHex,
  encodeBase64,
  encodeHex,
  equalBytes,
  HASH_SIZE,
  LEAF_HASH_PREFIX,
  NODE_HASH_PREFIX,
  rfc6962,
  treeHasher,
} from '../../src/log/index.js';
import { expectLogError, hex, nodeHasher, toHex } from './helpers.js';

describe('log/hash (RFC 6962 §2.1)', () => {
  it('constants', () => {
    expect([LEAF_HASH_PREFIX, NODE_HASH_PREFIX, HASH_SIZE]).to.deep.equal([0, 1, 32]);
  });

  it('empty tree, leaf and node hashes of appendix A1', () => {
    expect(toHex(rfc6962.emptyRoot())).to.equal(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(toHex(rfc6962.hashLeaf(new Uint8Array(0)))).to.equal(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(toHex(rfc6962.hashLeaf(hex('00')))).to.equal(
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    );
    const l0 = rfc6962.hashLeaf(new Uint8Array(0));
    const l1 = rfc6962.hashLeaf(hex('00'));
    expect(toHex(rfc6962.hashChildren(l0, l1))).to.equal(
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    );
  });

  it('emptyRoot returns a fresh copy', () => {
    const a = rfc6962.emptyRoot();
    a[0] = 0;
    expect(toHex(rfc6962.emptyRoot()).slice(0, 2)).to.equal('e3');
  });

  it('the noble and node:crypto hashers agree (also with Buffer-returning sha256)', () => {
    const bufferHasher = treeHasher((d) => createHash('sha256').update(d).digest());
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (entry, other) => {
          const a = rfc6962.hashLeaf(entry);
          expect(toHex(nodeHasher.hashLeaf(entry))).to.equal(toHex(a));
          expect(toHex(bufferHasher.hashLeaf(entry))).to.equal(toHex(a));
          expect(toHex(nodeHasher.hashChildren(a, other))).to.equal(
            toHex(rfc6962.hashChildren(a, other)),
          );
        },
      ),
    );
  });

  it('hashChildren insists on 32-byte children; treeHasher on a 32-byte sha256', () => {
    expectLogError(
      () => rfc6962.hashChildren(new Uint8Array(31), new Uint8Array(32)),
      'INVALID_HASH',
    );
    expectLogError(
      () => rfc6962.hashChildren(new Uint8Array(32), new Uint8Array(33)),
      'INVALID_HASH',
    );
    expectLogError(() => treeHasher(() => new Uint8Array(20)), 'INVALID_ARGUMENT');
  });

  it('equalBytes', () => {
    expect(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).to.equal(true);
    expect(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).to.equal(false);
    expect(equalBytes(new Uint8Array([1]), new Uint8Array([1, 0]))).to.equal(false);
    expect(equalBytes(new Uint8Array(0), new Uint8Array(0))).to.equal(true);
  });
});

describe('log/base64 and hex (strict, canonical)', () => {
  it('round-trips and matches Buffer (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const b64 = encodeBase64(bytes);
        expect(b64).to.equal(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(b64)).to.deep.equal(bytes);
        const h = encodeHex(bytes);
        expect(h).to.equal(Buffer.from(bytes).toString('hex'));
        expect(decodeHex(h)).to.deep.equal(bytes);
      }),
    );
  });

  it('rejects non-canonical base64', () => {
    for (const bad of [
      'A',
      'AA',
      'AAA',
      'AA=',
      'AB==',
      'AAB=',
      'A===',
      '====',
      '=AAA',
      'AA=A',
      'AAAA ',
      ' AAAA',
      'AA\nAA',
      'AA-_',
      'AAAAAA==AAAA',
      'ÀAAA',
    ]) {
      expectLogError(() => decodeBase64(bad), 'INVALID_ARGUMENT');
    }
    expect(decodeBase64('')).to.deep.equal(new Uint8Array(0));
    expect(decodeBase64('AA==')).to.deep.equal(new Uint8Array([0]));
    expect(decodeBase64('AAE=')).to.deep.equal(new Uint8Array([0, 1]));
  });

  it('rejects bad hex (odd length, uppercase, non-hex)', () => {
    for (const bad of ['a', 'AB', 'zz', '0g', ' 00'])
      expectLogError(() => decodeHex(bad), 'INVALID_ARGUMENT');
  });
});
