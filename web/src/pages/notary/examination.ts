/**
 * How the review page shows an examination (docs/certificates.md, "What the notarial certificate
 * says was examined"): the platform's own checks with their results and time, the notary's
 * attestations and the review opinion — the same items, and only those, that the notarial
 * certificate prints.
 * @module
 */
import { h } from '../../dom.js';
import { formatTime } from '../../format.js';
import { t } from '../../i18n.js';
import type { Examination, SystemCheck, SystemChecks } from '../../types.js';
import { badge } from '../../ui/common.js';

const TONE = { pass: 'ok', fail: 'bad', 'not-applicable': 'muted' } as const;
const MARK = { pass: '✓', fail: '✗', 'not-applicable': '–' } as const;

/** What one system check did, in words. */
export function checkText(c: SystemCheck, treeSize: number): string {
  switch (c.id) {
    case 'files': {
      if (c.result === 'not-applicable') return t('exam.check.filesHashOnly');
      const text = t('exam.check.files', { n: c.files ?? 0 });
      return c.failed?.length
        ? `${text} ${t('exam.check.filesFailed', { list: c.failed.map((p) => p + 1).join(', ') })}`
        : text;
    }
    case 'commitment':
      return t('exam.check.commitment');
    case 'inclusion':
      return t('exam.check.inclusion', { size: treeSize });
    case 'signature':
      return t('exam.check.signature');
  }
}

/** The system checks as a list, each with ✓/✗ and its result in words. */
export function systemChecksList(system: SystemChecks): HTMLElement {
  return h(
    'div',
    { class: 'exam-system', 'data-system-checks': system.at },
    h(
      'ul',
      { class: 'exam-checks' },
      system.checks.map((c) =>
        h(
          'li',
          { 'data-check': c.id, 'data-result': c.result },
          h('span', { class: `exam-mark exam-${c.result}`, 'aria-hidden': 'true' }, MARK[c.result]),
          h('span', { class: 'exam-text' }, checkText(c, system.treeSize)),
          badge(t(`exam.result.${c.result}`), TONE[c.result]),
        ),
      ),
    ),
    h(
      'p',
      { class: 'hint' },
      t('exam.checkedAt', { time: formatTime(system.at) }),
      system.logKey ? ` ${t('exam.logKey', { key: system.logKey })}` : '',
    ),
  );
}

/** What the notary attested, as the certificate prints it (`exam.none` when nothing). */
export function attestationItems(a: Examination['attestations']): string[] {
  const out: string[] = [];
  if (a.identity === 'in-person') out.push(t('exam.print.inPerson'));
  if (a.identity === 'video') out.push(t('exam.print.video'));
  if (a.custodyTrailReviewed) out.push(t('exam.print.trail'));
  return out.length > 0 ? out : [t('exam.none')];
}

/** A decided application's examination record (read-only). */
export function examinationRecord(e: Examination | undefined): HTMLElement {
  if (!e) return h('p', { class: 'muted', 'data-examination': 'none' }, t('exam.noRecord'));
  return h(
    'div',
    { 'data-examination': '' },
    h('h3', null, t('exam.system')),
    systemChecksList(e.system),
    h('h3', null, t('exam.notary')),
    h(
      'ul',
      { class: 'ticks', 'data-attestations': '' },
      attestationItems(e.attestations).map((x) => h('li', null, x)),
    ),
    e.opinion
      ? [h('h3', null, t('exam.opinion')), h('p', { class: 'pre', 'data-opinion': '' }, e.opinion)]
      : null,
  );
}
