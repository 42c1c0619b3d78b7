import { expect } from 'chai';
import { AccountError } from '../../src/accounts/errors.js';
import { DepositError } from '../../src/evidence/errors.js';
import {
  checkFields,
  InputError,
  multiLine,
  optional,
  readBody,
  requireString,
  singleLine,
} from '../../src/input/index.js';

const spec = {
  title: (v: unknown, f: string) => singleLine(f, v, { max: 5 }),
  note: optional((v: unknown, f: string) => multiLine(f, v, { max: 5 })),
};

function refusal(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a refusal');
}

describe('input: checkFields', () => {
  it('returns every checked value; optional fields may be absent', () => {
    expect(checkFields({ title: ' ab ', note: 'x\r\ny' }, spec)).to.deep.equal({
      title: 'ab',
      note: 'x\ny',
    });
    expect(checkFields({ title: 'ab' }, spec)).to.deep.equal({ title: 'ab', note: undefined });
  });

  it('rethrows a single bad field’s error unchanged', () => {
    const own = new DepositError('MISSING_TITLE', 'a deposit needs a title');
    const e = refusal(() =>
      checkFields(
        { title: 'ok' },
        {
          title: () => {
            throw own;
          },
        },
      ),
    );
    expect(e).to.equal(own);
  });

  it('reports every bad field at once, with the first one’s class and code', () => {
    const e = refusal(() =>
      checkFields({ title: 'a\u202Eb', note: 'x'.repeat(6) }, spec),
    ) as InputError;
    expect(e).to.be.instanceOf(InputError);
    expect(e.code).to.equal('INVALID_FIELD');
    expect(e.message).to.equal(
      'field "title" contains a bidirectional control character U+202E; ' +
        'field "note" is longer than 5 characters',
    );
    expect(e.details).to.deep.include({ field: 'title', fields: ['title', 'note'] });

    const mixed = refusal(() =>
      checkFields(
        { a: 1, b: 'x'.repeat(9) },
        {
          a: () => {
            throw new AccountError('INVALID_FIELD', 'field "a" is odd', {
              details: { field: 'a' },
            });
          },
          b: (v, f) => singleLine(f, v, { max: 5 }),
        },
      ),
    ) as AccountError;
    expect(mixed).to.be.instanceOf(AccountError);
    expect(mixed.details?.fields).to.deep.equal(['a', 'b']);
  });

  it('lets a bug (an error that is not coded) through at once', () => {
    let ran = false;
    const e = refusal(() =>
      checkFields(
        {},
        {
          a: () => {
            throw new TypeError('bug');
          },
          b: () => (ran = true),
        },
      ),
    );
    expect(e).to.be.instanceOf(TypeError);
    expect(ran).to.equal(false);
  });
});

describe('input: readBody and requireString', () => {
  it('refuses what is not a JSON object', () => {
    for (const body of [null, [], 'x', 1, new Date()]) {
      expect(() => readBody(body, []))
        .to.throw(InputError)
        .with.property('code', 'INVALID_BODY');
    }
    expect(readBody(Object.create(null), [])).to.deep.equal({});
  });

  it('names every unknown field', () => {
    const e = refusal(() => readBody({ a: 1, b: 2, c: 3 }, ['a'])) as InputError;
    expect([e.code, e.message]).to.deep.equal(['UNKNOWN_FIELD', 'unknown fields "b", "c"']);
    expect(e.details).to.deep.equal({ field: 'b', fields: ['b', 'c'] });
  });

  it('returns a string field unchanged, refuses others', () => {
    expect(requireString({ p: ' Ａ ' }, 'p')).to.equal(' Ａ ');
    for (const v of [undefined, 1, '\uDC00']) {
      expect(() => requireString({ p: v }, 'p'))
        .to.throw(InputError)
        .with.property('code', 'INVALID_FIELD');
    }
  });
});
