import { expect } from 'chai';
import fc from 'fast-check';
import {
  codePointLength,
  fileName,
  InputError,
  multiLine,
  singleLine,
  TITLE_MAX_CHARS,
} from '../../src/input/index.js';

function refusal(f: () => unknown): InputError {
  try {
    f();
  } catch (err) {
    expect(err).to.be.instanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected a refusal');
}

describe('input: single-line and multi-line text', () => {
  it('returns NFC, trimmed', () => {
    expect(singleLine('title', '  Cafe\u0301 合同 ', { max: 200 })).to.equal('Caf\u00e9 合同');
    expect(multiLine('note', '\n 第一行\n第二行 \n', { max: 200 })).to.equal('第一行\n第二行');
  });

  it('turns CRLF and lone CR into LF in multi-line text (browsers send CRLF)', () => {
    expect(multiLine('description', 'a\r\nb\rc\nd', { max: 200 })).to.equal('a\nb\nc\nd');
  });

  it('refuses text over the limit with FIELD_TOO_LONG naming it, never cuts', () => {
    const title = '题'.repeat(TITLE_MAX_CHARS);
    expect(singleLine('title', title, { max: TITLE_MAX_CHARS })).to.equal(title);
    const e = refusal(() => singleLine('title', '题'.repeat(2000), { max: TITLE_MAX_CHARS }));
    expect(e.code).to.equal('FIELD_TOO_LONG');
    expect(e.message).to.equal('field "title" is longer than 200 characters');
    expect(e.details).to.deep.include({ field: 'title', limit: 200 });
    // Limits count code points, after trimming: an astral character is one.
    expect(singleLine('t', ` ${'𠀀'.repeat(3)} `, { max: 3 })).to.equal('𠀀𠀀𠀀');
    expect(refusal(() => multiLine('note', 'x'.repeat(11), { max: 10 })).code).to.equal(
      'FIELD_TOO_LONG',
    );
  });

  it('refuses what is absent, not a string, not well-formed, or empty', () => {
    const cases: [unknown, string][] = [
      [undefined, 'field "court" is required'],
      [42, 'field "court" must be a string'],
      [null, 'field "court" must be a string'],
      ['a\uD800b', 'field "court" must be well-formed Unicode'],
      ['  ', 'field "court" must not be empty'],
    ];
    for (const [value, message] of cases) {
      const e = refusal(() => singleLine('court', value, { max: 64 }));
      expect([e.code, e.message]).to.deep.equal(['INVALID_FIELD', message]);
      expect(e.details?.field).to.equal('court');
    }
    expect(singleLine('reason', '  ', { max: 64, min: 0 })).to.equal('');
  });

  it('refuses a forbidden character even where trimming would drop it (BOM, U+2028)', () => {
    expect(refusal(() => singleLine('title', '\uFEFF合同', { max: 200 })).code).to.equal(
      'INVALID_FIELD',
    );
    expect(refusal(() => multiLine('note', '合同\u2029', { max: 200 })).code).to.equal(
      'INVALID_FIELD',
    );
  });

  it('counts code points', () => {
    expect(codePointLength('a题𠀀')).to.equal(3);
  });
});

/** Code points the toolkit refuses in every field, as the issue lists them (and a few more). */
const forbidden = fc.oneof(
  fc.integer({ min: 0x00, max: 0x1f }).filter((c) => c !== 0x0a && c !== 0x0d),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.integer({ min: 0x202a, max: 0x202e }),
  fc.integer({ min: 0x2066, max: 0x2069 }),
  fc.constantFrom(0x200e, 0x200f, 0x2028, 0x2029, 0x200b, 0x2060, 0xfeff),
);
/** Ordinary text: ASCII letters, digits, space and punctuation, Latin-1 letters, CJK, accents. */
const ordinaryChar = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }).filter((c) => c !== 0x2f && c !== 0x5c),
  fc.integer({ min: 0xc0, max: 0xff }),
  fc.integer({ min: 0x4e00, max: 0x9fff }),
  fc.integer({ min: 0x3001, max: 0x3002 }),
  fc.constant(0x0301),
);
const ordinary = fc
  .array(ordinaryChar, { minLength: 1, maxLength: 60 })
  .map((cps) => String.fromCodePoint(...cps))
  .filter((s) => s.trim() !== '' && s !== '.' && s !== '..');

describe('input: properties', () => {
  const kinds = [
    (v: string) => singleLine('title', v, { max: 200 }),
    (v: string) => multiLine('description', v, { max: 200 }),
    (v: string) => fileName(v),
  ];

  it('refuses any string that contains a forbidden code point, in every kind', () => {
    fc.assert(
      fc.property(fc.string(), forbidden, fc.string(), fc.nat(2), (before, cp, after, kind) => {
        const text = `${before}${String.fromCodePoint(cp)}${after}`;
        expect(() => kinds[kind]!(text)).to.throw(InputError);
      }),
    );
  });

  it('accepts ordinary CJK and Latin text and returns it NFC (trimmed as text)', () => {
    fc.assert(
      fc.property(ordinary, (text) => {
        const nfc = text.normalize('NFC');
        expect(singleLine('title', text, { max: 200 })).to.equal(nfc.trim());
        expect(multiLine('description', text, { max: 200 })).to.equal(nfc.trim());
        expect(fileName(text)).to.equal(nfc);
      }),
    );
  });
});
