/**
 * Verification pages. `/verify?id=<number>` (the certificate's QR code): anyone checks a digest
 * or a file against a deposit and learns only found / not found and the deposit time.
 * `/verify/certificate`: a certificate PDF or receipt and the evidence file are checked here, in
 * this browser, by the same verifier as the CLI (`src/verify`); the file is hashed locally and
 * never uploaded; a signed-in reader of the deposit can download the signed 核验报告.
 */
import { api, ApiError, currentSession, request, saveBlob } from '../api.js';
import { h, replace } from '../dom.js';
import { formatBytes, formatTime, groupDepositNumber, normalizeDepositNumber } from '../format.js';
import { hashFile, type FileDigests } from '../hash.js';
import { t, tOr } from '../i18n.js';
import type { Page } from '../router.js';
import type { CheckView } from '../types.js';
import { announce, busy, card, digest, facts, field, notice, pageTitle } from '../ui/common.js';
import { checksList, verdictBanner } from '../ui/checks.js';
import { dropZone, progressBar } from '../ui/files.js';
import type { ReadDocument } from '../verifier.js';

/** A chosen evidence file, hashed here with a progress bar. */
function evidencePicker(label: string): {
  el: HTMLElement;
  digests: () => Promise<(FileDigests & { name: string }) | undefined>;
} {
  let current: { name: string; hashing: Promise<FileDigests | undefined> } | undefined;
  const bar = progressBar(t('verify.hashing'));
  bar.el.setAttribute('data-hash-progress', '');
  const out = h('div', { 'data-evidence': '' });
  const zone = dropZone({
    name: 'evidence',
    multiple: false,
    label,
    hint: t('verify.fileHint'),
    onFiles: ([file]) => {
      if (!file) return;
      replace(
        out,
        h(
          'p',
          { class: 'chosen-line' },
          h('strong', null, file.name),
          ` · ${formatBytes(file.size)}`,
        ),
      );
      bar.set(0, file.size);
      const hashing = hashFile(file, (d, total) => bar.set(d, total)).then(
        (d) => {
          if (current?.hashing !== hashing) return d;
          out.append(
            h(
              'dl',
              { class: 'digests', 'data-hashed': '' },
              h('dt', null, 'SHA-256'),
              h('dd', { 'data-digest': 'sha256' }, digest(d.sha256)),
              h('dt', null, 'SM3'),
              h('dd', { 'data-digest': 'sm3' }, digest(d.sm3)),
            ),
          );
          announce(t('verify.hashed'));
          return d;
        },
        (err: unknown) => {
          out.append(notice('error', t('newDeposit.hashFailed', { message: String(err) })));
          return undefined;
        },
      );
      current = { name: file.name, hashing };
    },
  });
  return {
    el: h('div', { class: 'picker' }, zone.el, bar.el, out),
    async digests() {
      if (!current) return undefined;
      const d = await current.hashing;
      return d ? { ...d, name: current.name } : undefined;
    },
  };
}

interface VerifyAnswer {
  readonly verdict: 'verified' | 'not_verified' | 'found' | 'not_found';
  readonly checks: CheckView[];
  readonly deposit?: { readonly id: string; readonly createdAt: string };
  readonly matches?: number;
}

export const publicVerifyPage: Page = {
  name: 'verify',
  title: 'publicVerify.title',
  render({ main, query }) {
    const id = field({
      label: t('publicVerify.number'),
      name: 'depositId',
      value: normalizeDepositNumber(query.get('id') ?? '') ?? query.get('id') ?? '',
      hint: t('publicVerify.numberHint'),
      spellcheck: false,
      autocomplete: 'off',
    });
    const hex = field({
      label: t('publicVerify.digest'),
      name: 'digest',
      value: query.get('sha256') ?? query.get('sm3') ?? '',
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
        h('input', { type: 'radio', name: 'alg', value: 'sha256', checked: !query.get('sm3') }),
        ' SHA-256',
      ),
      h(
        'label',
        null,
        h('input', {
          type: 'radio',
          name: 'alg',
          value: 'sm3',
          checked: Boolean(query.get('sm3')),
        }),
        ' SM3',
      ),
    );
    const picker = evidencePicker(t('publicVerify.drop'));
    const result = h('div', { 'data-result': '' });
    const errors = h('div', { class: 'form-errors' });
    const submit = h(
      'button',
      { type: 'submit', class: 'btn btn-primary btn-large' },
      t('publicVerify.submit'),
    );
    const form = h(
      'form',
      { class: 'form' },
      id.wrap,
      h('h3', null, t('publicVerify.byFile')),
      picker.el,
      h('h3', null, t('publicVerify.byDigest')),
      hex.wrap,
      alg,
      errors,
      h('div', { class: 'actions' }, submit),
    );
    const placeholder = (): HTMLElement =>
      card(
        t('publicVerify.result'),
        h('p', { class: 'muted' }, t('publicVerify.waiting')),
        h('p', { class: 'muted small' }, t('publicVerify.privacy')),
      );
    replace(result, placeholder());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void busy(submit, errors, async () => {
        replace(result, placeholder());
        const rawId = id.input.value.trim();
        const depositId = rawId === '' ? undefined : normalizeDepositNumber(rawId);
        if (rawId !== '' && depositId === undefined) throw new Error(t('publicVerify.badNumber'));
        const file = await picker.digests();
        const typed = hex.input.value.trim().toLowerCase();
        let body: Record<string, string>;
        if (file) {
          body = { sha256: file.sha256, sm3: file.sm3 };
        } else if (/^[0-9a-f]{64}$/.test(typed)) {
          const which = (form.querySelector<HTMLInputElement>('input[name="alg"]:checked')?.value ??
            'sha256') as 'sha256' | 'sm3';
          body = { [which]: typed };
        } else {
          throw new Error(typed === '' ? t('publicVerify.needInput') : t('publicVerify.badDigest'));
        }
        if (depositId) body.depositId = depositId;
        const answer = await api<VerifyAnswer>('POST', '/api/v1/verify', body, { anonymous: true });
        const found = answer.verdict === 'found' || answer.verdict === 'verified';
        replace(
          result,
          card(
            t('publicVerify.result'),
            verdictBanner(
              found,
              found && answer.deposit
                ? t(depositId ? 'publicVerify.foundIn' : 'publicVerify.foundAny', {
                    id: groupDepositNumber(answer.deposit.id),
                    time: formatTime(answer.deposit.createdAt),
                    n: answer.matches ?? 1,
                  })
                : depositId
                  ? t('publicVerify.notFoundIn', { id: groupDepositNumber(depositId) })
                  : t('publicVerify.notFound'),
              [],
              [t('publicVerify.match'), t('publicVerify.noMatch')],
            ),
            checksList(answer.checks),
            h('p', { class: 'muted small' }, t('publicVerify.privacy')),
          ),
        );
        announce(found ? t('verify.verified') : t('verify.notVerified'));
      });
    });
    main.append(
      pageTitle(t('publicVerify.title'), t('publicVerify.lead')),
      h(
        'div',
        { class: 'columns columns-even' },
        h('div', { class: 'col-main' }, card(null, form)),
        h('div', { class: 'col-side', 'aria-live': 'polite' }, result),
      ),
      h(
        'p',
        { class: 'small' },
        t('publicVerify.haveCertificate'),
        ' ',
        h(
          'a',
          {
            href: `/verify/certificate${query.get('id') ? `?id=${encodeURIComponent(query.get('id')!)}` : ''}`,
          },
          t('nav.checkCertificate'),
        ),
      ),
    );
  },
};

/** Asks the server for the signed verification report (核验报告) of what was checked. */
async function fetchReport(
  depositId: string,
  file: FileDigests | undefined,
  doc: File | undefined,
): Promise<void> {
  let res: Response;
  if (file) {
    res = await request(
      'POST',
      '/api/v1/verify',
      { depositId, sha256: file.sha256, sm3: file.sm3 },
      { accept: 'application/pdf' },
    );
  } else if (doc) {
    const form = new FormData();
    form.append('depositId', depositId);
    form.append('certificate', doc, doc.name);
    res = await request('POST', '/api/v1/verify', form, { accept: 'application/pdf' });
  } else {
    throw new Error(t('verify.reportNeedsInput'));
  }
  saveBlob(await res.blob(), `${depositId}-verification-report.pdf`);
}

export const certificateCheckPage: Page = {
  name: 'verify-certificate',
  title: 'verify.title',
  async render({ main, query }) {
    const given = query.get('id') ?? '';
    const id = field({
      label: t('verify.number'),
      name: 'depositId',
      value: normalizeDepositNumber(given) ?? given,
      hint: t('verify.numberHint'),
      spellcheck: false,
      autocomplete: 'off',
    });
    let doc: File | undefined;
    const docInfo = h('div', { 'data-document': '' });
    const docZone = dropZone({
      name: 'certificate',
      multiple: false,
      label: t('verify.dropCertificate'),
      hint: t('verify.certificateHint'),
      accept: '.pdf,.json,.tlog-proof,application/pdf,application/json,text/plain',
      onFiles: ([file]) => {
        doc = file;
        if (file)
          replace(
            docInfo,
            h(
              'p',
              { class: 'chosen-line' },
              h('strong', null, file.name),
              ` · ${formatBytes(file.size)}`,
            ),
          );
      },
    });
    const picker = evidencePicker(t('verify.dropFile'));
    const result = h('div', { 'data-result': '' });
    const errors = h('div', { class: 'form-errors' });
    const submit = h(
      'button',
      { type: 'submit', class: 'btn btn-primary btn-large' },
      t('verify.submit'),
    );
    const form = h(
      'form',
      { class: 'form form-wide' },
      h(
        'div',
        { class: 'two' },
        card(t('verify.step1'), docZone.el, docInfo),
        card(t('verify.step2'), picker.el),
      ),
      card(null, id.wrap),
      errors,
      h('div', { class: 'actions' }, submit),
    );
    // warm the verifier while the person picks files
    const verifier = import('../verifier.js');
    verifier.catch(() => undefined);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void busy(submit, errors, async () => {
        replace(result);
        if (!doc) throw new Error(t('verify.needCertificate'));
        const rawId = id.input.value.trim();
        const depositId = rawId === '' ? undefined : normalizeDepositNumber(rawId);
        if (rawId !== '' && depositId === undefined) throw new Error(t('publicVerify.badNumber'));
        const v = await verifier;
        let read: ReadDocument;
        try {
          read = await v.readDocument(doc);
        } catch (err) {
          const code = (err as { code?: unknown }).code;
          const known = typeof code === 'string' ? tOr(`error.${code}`, '') : '';
          const message = known || (err instanceof Error ? err.message : String(err));
          throw new Error(t('verify.unreadable', { message }), { cause: err });
        }
        const file = await picker.digests();
        const { report, online } = await v.verifyDocument(read, file, depositId);
        const verified = report.verdict === 'verified';
        const number = report.entry?.id;
        const failedFile = report.checks.some(
          (c) => c.id.startsWith('file.') && c.status === 'fail',
        );
        const detail = verified
          ? file
            ? t('verify.verifiedWithFile', { name: file.name })
            : t('verify.verifiedNoFile')
          : failedFile
            ? t('verify.fileChanged')
            : t('verify.notVerifiedDetail');
        const reportErrors = h('div', { class: 'form-errors', 'data-errors': 'report' });
        const reportButton = h(
          'button',
          { type: 'button', class: 'btn', 'data-download': 'report' },
          t('verify.report'),
        );
        reportButton.addEventListener('click', () => {
          void busy(reportButton, reportErrors, async () => {
            try {
              await fetchReport(number ?? depositId ?? '', file, doc);
            } catch (err) {
              if (err instanceof ApiError && (err.status === 404 || err.code === 'NOT_FOUND'))
                throw new Error(t('verify.reportNotReadable'), { cause: err });
              throw err;
            }
          });
        });
        replace(
          result,
          card(
            t('verify.result'),
            verdictBanner(verified, detail, report.checks),
            currentSession() && number
              ? h(
                  'div',
                  { class: 'actions report-actions' },
                  reportButton,
                  h('span', { class: 'hint' }, t('verify.reportHint')),
                )
              : null,
            reportErrors,
            h('h3', null, t('verify.checks')),
            checksList(report.checks),
            h('h3', null, t('verify.details')),
            facts([
              number
                ? [t('deposit.number'), h('span', { class: 'mono' }, groupDepositNumber(number))]
                : null,
              report.entry ? [t('deposit.time'), formatTime(report.entry.time)] : null,
              report.file?.name ? [t('verify.matchedFile'), report.file.name] : null,
              [
                t('verify.document'),
                `${read.name}（${tOr(`verify.kind.${read.kind}`, read.kind)}）`,
              ],
              report.checkpoint
                ? [
                    t('verify.tree'),
                    t('verify.treeValue', {
                      size: report.checkpoint.size,
                      origin: report.checkpoint.origin,
                    }),
                  ]
                : null,
              [t('verify.logKey'), h('code', { class: 'digest' }, online.vkey)],
            ]),
            h('p', { class: 'muted small' }, t('verify.localNote')),
          ),
        );
        announce(verified ? t('verify.verified') : t('verify.notVerified'));
        result.querySelector<HTMLElement>('.verdict')?.scrollIntoView({ block: 'start' });
      });
    });
    main.append(pageTitle(t('verify.title'), t('verify.lead')), form, result);
  },
};
