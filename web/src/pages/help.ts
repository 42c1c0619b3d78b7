/**
 * `/help` (帮助): what a deposit number, SHA-256 and SM3 are, what "verified" proves and what it
 * does not, and the few technical words the verification pages use — in plain words, for people
 * who scanned a certificate (docs/web.md).
 */
import { h } from '../dom.js';
import { t } from '../i18n.js';
import type { TextKey } from '../texts.js';
import type { Page } from '../router.js';
import { card, pageTitle } from '../ui/common.js';

/** The sections, each a heading and paragraphs (message keys). */
const SECTIONS: readonly (readonly [TextKey, readonly TextKey[]])[] = [
  ['help.number.title', ['help.number.1', 'help.number.2']],
  ['help.digest.title', ['help.digest.1', 'help.digest.2', 'help.digest.3']],
  ['help.proves.title', ['help.proves.1', 'help.proves.2', 'help.proves.3']],
  ['help.log.title', ['help.log.1', 'help.log.2']],
  ['help.offline.title', ['help.offline.1']],
];

/** Technical words shown behind 技术详情, explained. */
const GLOSSARY: readonly (readonly [TextKey, TextKey])[] = [
  ['help.term.index', 'help.term.index.text'],
  ['help.term.checkpoint', 'help.term.checkpoint.text'],
  ['help.term.root', 'help.term.root.text'],
  ['help.term.inclusion', 'help.term.inclusion.text'],
  ['help.term.consistency', 'help.term.consistency.text'],
  ['help.term.tlogProof', 'help.term.tlogProof.text'],
  ['help.term.checkId', 'help.term.checkId.text'],
];

export const helpPage: Page = {
  name: 'help',
  title: 'help.title',
  render({ main }) {
    main.append(
      h(
        'div',
        { class: 'help' },
        pageTitle(t('help.title'), t('help.lead')),
        SECTIONS.map(([title, paragraphs]) =>
          card(
            t(title),
            paragraphs.map((p) => h('p', null, t(p))),
          ),
        ),
        card(t('help.offline.commands'), h('pre', { class: 'note-text' }, t('help.offline.code'))),
        card(
          t('help.glossary'),
          h(
            'dl',
            { class: 'glossary' },
            GLOSSARY.map(([term, text]) => [h('dt', null, t(term)), h('dd', null, t(text))]),
          ),
        ),
        h(
          'p',
          null,
          h('a', { href: '/verify', class: 'btn btn-primary' }, t('help.toVerify')),
          ' ',
          h('a', { href: '/verify/certificate', class: 'btn' }, t('nav.checkCertificate')),
        ),
      ),
    );
  },
};
