/**
 * The notary signer's CMS against the committed vectors (test/vectors/cms): byte for byte,
 * since RSASSA-PKCS1-v1_5 is deterministic and the CMS carries no signing time.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotarySigner } from '../../src/certificate/signer.js';
import { CMS_VECTORS, CMS_VECTORS_DIR, vectorInputs } from '../vectors/cms/generate.js';

describe('CMS SignedData (certificate/cms) against the vectors', () => {
  for (const v of CMS_VECTORS) {
    it(`reproduces ${v.name}.der byte for byte`, async () => {
      const { key, chain } = vectorInputs(v);
      const expected = readFileSync(join(CMS_VECTORS_DIR, `${v.name}.der`));
      const signer = new NotarySigner(key, chain);
      const cms = await signer.sign(Buffer.from(v.content));
      expect(cms.toString('hex')).to.equal(expected.toString('hex'));
      expect(cms.length).to.be.below(signer.signatureLength);
    });
  }
});
