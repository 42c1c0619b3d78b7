/**
 * `/verify` — the page every phone that scans a certificate's QR code lands on (docs/web.md).
 * `/verify?id=<number>` answers on load, with no click and no sign-in: whether the deposit
 * exists, when it was made (UTC+08:00 and UTC), whether a notarial certificate was issued; the
 * log index and the checkpoint behind 技术详情, checked again in this browser; then it offers the
 * file check (several files at once, each hashed here and matched by digest). Without a number
 * it looks a number up, or files and digests across all deposits. Nothing personal is shown.
 */
import { api } from '../../api.js';
import { h, replace } from '../../dom.js';
import { formatTime, groupDepositNumber } from '../../format.js';
import { t } from '../../i18n.js';
import { navigate, type Page, type View } from '../../router.js';
import { announce, card, copyButton, errorText, facts, field, pageTitle } from '../../ui/common.js';
import { checksList } from '../../ui/checks.js';
import { fileCheck, type Answer } from './file-check.js';
import { readNumber } from './number.js';

/** `2026-11-26 06:30:00 UTC`. */
function formatUtc(iso: string): string {
  return Number.isFinite(Date.parse(iso)) ? `${iso.slice(0, 19).replace('T', ' ')} UTC` : iso;
}

/** The big answer: ✓ 存证存在 / ✗ 未找到, never a `data-verdict` (that is the file check's). */
function answerHead(found: boolean, title: string, detail: string | null): HTMLElement {
  return h(
    'div',
    { class: `answer ${found ? 'answer-ok' : 'answer-bad'}`, role: 'status' },
    h('span', { class: 'answer-mark', 'aria-hidden': 'true' }, found ? '✓' : '✗'),
    h(
      'div',
      { class: 'answer-text' },
      h('h2', { class: 'answer-title', id: 'answer-title' }, title),
      detail ? h('p', { class: 'answer-detail' }, detail) : null,
    ),
  );
}

function numberLine(number: string): HTMLElement {
  const copy = copyButton(number, t('landing.copy'));
  copy.setAttribute('aria-label', t('landing.copyNumber'));
  return h(
    'p',
    { class: 'answer-number' },
    h('span', { class: 'mono', 'data-number': number }, groupDepositNumber(number)),
    ' ',
    copy,
  );
}

/** The log facts behind 技术详情, with a slot for the browser's own check of the proof. */
function technical(answer: Answer): { el: HTMLElement; slot: HTMLElement } {
  const log = answer.log!;
  const rootCopy = copyButton(log.rootHash, t('landing.copy'));
  rootCopy.setAttribute('aria-label', t('landing.copyRoot'));
  const checks = h(
    'div',
    { 'data-log-checks': '' },
    h('p', { class: 'muted' }, t('landing.rechecking')),
  );
  const details = h(
    'details',
    { class: 'tech', 'data-tech': '' },
    h('summary', null, t('landing.tech')),
    h('p', { class: 'muted small' }, t('landing.techLead')),
    facts([
      [t('landing.index'), h('span', { class: 'mono', 'data-log-index': '' }, String(log.index))],
      [t('landing.tree'), t('landing.treeValue', { size: log.treeSize, origin: log.origin })],
      [
        t('landing.root'),
        h('span', { class: 'digest-line' }, h('code', { class: 'digest' }, log.rootHash), rootCopy),
      ],
    ]),
    h('p', { class: 'small strong' }, t('landing.note')),
    h('pre', { class: 'note-text', 'data-checkpoint': '' }, log.checkpoint),
    h('h3', null, t('landing.checksTitle')),
    checks,
    h('p', { class: 'small' }, h('a', { href: '/help' }, t('landing.helpLink'))),
  );
  return { el: details, slot: checks };
}

/** Fills the log line and the checks once this browser has checked the proof itself. */
async function recheck(
  answer: Answer,
  number: string,
  line: HTMLElement,
  slot: HTMLElement,
): Promise<void> {
  try {
    const v = await import('../../verifier.js');
    const { report } = await v.verifyNumberProof(answer.log, number);
    const ok = report.verdict === 'verified';
    line.dataset.logCheck = ok ? 'verified' : 'not_verified';
    replace(line, `${ok ? '✓' : '✗'} ${t(ok ? 'landing.inLog' : 'landing.notInLog')}`);
    replace(slot, checksList(report.checks));
  } catch (err) {
    line.dataset.logCheck = 'error';
    replace(line, t('landing.recheckFailed', { message: errorText(err) }));
    replace(slot);
  }
}

/** The answer card of a number, or of its absence. */
function numberAnswer(answer: Answer, number: string): HTMLElement {
  if (answer.verdict !== 'found' || !answer.deposit || !answer.log) {
    return h(
      'section',
      { class: 'card answer-card', 'data-answer': 'not_found', 'aria-labelledby': 'answer-title' },
      answerHead(false, t('landing.notFound'), t('landing.notFoundDetail')),
      numberLine(number),
      h('p', { class: 'muted small' }, t('publicVerify.privacy')),
    );
  }
  const logLine = h('span', { 'data-log-check': 'pending' }, t('landing.rechecking'));
  const tech = technical(answer);
  void recheck(answer, number, logLine, tech.slot);
  const at = answer.deposit.createdAt;
  return h(
    'section',
    { class: 'card answer-card', 'data-answer': 'found', 'aria-labelledby': 'answer-title' },
    answerHead(true, t('landing.found'), t('landing.foundDetail')),
    numberLine(number),
    facts([
      [
        t('landing.time'),
        h(
          'span',
          { 'data-time': at },
          formatTime(at),
          h('br'),
          h('span', { class: 'muted' }, formatUtc(at)),
        ),
      ],
      [
        t('landing.notarial'),
        h(
          'span',
          { 'data-notarised': String(answer.notarised ?? false) },
          answer.notarised ? t('landing.notarisedYes') : t('landing.notarisedNo'),
        ),
      ],
      [t('landing.log'), logLine],
    ]),
    tech.el,
    h('p', { class: 'muted small' }, t('landing.privacy')),
  );
}

/** A number form that navigates to its answer (`?id=`). */
function numberForm(value: string, heading: string): HTMLElement {
  const id = field({
    label: t('landing.numberLabel'),
    name: 'depositId',
    value,
    hint: t('publicVerify.numberHint'),
    spellcheck: false,
    autocomplete: 'off',
  });
  const errors = h('div', { class: 'form-errors' });
  const form = h(
    'form',
    { class: 'form', 'data-form': 'number' },
    id.wrap,
    errors,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('landing.lookUp')),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const typed = readNumber(id.input.value);
    if ('number' in typed) navigate(`/verify?id=${typed.number}`);
    else
      replace(
        errors,
        h(
          'div',
          { class: 'notice notice-error', role: 'alert' },
          t(typed.problem === 'check' ? 'landing.wrongCheck' : 'publicVerify.badNumber'),
        ),
      );
  });
  return card(heading, form);
}

function links(): HTMLElement {
  return h(
    'p',
    { class: 'small landing-links' },
    t('publicVerify.haveCertificate'),
    ' ',
    h('a', { href: '/verify/certificate' }, t('nav.checkCertificate')),
    ' · ',
    h('a', { href: '/help' }, t('landing.helpLink')),
  );
}

async function renderNumber(
  view: View,
  number: string,
  digest: Parameters<typeof fileCheck>[1],
): Promise<void> {
  const slot = h(
    'div',
    { 'data-answer-slot': '' },
    h('p', { class: 'loading', role: 'status' }, t('landing.asking')),
  );
  view.main.append(slot);
  let answer: Answer;
  try {
    answer = await api<Answer>(
      'POST',
      '/api/v1/verify',
      { depositId: number },
      { anonymous: true },
    );
  } catch (err) {
    if (!view.alive()) return;
    replace(
      slot,
      h('div', { class: 'notice notice-error', role: 'alert' }, errorText(err)),
      numberForm(number, t('landing.again')),
    );
    return;
  }
  if (!view.alive()) return;
  const found = answer.verdict === 'found';
  const check = found ? fileCheck(number, digest) : undefined;
  replace(
    slot,
    numberAnswer(answer, number),
    check?.el,
    numberForm('', t('landing.another')),
    links(),
  );
  announce(found ? t('landing.found') : t('landing.notFound'));
  if (check && digest) check.run();
}

export const publicVerifyPage: Page = {
  name: 'verify',
  title: 'publicVerify.title',
  async render(view) {
    const { main, query } = view;
    const raw = (query.get('id') ?? query.get('q') ?? '').trim();
    const alg = query.get('sm3') ? 'sm3' : 'sha256';
    const hex = (query.get(alg) ?? '').trim().toLowerCase();
    const digest = hex ? ({ alg, hex } as const) : undefined;
    const read = raw === '' ? undefined : readNumber(raw);
    // a phone that scanned a QR code: the answer first, no lead above it
    main.append(
      read && 'number' in read
        ? pageTitle(t('landing.title'))
        : pageTitle(t('landing.title'), t('landing.lead')),
    );
    if (read) {
      if ('number' in read) {
        await renderNumber(view, read.number, digest);
        return;
      }
      main.append(
        h(
          'div',
          { class: 'notice notice-error', role: 'alert', 'data-number-problem': read.problem },
          t(read.problem === 'check' ? 'landing.wrongCheckIn' : 'landing.notANumber', { raw }),
        ),
      );
    }
    const check = fileCheck(undefined, digest);
    main.append(numberForm(raw, t('landing.byNumber')), check.el, links());
    if (digest) check.run();
  },
};
