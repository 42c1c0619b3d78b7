/** The result of a verification: the verdict and every check with ✓/✗, expected, actual, why. */
import { h, type Child } from '../dom.js';
import { pick, t, tOr } from '../i18n.js';
import type { CheckView } from '../types.js';

/** Values longer than this fold into a disclosure (entries, proofs), the start still visible. */
const LONG = 100;

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

function value(v: unknown): Child {
  if (isEmpty(v)) return h('span', { class: 'muted' }, '—');
  // several files: one digest a line
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || x === null)) {
    return h(
      'ul',
      { class: 'value-list' },
      v.map((x) => h('li', null, x === null ? '—' : h('code', { class: 'digest' }, x as string))),
    );
  }
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  if (text.length <= LONG) return h('code', { class: 'digest' }, text);
  return h(
    'details',
    { class: 'long-value' },
    h('summary', null, h('code', { class: 'digest' }, `${text.slice(0, LONG - 20)}…`)),
    h('code', { class: 'digest' }, text),
  );
}

const MARK = { pass: '✓', fail: '✗', skip: '–' } as const;

/** The name of a check in the current language. */
export function checkName(id: string): string {
  return tOr(`check.${id}`, id);
}

const ORDER = { fail: 0, pass: 1, skip: 2 } as const;

/** One row per check: failed ones first, then passed, then not applicable (each in the verifier's order). */
export function checksList(checks: readonly CheckView[]): HTMLElement {
  const sorted = checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) => ORDER[a.c.status] - ORDER[b.c.status] || a.i - b.i)
    .map((x) => x.c);
  return h(
    'ol',
    { class: 'checks', 'data-checks': '' },
    sorted.map((c) =>
      h(
        'li',
        { class: `check check-${c.status}`, 'data-check': c.id, 'data-status': c.status },
        h('span', { class: 'check-mark', 'aria-hidden': 'true' }, MARK[c.status]),
        h(
          'div',
          { class: 'check-body' },
          h(
            'p',
            { class: 'check-title' },
            h('strong', null, checkName(c.id)),
            ' ',
            h('span', { class: 'check-status' }, tOr(`check.status.${c.status}`, c.status)),
            ' ',
            h('code', { class: 'check-id' }, c.id),
          ),
          h(
            'p',
            { class: 'check-message' },
            h('span', { class: 'check-said' }, pick(c.message)),
            ' ',
            h('span', { class: 'check-explain' }, tOr(`check.explain.${c.id}`, '')),
          ),
          isEmpty(c.expected) && isEmpty(c.actual)
            ? null
            : h(
                'dl',
                { class: 'check-values' },
                h('dt', null, t('check.expected')),
                h('dd', { 'data-expected': '' }, value(c.expected)),
                h('dt', null, t('check.actual')),
                h('dd', { 'data-actual': '' }, value(c.actual)),
              ),
        ),
      ),
    ),
  );
}

/** The verdict banner; `failed` names the checks that failed. */
export function verdictBanner(
  verified: boolean,
  detail: Child,
  checks: readonly CheckView[] = [],
  titles: readonly [string, string] = [t('verify.verified'), t('verify.notVerified')],
): HTMLElement {
  const failed = checks.filter((c) => c.status === 'fail');
  const passed = checks.filter((c) => c.status === 'pass').length;
  return h(
    'div',
    {
      class: `verdict ${verified ? 'verdict-ok' : 'verdict-bad'}`,
      role: 'status',
      'data-verdict': verified ? 'verified' : 'not_verified',
    },
    h('span', { class: 'verdict-mark', 'aria-hidden': 'true' }, verified ? '✓' : '✗'),
    h(
      'div',
      null,
      h('p', { class: 'verdict-title' }, verified ? titles[0] : titles[1]),
      h('p', { class: 'verdict-detail' }, detail),
      checks.length > 0
        ? h(
            'p',
            { class: 'verdict-count' },
            failed.length === 0
              ? t('verify.countOk', { passed, total: checks.length })
              : t('verify.countBad', {
                  passed,
                  total: checks.length,
                  failed: failed.map((c) => checkName(c.id)).join(t('verify.listSep')),
                }),
          )
        : null,
    ),
  );
}
