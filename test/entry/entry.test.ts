import { expect } from 'chai';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  canonicalize,
  displayDepositNumber,
  formatDepositNumber,
  makeEntry,
  openingCommitment,
  parseDepositNumber,
  parseEntry,
} from '../../src/entry/index.js';
import { propertyRuns } from '../helpers/size.js';

describe('entry/jcs (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and serialises numbers and strings as ECMAScript does', () => {
    // RFC 8785 §3.2.3 sorting example keys, and §3.2.2 number/literal examples.
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const text = canonicalize(value);
    const order = [
      'Carriage Return',
      'One',
      'Control',
      'Latin Small',
      'Euro Sign',
      'Emoji',
      'Hebrew',
    ];
    const positions = order.map((v) => text.indexOf(v));
    expect(positions.every((p) => p > 0)).to.equal(true);
    expect([...positions].sort((x, y) => x - y)).to.deep.equal(positions);
    expect(
      canonicalize({
        // RFC 8785 §3.2.2.3: 333333333.33333329 parses to the same double as 333333333.3333333.
        numbers: [Number('333333333.33333329'), 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
        literals: [null, true, false],
      }),
    ).to.equal(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27]}',
    );
    expect(canonicalize({ b: '\u2028 "q" \\ é', a: [] })).to.equal(
      '{"a":[],"b":"\u2028 \\"q\\" \\\\ é"}',
    );
  });

  it('refuses what JSON cannot hold', () => {
    for (const bad of [
      NaN,
      Infinity,
      undefined,
      () => 1,
      { a: undefined },
      '\ud800',
      new Date(0),
      10n,
    ]) {
      expect(() => canonicalize(bad), String(bad)).to.throw(TypeError);
    }
  });

  it('is stable under key order and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const once = canonicalize(v);
        expect(canonicalize(JSON.parse(once))).to.equal(once);
      }),
    );
  });
});

describe('entry/deposit-number', () => {
  it('matches the example in docs/formats.md and prints in groups', () => {
    expect(formatDepositNumber(12345)).to.equal('HC00000123458');
    expect(displayDepositNumber('HC00000123458')).to.equal('HC 00000 12345 8');
    expect(parseDepositNumber('hc 00000-12345 8')).to.deep.equal({
      number: 'HC00000123458',
      index: 12345,
    });
    expect(parseDepositNumber('HC00000123457')).to.equal(undefined);
    expect(parseDepositNumber('HC0000012345')).to.equal(undefined);
    expect(() => formatDepositNumber(-1)).to.throw(RangeError);
    expect(() => formatDepositNumber(1e10)).to.throw(RangeError);
  });

  it('catches every single substitution and every adjacent swap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_999 }),
        fc.nat(10),
        fc.integer({ min: 1, max: 10 }),
        (index, pos, delta) => {
          const good = formatDepositNumber(index);
          const chars = good.split('');
          const at = 2 + pos; // digits and check character
          const alphabet = '0123456789X';
          const i = alphabet.indexOf(chars[at]!);
          chars[at] = alphabet[(i + delta) % 11]!;
          if (at < 12 && chars[at] === 'X') chars[at] = alphabet[(i + delta + 1) % 10]!;
          if (chars.join('') !== good)
            expect(parseDepositNumber(chars.join(''))).to.equal(undefined);
          const swapped = good.split('');
          if (pos < 10 && swapped[2 + pos] !== swapped[3 + pos]) {
            [swapped[2 + pos], swapped[3 + pos]] = [swapped[3 + pos]!, swapped[2 + pos]!];
            expect(parseDepositNumber(swapped.join(''))).to.equal(undefined);
          }
        },
      ),
      { numRuns: propertyRuns(3000) },
    );
  });
});

describe('entry/entry', () => {
  const opening = { title: '合同', salt: 'ab'.repeat(32), files: [{ name: 'a.pdf', size: 3 }] };

  it('commits to the canonical opening with SHA-256', () => {
    const expected = createHash('sha256').update(canonicalize(opening), 'utf8').digest('hex');
    expect(openingCommitment(opening)).to.equal(expected);
    const { entry, bytes } = makeEntry(
      'deposit',
      'HC00000123458',
      '2026-11-26T06:30:00.123Z',
      opening,
    );
    expect(new TextDecoder().decode(bytes)).to.equal(
      `{"commitment":"${expected}","id":"HC00000123458","time":"2026-11-26T06:30:00.123Z","type":"deposit","v":1}`,
    );
    expect(parseEntry(bytes)).to.deep.equal(entry);
  });

  it('rejects entries that are not canonical, or have other fields, types or versions', () => {
    const ok = '{"commitment":"' + 'a'.repeat(64) + '","id":"x","time":"t","type":"deposit","v":1}';
    expect(parseEntry(new TextEncoder().encode(ok))).to.not.equal(undefined);
    for (const bad of [
      ok.replace('{"commitment"', '{ "commitment"'),
      ok.replace('"v":1', '"v":2'),
      ok.replace('"deposit"', '"other"'),
      ok.replace('}', ',"x":1}'),
      ok.replace('a'.repeat(64), 'A'.repeat(64)),
      '{"v":1,"type":"deposit","time":"t","id":"x","commitment":"' + 'a'.repeat(64) + '"}',
      'not json',
    ]) {
      expect(parseEntry(new TextEncoder().encode(bad)), bad).to.equal(undefined);
    }
    expect(parseEntry(new Uint8Array([0xff, 0xfe]))).to.equal(undefined);
  });
});
