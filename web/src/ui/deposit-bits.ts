/** Pieces about deposits used by several pages: lists, states, the file manifest, the custody trail. */
import { previewKind } from '../../../src/evidence/preview.js';
import { api, currentRole, download } from '../api.js';
import { h, replace, uid, type Child } from '../dom.js';
import { formatByteCount, formatBytes, formatTime, groupDepositNumber } from '../format.js';
import { t } from '../i18n.js';
import type { TextKey } from '../texts.js';
import type { ApplicationState, Deposit } from '../types.js';
import { badge, busy, copyButton, digest } from './common.js';

/**
 * Pages of `GET /api/v1/deposits`, fetched until the end or `max` items: a depositor's own as
 * {@link Deposit}, a notary's or judge's as `ListedDeposit` (details are opened one by one).
 */
export async function listDeposits<T extends { id: string } = Deposit>(max = 1000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null | undefined;
  do {
    const q = cursor ? `?limit=100&cursor=${encodeURIComponent(cursor)}` : '?limit=100';
    const page = await api<{ items: T[]; nextCursor: string | null }>(
      'GET',
      `/api/v1/deposits${q}`,
    );
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < max);
  return out;
}

const STATE_TONE: Readonly<Record<ApplicationState, 'ok' | 'warn' | 'bad' | 'info' | 'muted'>> = {
  submitted: 'info',
  in_review: 'warn',
  approved: 'ok',
  issued: 'ok',
  rejected: 'bad',
  withdrawn: 'muted',
};

/** The badge of a notarisation state. */
export function stateBadge(state: ApplicationState): HTMLElement {
  return badge(t(`state.${state}` as TextKey), STATE_TONE[state]);
}

/** The badge of a deposit method. */
export function methodBadge(method: string | undefined): HTMLElement {
  return method === 'hash-only'
    ? badge(t('method.hash-only'), 'info')
    : badge(t('method.upload'), 'muted');
}

/** A deposit number as a link, grouped for reading. */
export function depositLink(id: string): HTMLElement {
  return h('a', { href: `/deposits/${id}`, class: 'mono nowrap' }, groupDepositNumber(id));
}

/** A table that becomes stacked cards on narrow screens (labels come from `data-label`). */
export function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly Child[])[],
  className = '',
): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: `table stack ${className}` },
      h('caption', { class: 'visually-hidden' }, caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          head.map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((r) =>
          h(
            'tr',
            null,
            r.map((cell, i) => h('td', { 'data-label': head[i] }, cell)),
          ),
        ),
      ),
    ),
  );
}

/** A digest with its copy button (the button names the file and the algorithm). */
function digestRow(hex: string | undefined, alg: 'SHA-256' | 'SM3', name: string): HTMLElement {
  const tag = alg === 'SHA-256' ? 'sha256' : 'sm3';
  const copy = hex ? copyButton(hex) : null;
  copy?.setAttribute('aria-label', t('manifest.copyDigest', { alg, name }));
  copy?.setAttribute('data-copy', tag);
  return h(
    'dd',
    { class: 'digest-row' },
    h('span', { 'data-digest': tag }, digest(hex, `${alg} ${name}`)),
    copy,
  );
}

/**
 * The 预览 button of a file a browser may show (src/evidence/preview.ts): on the first click it
 * asks for a one-time inline link — the read is the file's recorded download — and shows the
 * image or PDF in `slot`; later clicks fold and unfold it without reading again.
 */
function previewButton(
  depositId: string,
  n: number,
  file: Deposit['files'][number],
  slot: HTMLElement,
  errors: HTMLElement,
): HTMLButtonElement | null {
  const kind = previewKind(file.mediaType);
  if (kind === undefined) return null;
  const button = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small',
      'data-preview-file': String(n),
      'aria-expanded': 'false',
      'aria-controls': slot.id,
    },
    t('manifest.preview'),
  );
  const open = (shown: boolean): void => {
    slot.hidden = !shown;
    button.setAttribute('aria-expanded', String(shown));
    button.textContent = t(shown ? 'manifest.previewHide' : 'manifest.preview');
  };
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-expanded') === 'true') return open(false);
    if (slot.childElementCount > 0) return open(true);
    void busy(button, errors, async () => {
      const { url } = await api<{ url: string }>(
        'POST',
        `/api/v1/deposits/${depositId}/files/${n}/link?disposition=inline`,
        {},
      );
      const label = t('manifest.previewOf', { name: file.name });
      replace(
        slot,
        kind === 'image'
          ? h('img', { src: url, alt: label, class: 'preview-image' })
          : h('iframe', { src: url, title: label, class: 'preview-pdf' }),
      );
      open(true);
    });
  });
  return button;
}

/**
 * The file manifest with sizes and digests (each with a copy button) and, for uploads, download
 * buttons and — for images and PDFs — a preview on request.
 */
export function manifest(deposit: Deposit, errors: HTMLElement): HTMLElement {
  const uploaded = deposit.method !== 'hash-only';
  const owner = currentRole() === 'depositor';
  return h(
    'div',
    { class: 'manifest-wrap' },
    h(
      'p',
      { class: 'muted small' },
      t('manifest.lead'),
      uploaded && !owner ? ` ${t('manifest.readsRecorded')}` : '',
    ),
    h(
      'ol',
      { class: 'manifest' },
      deposit.files.map((f, n) => {
        const get = h(
          'button',
          { type: 'button', class: 'btn btn-small', 'data-download-file': String(n) },
          t('deposit.downloadFile'),
        );
        get.addEventListener('click', () => {
          void busy(get, errors, () =>
            download(`/api/v1/deposits/${deposit.id}/files/${n}`, f.name),
          );
        });
        const slot = h('div', { class: 'preview', id: uid('preview'), hidden: true });
        return h(
          'li',
          { class: 'file', 'data-file': f.name },
          h(
            'div',
            { class: 'file-head' },
            h('span', { class: 'file-name' }, f.name),
            h('span', { class: 'file-meta' }, formatBytes(f.size), ' · ', f.mediaType),
            uploaded
              ? h(
                  'span',
                  { class: 'file-actions' },
                  previewButton(deposit.id, n, f, slot, errors),
                  get,
                )
              : null,
          ),
          h(
            'dl',
            { class: 'digests' },
            h('dt', null, 'SHA-256'),
            digestRow(f.sha256, 'SHA-256', f.name),
            h('dt', null, 'SM3'),
            digestRow(f.sm3, 'SM3', f.name),
            h('dt', null, t('deposit.size')),
            h('dd', null, formatByteCount(f.size)),
          ),
          uploaded ? slot : null,
        );
      }),
    ),
  );
}

export { custodyTrail, eventLabel, eventName } from './custody-trail.js';

/** The number and time line under a deposit's title. */
export function depositSubline(d: Deposit): Child {
  return [
    h('span', { class: 'mono', 'data-deposit-id': d.id }, groupDepositNumber(d.id)),
    ' · ',
    formatTime(d.createdAt),
    ' · ',
    methodBadge(d.method),
  ];
}

/** The button that downloads the notarial certificate of an issued application. */
export function notarialDownload(
  applicationId: string,
  certificateNumber: string | undefined,
  errors: HTMLElement,
): HTMLElement {
  const get = h(
    'button',
    { type: 'button', class: 'btn btn-primary', 'data-download': 'notarial' },
    t('notarisation.download'),
  );
  get.addEventListener(
    'click',
    () =>
      void busy(get, errors, () =>
        download(
          `/api/v1/notary/applications/${applicationId}/certificate.pdf`,
          `${certificateNumber ?? applicationId}.pdf`,
        ),
      ),
  );
  return get;
}
