/**
 * The web app's texts are one table merged from the tables beside each page (web/src/texts.ts):
 * a key lives in exactly one table, and every text has both languages.
 */
import { expect } from 'chai';
import { mergeTables, tables, texts } from '../../web/src/texts.js';

type Table = Readonly<Record<string, readonly string[]>>;

describe('web app: the texts merged from the tables beside the pages', () => {
  it('defines each key in exactly one table', () => {
    const owners = new Map<string, number>();
    (tables as readonly Table[]).forEach((table, i) => {
      for (const key of Object.keys(table)) {
        expect(owners.has(key), `${key} in tables ${owners.get(key)} and ${i}`).to.equal(false);
        owners.set(key, i);
      }
    });
    expect(Object.keys(texts)).to.have.length(owners.size);
  });

  it('refuses to merge two tables that define the same key', () => {
    const a = { 'x.one': ['一', 'one'] } as const;
    const b = { 'x.one': ['壹', 'One'] } as const;
    expect(() => mergeTables(a, b)).to.throw('the key x.one is defined twice');
    expect(mergeTables(a, { 'x.two': ['二', 'two'] } as const)).to.deep.equal({
      'x.one': ['一', 'one'],
      'x.two': ['二', 'two'],
    });
  });

  it('has a Chinese and an English text for every key', () => {
    const missing = Object.entries(texts as Table)
      .filter(([, pair]) => pair.length !== 2 || pair.some((s) => s.trim() === ''))
      .map(([key]) => key);
    expect(missing).to.deep.equal([]);
  });
});
