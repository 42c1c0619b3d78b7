import { expect } from 'chai';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  codeCheck,
  codeHash,
  CODE_RANDOM_SYMBOLS,
  CROCKFORD_ALPHABET,
  CustodyError,
  newCode,
  parseCode,
} from '../../src/custody/index.js';

const FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/;
const canonical = (code: string): string => code.replace(/-/g, '');

function expectInvalid(text: unknown): void {
  try {
    parseCode(text);
  } catch (err) {
    expect(err).to.be.instanceOf(CustodyError);
    expect((err as CustodyError).code).to.equal('CODE_INVALID');
    return;
  }
  expect.fail(`${String(text)} was accepted`);
}

describe('custody/codes (share and claim codes, docs/access.md)', () => {
  it('issues 7 groups of 4 Crockford symbols: 26 random (130 bits ≥ 128) and 2 check', () => {
    const { code, hash } = newCode();
    expect(code).to.match(FORMAT);
    expect(CODE_RANDOM_SYMBOLS * 5).to.be.at.least(128);
    expect(hash).to.equal(createHash('sha256').update(canonical(code)).digest('hex'));
  });

  it('takes each random symbol from 5 bits of one CSPRNG byte, with an independent check', () => {
    const zeros = newCode(() => new Uint8Array(26));
    // python3: sha256(b'0'*26) → first 10 bits → 'AX'
    expect(zeros.code).to.equal('0000-0000-0000-0000-0000-0000-00AX');
    const all = newCode(() => Uint8Array.from({ length: 26 }, (_, i) => i + 0xe0));
    expect(canonical(all.code).slice(0, 26)).to.equal(CROCKFORD_ALPHABET.slice(0, 26));
    expect(() => newCode(() => new Uint8Array(25))).to.throw(RangeError);
  });

  it('uses every symbol in every position (no bias from the encoding)', () => {
    const seen = Array.from({ length: 26 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) {
      [...canonical(newCode().code).slice(0, 26)].forEach((ch, j) => seen[j]!.add(ch));
    }
    for (const s of seen) expect(s.size).to.equal(32);
  });

  it('reads codes as people type them: any case, spaces or no hyphens, I/L as 1, O as 0', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 26, maxLength: 26 }), (bytes) => {
        const { code, hash } = newCode(() => bytes);
        const c = canonical(code);
        expect(parseCode(code)).to.equal(c);
        expect(parseCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).to.equal(c);
        expect(parseCode(c)).to.equal(c);
        expect(parseCode(c.replace(/1/g, 'l').replace(/0/g, 'O'))).to.equal(c);
        expect(codeHash(parseCode(code))).to.equal(hash);
      }),
    );
  });

  it('refuses anything else with CODE_INVALID, and catches typos with the check', () => {
    const { code } = newCode(() => new Uint8Array(26).fill(7));
    const c = canonical(code);
    for (const bad of [
      undefined,
      42,
      '',
      c.slice(1),
      `${c}0`,
      `U${c.slice(1)}`,
      `${c}*`,
      'x'.repeat(100),
    ])
      expectInvalid(bad);
    let caught = 0;
    for (let i = 0; i < 26; i++) {
      for (const sym of CROCKFORD_ALPHABET) {
        if (sym === c[i]) continue;
        const typo = c.slice(0, i) + sym + c.slice(i + 1);
        try {
          parseCode(typo);
        } catch {
          caught++;
        }
      }
    }
    // 26 × 31 single substitutions; a 10-bit check lets about 1 in 1024 through.
    expect(caught).to.be.at.least(26 * 31 - 5);
    expect(codeCheck(c.slice(0, 26))).to.equal(c.slice(26));
  });
});
