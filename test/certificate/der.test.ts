/** The DER writer and reader behind the CMS signature, against known encodings and node:crypto. */
import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  certificateFields,
  children,
  objectIdentifier,
  octetString,
  readTlv,
  sequence,
  setOf,
  smallInteger,
} from '../../src/certificate/der.js';
import { testSigner } from './fixture.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('DER (certificate/der)', () => {
  it('encodes OIDs, integers, lengths and sorted SETs as X.690 requires', () => {
    expect(hex(objectIdentifier('1.2.840.113549.1.7.2'))).to.equal('06092a864886f70d010702');
    expect(hex(objectIdentifier('2.16.840.1.101.3.4.2.1'))).to.equal('0609608648016503040201');
    expect(hex(smallInteger(1))).to.equal('020101');
    expect(hex(smallInteger(200))).to.equal('020200c8');
    expect(hex(octetString(new Uint8Array(200))).slice(0, 6)).to.equal('0481c8');
    expect(hex(octetString(new Uint8Array(300))).slice(0, 8)).to.equal('0482012c');
    expect(hex(setOf(Uint8Array.of(4, 1, 2), Uint8Array.of(4, 1, 1)))).to.equal('3106040101040102');
  });

  it('reads back what it writes', () => {
    const s = sequence(smallInteger(5), octetString(new Uint8Array(500)));
    const t = readTlv(s);
    expect(t.tag).to.equal(0x30);
    expect(children(t.content).map((c) => c.tag)).to.deep.equal([0x02, 0x04]);
    expect(() => readTlv(s.subarray(0, 10))).to.throw(RangeError);
  });

  it('finds serial number, issuer and subject of a certificate', () => {
    const pem = readFileSync(join(testSigner().certsDir, 'notary-ca.pem'), 'utf8');
    const x = new X509Certificate(pem);
    const f = certificateFields(new Uint8Array(x.raw));
    const serial = readTlv(f.serialNumber).content;
    expect(hex(serial).replace(/^00/, '').toUpperCase()).to.equal(x.serialNumber);
    expect(hex(f.issuer)).to.equal(hex(f.subject)); // self-signed
  });
});
