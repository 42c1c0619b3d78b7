import { expect } from 'chai';
import { FILE_NAME_MAX_BYTES, fileName, InputError, utf8Length } from '../../src/input/index.js';

/** A test title that shows hidden characters as escapes instead of obeying them. */
const shown = (s: string): string =>
  (s.length > 20 ? `${s.slice(0, 8)}…(${s.length})` : s).replace(
    /[^\x20-\x7e\u4e00-\u9fff…]/gu,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );

describe('input: file names', () => {
  it('accepts and NFC-normalises good names, untrimmed', () => {
    expect(fileName('合同.pdf')).to.equal('合同.pdf');
    expect(fileName('Cafe\u0301.txt')).to.equal('Caf\u00e9.txt');
    expect(fileName('合'.repeat(85))).to.equal('合'.repeat(85));
    expect(fileName('👨‍👩‍👧 .tar.gz')).to.equal('👨‍👩‍👧 .tar.gz');
    expect(fileName(' a.txt ')).to.equal(' a.txt ');
  });

  for (const bad of [
    '',
    'a/b',
    'a\\b',
    'a\0b',
    'a\nb',
    'a\u0085b',
    'a\uFFFDb',
    'a\uD800b',
    'x\u202Egpj.exe',
    '合同\uFF0F附件.pdf',
    '合同\u2215附件.pdf',
    '1\u20442.pdf',
    'a\u200Bb.txt',
    '.',
    '..',
    'a'.repeat(256),
    '合'.repeat(86),
  ]) {
    it(`refuses "${shown(bad)}"`, () => {
      expect(() => fileName(bad))
        .to.throw(InputError)
        .with.property('code', 'INVALID_FILE_NAME');
    });
  }

  it('names the limit of an over-long name', () => {
    expect(() => fileName('a'.repeat(FILE_NAME_MAX_BYTES + 1), 'files[3].name'))
      .to.throw(InputError, 'field "files[3].name" is longer than 255 UTF-8 bytes')
      .with.property('details')
      .that.deep.include({ field: 'files[3].name', limit: 255 });
  });

  it('counts UTF-8 bytes as Buffer does', () => {
    for (const s of ['', 'a', 'é', '合', '𠀀', '👨‍👩‍👧', 'a合𠀀é']) {
      expect(utf8Length(s), s).to.equal(Buffer.byteLength(s, 'utf8'));
    }
  });
});
