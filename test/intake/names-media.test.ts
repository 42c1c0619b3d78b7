import { expect } from 'chai';
import { chooseMediaType, sniffMediaType } from '../../src/evidence/intake/index.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

describe('intake: media types', () => {
  const cases: [string, Uint8Array, string][] = [
    ['PDF', bytes('%PDF-1.4\n'), 'application/pdf'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['GIF', bytes('GIF89a'), 'image/gif'],
    ['ZIP', bytes('PK', [3, 4, 0]), 'application/zip'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['MP4', bytes([0, 0, 0, 0x20], 'ftypisom'), 'video/mp4'],
    ['QuickTime', bytes([0, 0, 0, 0x14], 'ftypqt  '), 'video/quicktime'],
    ['UTF-8 text', Buffer.from('第一行\r\n\tsecond line\n'), 'text/plain'],
  ];
  for (const [what, head, type] of cases) {
    it(`sniffs ${what}`, () => expect(sniffMediaType(head, false)).to.equal(type));
  }

  it('allows a multi-byte character cut by the end of a truncated head, not of a whole file', () => {
    const cut = Buffer.from('文字').subarray(0, 4);
    expect(sniffMediaType(cut, true)).to.equal('text/plain');
    expect(sniffMediaType(cut, false)).to.equal(undefined);
  });

  it('finds nothing in binary or empty data', () => {
    expect(sniffMediaType(bytes([0, 1, 2, 3]), false)).to.equal(undefined);
    expect(sniffMediaType(new Uint8Array(0), false)).to.equal(undefined);
  });

  it('prefers a valid declared type, sniffs octet-stream, falls back to the default', () => {
    const pdf = bytes('%PDF-1.7');
    expect(chooseMediaType('image/svg+xml', pdf, false)).to.equal('image/svg+xml');
    expect(chooseMediaType('Application/PDF', pdf, false)).to.equal('application/pdf');
    expect(chooseMediaType('application/octet-stream', pdf, false)).to.equal('application/pdf');
    expect(chooseMediaType(undefined, bytes([0, 0xff]), false)).to.equal(
      'application/octet-stream',
    );
    expect(chooseMediaType('not a type', bytes([0, 0xff]), false)).to.equal(
      'application/octet-stream',
    );
  });

  it('keeps declared text/plain for text in any charset, not for binary (busboy default)', () => {
    const gbk = bytes([0xba, 0xcf, 0xcd, 0xac, 0x0d, 0x0a]); // 合同\r\n in GBK
    expect(chooseMediaType('text/plain', gbk, false)).to.equal('text/plain');
    expect(chooseMediaType('text/plain', bytes('%PDF-1.7'), false)).to.equal('application/pdf');
    expect(chooseMediaType('text/plain', bytes([0, 1, 2]), false)).to.equal(
      'application/octet-stream',
    );
  });
});
