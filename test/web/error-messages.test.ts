/**
 * Every error code a client can receive has a Chinese and an English text in the web app
 * (docs/web.md, "Errors beside their fields"): the codes are those of the one status table
 * (src/http/errors.ts) less the explicit list of codes no client receives; the texts are the app's
 * own merged table (web/src/texts.ts), so a new code without a text fails here.
 */
import { expect } from 'chai';
import { CLIENT_ERROR_CODES, NOT_FOR_CLIENTS } from '../../src/http/errors.js';
import type { FieldProblem } from '../../src/input/index.js';
import { texts } from '../../web/src/texts.js';

const table = texts as Readonly<Record<string, readonly [string, string]>>;
const HAN = /\p{Script=Han}/u;

/** `{name}` placeholders of a text. */
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('web app: a Chinese and an English text for every error code of the API', () => {
  it('has error.<CODE> in both languages for every code a client can receive', () => {
    expect(CLIENT_ERROR_CODES.length).to.be.greaterThan(90);
    const missing = CLIENT_ERROR_CODES.filter((code) => table[`error.${code}`] === undefined);
    expect(missing, 'codes without a text in the web app').to.deep.equal([]);
    for (const code of CLIENT_ERROR_CODES) {
      const [zh, en] = table[`error.${code}`]!;
      expect(zh, `${code} (zh)`).to.match(HAN);
      expect(en, `${code} (en)`)
        .to.match(/[A-Za-z]/)
        .and.not.match(HAN);
    }
  });

  it('excludes only codes that never reach a client, by the list in src/http/errors.ts', () => {
    for (const code of NOT_FOR_CLIENTS) expect(CLIENT_ERROR_CODES).not.to.include(code);
    expect(NOT_FOR_CLIENTS).to.include.members(['CONFIG_INVALID', 'ACCOUNT_STORE_CORRUPT']);
    expect(CLIENT_ERROR_CODES).to.include.members(['INTERNAL', 'LOGIN_FAILED', 'CODE_INVALID']);
  });

  it('explains each problem a field can have, with the field named', () => {
    // src/input's problems: `empty` reads as `required`, `format` as the field's own rule
    const shown: Record<FieldProblem, string> = {
      required: 'problem.required',
      empty: 'problem.required',
      type: 'problem.type',
      unicode: 'problem.unicode',
      character: 'problem.character',
      'too-short': 'problem.too-short',
      format: 'problem.invalid',
    };
    for (const key of [...Object.values(shown), 'problem.limit', 'problem.too-long']) {
      const pair = table[key];
      expect(pair, key).to.not.equal(undefined);
      for (const text of pair!) expect(placeholders(text), key).to.include('field');
    }
    expect(placeholders(table['problem.limit']![0])).to.include('limit');
  });

  it('uses the same placeholders in both languages of every text', () => {
    const differ = Object.entries(table)
      .filter(([, [zh, en]]) => placeholders(zh).join() !== placeholders(en).join())
      .map(([key]) => key);
    expect(differ).to.deep.equal([]);
  });
});
