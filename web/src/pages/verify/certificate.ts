/**
 * `/verify/certificate`: a certificate PDF or receipt and the evidence files (one or several at
 * once) are checked here, in this browser, by the same verifier as the CLI (`src/verify`); the
 * files are hashed locally and never uploaded. The answer comes in plain words first, the checks
 * behind 技术详情; a signed-in reader of the deposit can download the signed 核验报告, which the
 * server computes from exactly the same inputs (docs/web.md). The QR landing `/verify` lives in
 * `landing.ts`.
 */
import { ApiError, currentSession, request, saveBlob } from '../../api.js';
import { h, replace } from '../../dom.js';
import {
  formatBytes,
  formatTime,
  groupDepositNumber,
  normalizeDepositNumber,
} from '../../format.js';
import { t, tOr } from '../../i18n.js';
import type { Page } from '../../router.js';
import { announce, busy, card, facts, field, pageTitle } from '../../ui/common.js';
import { checksList, verdictBanner } from '../../ui/checks.js';
import { dropZone } from '../../ui/files.js';
import type { ReadDocument } from '../../verifier.js';
import { filesToVerify, type HashedFile } from './files.js';
import { plainSummary } from './plain.js';

/**
 * Asks the server for the signed verification report (核验报告) of what this page checked: the
 * same document, digests and number (`reportRequest`), so the report's checks are the page's.
 */
async function fetchReport(
  doc: File,
  file: HashedFile | undefined,
  depositId: string | undefined,
  saveAs: string,
): Promise<void> {
  const { reportRequest } = await import('../../verifier.js');
  const res = await request('POST', '/api/v1/verify', reportRequest(doc, file, depositId), {
    accept: 'application/pdf',
  });
  saveBlob(await res.blob(), saveAs);
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
    const picker = filesToVerify({ label: t('verify.dropFiles'), multiple: true });
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
        card(t('verify.step2Files'), picker.el),
      ),
      card(null, id.wrap),
      errors,
      h('div', { class: 'actions' }, submit),
    );
    // warm the verifier while the person picks files
    const verifier = import('../../verifier.js');
    verifier.catch(() => undefined);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void busy(submit, errors, async () => {
        replace(result);
        if (!doc) throw new Error(t('verify.needCertificate'));
        const chosenDoc = doc;
        const rawId = id.input.value.trim();
        const depositId = rawId === '' ? undefined : normalizeDepositNumber(rawId);
        if (rawId !== '' && depositId === undefined) throw new Error(t('publicVerify.badNumber'));
        const v = await verifier;
        let read: ReadDocument;
        try {
          read = await v.readDocument(chosenDoc);
        } catch (err) {
          const code = (err as { code?: unknown }).code;
          const known = typeof code === 'string' ? tOr(`error.${code}`, '') : '';
          const message = known || (err instanceof Error ? err.message : String(err));
          throw new Error(t('verify.unreadable', { message }), { cause: err });
        }
        const files = await picker.files();
        // One verification per file (none: the certificate alone), each by the same verifier.
        const runs: { file: HashedFile | undefined; report: VerifyRun['report'] }[] = [];
        let online: VerifyRun['online'] | undefined;
        for (const file of files.length > 0 ? files : [undefined]) {
          const run = await v.verifyDocument(read, file, depositId);
          online = run.online;
          runs.push({ file, report: run.report });
          if (file)
            picker.mark(
              file.position,
              run.report.verdict === 'verified',
              run.report.verdict === 'verified'
                ? t('verify.fileOk', { name: run.report.file?.name ?? file.name })
                : run.report.checks.some((c) => c.id.startsWith('file.') && c.status === 'fail')
                  ? t('verify.fileNotIn')
                  : t('verify.notVerified'),
            );
        }
        const first = runs[0]!.report;
        const verified = runs.every((r) => r.report.verdict === 'verified');
        const number = first.entry?.id;
        const failedFile = runs.some((r) =>
          r.report.checks.some((c) => c.id.startsWith('file.') && c.status === 'fail'),
        );
        const several = runs.length > 1;
        const detail = verified
          ? several
            ? t('verify.verifiedFiles', { n: runs.length })
            : runs[0]!.file
              ? t('verify.verifiedWithFile', { name: runs[0]!.file.name })
              : t('verify.verifiedNoFile')
          : failedFile
            ? several
              ? t('verify.filesChanged', {
                  bad: runs.filter((r) => r.report.verdict !== 'verified').length,
                  n: runs.length,
                })
              : t('verify.fileChanged')
            : t('verify.notVerifiedDetail');
        const reportErrors = h('div', { class: 'form-errors', 'data-errors': 'report' });
        const reportButton = h(
          'button',
          { type: 'button', class: 'btn', 'data-download': 'report' },
          t(several ? 'verify.reports' : 'verify.report'),
        );
        reportButton.addEventListener('click', () => {
          void busy(reportButton, reportErrors, async () => {
            try {
              for (const [i, r] of runs.entries()) {
                const base = number ?? depositId ?? 'huicun';
                await fetchReport(
                  chosenDoc,
                  r.file,
                  depositId,
                  `${base}-verification-report${several ? `-${i + 1}` : ''}.pdf`,
                );
              }
            } catch (err) {
              if (err instanceof ApiError && (err.status === 404 || err.code === 'NOT_FOUND'))
                throw new Error(t('verify.reportNotReadable'), { cause: err });
              throw err;
            }
          });
        });
        const allChecks = runs.flatMap((r) => r.report.checks);
        replace(
          result,
          card(
            t('verify.result'),
            verdictBanner(verified, detail, several ? [] : first.checks),
            plainSummary(allChecks),
            currentSession() && number
              ? h(
                  'div',
                  { class: 'actions report-actions' },
                  reportButton,
                  h(
                    'span',
                    { class: 'hint' },
                    t(several ? 'verify.reportsHint' : 'verify.reportHint'),
                  ),
                )
              : null,
            reportErrors,
            h(
              'details',
              { class: 'tech', 'data-tech': '' },
              h('summary', null, t('landing.tech')),
              h('h3', null, t('verify.checks')),
              runs.map((r) => [
                several && r.file ? h('h4', { class: 'file-name' }, r.file.name) : null,
                checksList(r.report.checks),
              ]),
              h('h3', null, t('verify.details')),
              facts([
                number
                  ? [t('deposit.number'), h('span', { class: 'mono' }, groupDepositNumber(number))]
                  : null,
                first.entry ? [t('deposit.time'), formatTime(first.entry.time)] : null,
                first.timestamp
                  ? [
                      t('verify.stampTime'),
                      t('verify.stampValue', {
                        time: formatTime(first.timestamp.genTime),
                        tsa: first.timestamp.tsa ?? '?',
                      }),
                    ]
                  : null,
                !several && first.file?.name ? [t('verify.matchedFile'), first.file.name] : null,
                [
                  t('verify.document'),
                  `${read.name}（${tOr(`verify.kind.${read.kind}`, read.kind)}）`,
                ],
                first.checkpoint
                  ? [
                      t('verify.tree'),
                      t('verify.treeValue', {
                        size: first.checkpoint.size,
                        origin: first.checkpoint.origin,
                      }),
                    ]
                  : null,
                online ? [t('verify.logKey'), h('code', { class: 'digest' }, online.vkey)] : null,
              ]),
              h('p', { class: 'small' }, h('a', { href: '/help' }, t('landing.helpLink'))),
            ),
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

type VerifyRun = Awaited<ReturnType<typeof import('../../verifier.js').verifyDocument>>;
