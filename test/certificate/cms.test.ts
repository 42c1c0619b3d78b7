/**
 * The notary signer's CMS against the committed vectors (test/vectors/cms): byte for byte,
 * since RSASSA-PKCS1-v1_5 is deterministic and the CMS carries no signing time. The vectors
 * were made by the hand-written DER builder that @peculiar/asn1-cms replaced.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotarySigner } from '../../src/certificate/signing/signer.js';
import { parseX509 } from '../../src/crypto/index.js';
import { CMS_VECTORS, CMS_VECTORS_DIR, vectorInputs } from '../vectors/cms/generate.js';
import { testSigner } from './fixture.js';

const hex = (b: ArrayBuffer | Uint8Array): string => Buffer.from(new Uint8Array(b)).toString('hex');

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

  it('reads serial number, issuer and subject of the chain as node:crypto does', () => {
    const { signer, certsDir } = testSigner();
    const ca = parseX509(readFileSync(join(certsDir, 'notary-ca.pem')));
    const root = signer.chain[1]!;
    expect(hex(AsnConvert.serialize(root)), 'the certificate re-encodes exactly').to.equal(
      hex(ca.raw),
    );
    const tbs = root.tbsCertificate;
    expect(hex(tbs.serialNumber).replace(/^00/, '').toUpperCase()).to.equal(ca.serialNumber);
    expect(hex(AsnConvert.serialize(tbs.issuer))).to.equal(hex(AsnConvert.serialize(tbs.subject)));
  });
});
