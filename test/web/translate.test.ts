/**
 * `t()` of the web app is `translate()` in the language chosen (web/src/i18n.ts →
 * web/src/translate.ts): both languages, `{name}` placeholders, and a key without a text.
 */
import { expect } from 'chai';
import { translate, translateOr } from '../../web/src/translate.js';

describe('web app: t(), the texts in both languages', () => {
  it('gives the Chinese or the English text of a key', () => {
    expect(translate('zh', 'shell.login')).to.equal('登录');
    expect(translate('en', 'shell.login')).to.equal('Sign in');
    expect(translate('zh', 'nav.home')).to.equal('首页');
    expect(translate('en', 'nav.home')).to.equal('Home');
  });

  it('reads texts merged from the tables beside the pages', () => {
    expect(translate('en', 'home.title')).to.equal('Home');
    expect(translate('zh', 'dup.again')).to.equal('仍然存证');
  });

  it('fills every placeholder, numbers too, and leaves one without a value as written', () => {
    expect(translate('zh', 'deposits.countFiltered', { n: 2, total: 10 })).to.equal(
      '找到 2 份（共 10 份）',
    );
    expect(translate('en', 'deposits.countFiltered', { n: 2, total: 10 })).to.equal(
      '2 of 10 deposits',
    );
    expect(translate('en', 'deposits.countFiltered', { n: 2 })).to.equal('2 of {total} deposits');
    expect(translate('en', 'deposits.count')).to.equal('{n} deposits');
    expect(translate('en', 'deposits.count', { n: '$&' }), 'no replacement patterns').to.equal(
      '$& deposits',
    );
  });

  it('falls back for a key without a text (keys built from a server code)', () => {
    expect(translateOr('en', 'error.NO_SUCH_CODE', 'fallback')).to.equal('fallback');
    expect(translateOr('zh', 'error.INTERNAL', 'fallback')).to.not.equal('fallback');
    expect(translateOr('en', 'deposits.count', 'fallback', { n: 3 })).to.equal('3 deposits');
  });
});
