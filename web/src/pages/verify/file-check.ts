/**
 * The file check of the verification landing (docs/web.md): several files at once (each hashed
 * in this browser, never uploaded) or one typed digest, looked up in one deposit or in all; each
 * file gets its own ✓/✗ and the banner says whether all matched.
 * @module
 */
import { api } from '../../api.js';
import { h, replace } from '../../dom.js';
import { formatTime, groupDepositNumber } from '../../format.js';
import { t } from '../../i18n.js';
import type { CheckView } from '../../types.js';
import { announce, busy, card, field } from '../../ui/common.js';
import { checksList, verdictBanner } from '../../ui/checks.js';
import { filesToVerify } from './files.js';

/** What POST /api/v1/verify answers (docs/verification.md). */
export interface Answer {
  readonly verdict: 'verified' | 'not_verified' | 'found' | 'not_found';
  readonly checks: CheckView[];
  readonly deposit?: { readonly id: string; readonly createdAt: string };
  readonly matches?: number;
  readonly log?: {
    readonly index: number;
    readonly origin: string;
    readonly treeSize: number;
    readonly rootHash: string;
    readonly checkpoint: string;
  };
  readonly notarised?: boolean;
}

/**
 * The file check: several files (hashed here) or one typed digest, looked up in one deposit
 * (`number`) or in all; each file gets its own ✓/✗ and the banner says whether all matched.
 */
export function fileCheck(
  number: string | undefined,
  digest: { readonly alg: 'sha256' | 'sm3'; readonly hex: string } | undefined,
): { el: HTMLElement; run: () => void } {
  const picker = filesToVerify({ label: t('landing.drop'), multiple: true });
  const hex = field({
    label: t('publicVerify.digest'),
    name: 'digest',
    value: digest?.hex ?? '',
    hint: t('publicVerify.digestHint'),
    spellcheck: false,
    autocomplete: 'off',
    maxlength: 64,
  });
  const alg = h(
    'fieldset',
    { class: 'radios' },
    h('legend', null, t('publicVerify.algorithm')),
    h(
      'label',
      null,
      h('input', { type: 'radio', name: 'alg', value: 'sha256', checked: digest?.alg !== 'sm3' }),
      ' SHA-256',
    ),
    h(
      'label',
      null,
      h('input', { type: 'radio', name: 'alg', value: 'sm3', checked: digest?.alg === 'sm3' }),
      ' SM3',
    ),
  );
  const result = h('div', { 'data-result': '', 'aria-live': 'polite' });
  const errors = h('div', { class: 'form-errors' });
  const submit = h(
    'button',
    { type: 'submit', class: 'btn btn-primary btn-large' },
    t('landing.checkFiles'),
  );
  const typed = h(
    'details',
    { class: 'typed-digest', open: digest ? true : undefined },
    h('summary', null, t('landing.haveDigest')),
    hex.wrap,
    alg,
  );
  const form = h(
    'form',
    { class: 'form', 'data-form': 'files' },
    picker.el,
    typed,
    errors,
    h('div', { class: 'actions' }, submit),
  );
  const ask = (body: Record<string, string>): Promise<Answer> =>
    api<Answer>('POST', '/api/v1/verify', number ? { ...body, depositId: number } : body, {
      anonymous: true,
    });
  const found = (a: Answer): boolean => a.verdict === 'found' || a.verdict === 'verified';
  const run = (): void => {
    void busy(submit, errors, async () => {
      replace(result);
      const files = await picker.files();
      let lines: string[] = [];
      let ok = 0;
      let total: number;
      let checks: CheckView[] = [];
      if (files.length > 0) {
        total = files.length;
        for (const f of files) {
          const a = await ask({ sha256: f.sha256, sm3: f.sm3 });
          const hit = found(a);
          if (hit) ok += 1;
          checks = checks.concat(a.checks);
          picker.mark(
            f.position,
            hit,
            number
              ? t(hit ? 'landing.fileMatch' : 'landing.fileNoMatch')
              : hit && a.deposit
                ? t('landing.fileIn', { id: groupDepositNumber(a.deposit.id) })
                : t('landing.fileNowhere'),
          );
        }
      } else {
        const value = hex.input.value.trim().toLowerCase();
        if (!picker.chosen() && value === '') throw new Error(t('landing.needFiles'));
        if (!/^[0-9a-f]{64}$/.test(value)) throw new Error(t('publicVerify.badDigest'));
        const which =
          form.querySelector<HTMLInputElement>('input[name="alg"]:checked')?.value === 'sm3'
            ? 'sm3'
            : 'sha256';
        const a = await ask({ [which]: value });
        total = 1;
        ok = found(a) ? 1 : 0;
        checks = a.checks;
        if (!number && a.deposit)
          lines = [
            t('publicVerify.foundAny', {
              id: groupDepositNumber(a.deposit.id),
              time: formatTime(a.deposit.createdAt),
              n: a.matches ?? 1,
            }),
          ];
      }
      const all = ok === total;
      const detail = number
        ? all
          ? t('landing.allMatch', { n: total, id: groupDepositNumber(number) })
          : t('landing.someMatch', { ok, n: total, id: groupDepositNumber(number) })
        : all
          ? t('landing.allFound', { n: total })
          : t('landing.someFound', { ok, n: total });
      replace(
        result,
        verdictBanner(all, detail, [], [t('publicVerify.match'), t('publicVerify.noMatch')]),
        lines.map((l) => h('p', null, l)),
        h('details', { class: 'tech' }, h('summary', null, t('landing.tech')), checksList(checks)),
        h('p', { class: 'muted small' }, t('landing.filesPrivacy')),
      );
      announce(all ? t('verify.verified') : t('verify.notVerified'));
    });
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
  const el = card(
    number ? t('landing.filesTitle') : t('landing.anyTitle'),
    h('p', { class: 'muted' }, number ? t('landing.filesLead') : t('landing.anyLead')),
    form,
    result,
  );
  el.setAttribute('data-file-check', '');
  return {
    el,
    run,
  };
}
