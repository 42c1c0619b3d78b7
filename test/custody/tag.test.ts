import { expect } from 'chai';
import fc from 'fast-check';
import { custodyTag, CUSTODY_TAG_LABEL } from '../../src/custody/index.js';
import { expectedTag } from '../helpers/casework.js';

describe('custody/tag (docs/formats.md)', () => {
  it('matches vectors computed with Python hashlib', () => {
    // python3: hashlib.sha256(b'huicun/custody-tag/v1\n' + bytes.fromhex(salt)).hexdigest()[:32]
    expect(custodyTag('00'.repeat(32))).to.equal('ed23885e57a696e7aa5bd04db3472d80');
    const counting = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0')).join('');
    expect(custodyTag(counting)).to.equal('c89348822339d9d512db906270156631');
    expect(CUSTODY_TAG_LABEL).to.equal('huicun/custody-tag/v1\n');
  });

  it('equals an independent node:crypto derivation for any salt', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const salt = Buffer.from(bytes).toString('hex');
        expect(custodyTag(salt)).to.equal(expectedTag(salt));
      }),
    );
  });

  it('refuses a salt that is not 64 lower-case hex characters', () => {
    for (const bad of ['', 'ab', 'AB'.repeat(32), 'zz'.repeat(32), '00'.repeat(33)]) {
      expect(() => custodyTag(bad), bad).to.throw(TypeError);
    }
  });
});
