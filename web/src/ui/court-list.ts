/**
 * The administrator's 法院名录 (docs/courts.md): the listed courts with search, adding a court,
 * renaming, disabling and enabling one. Each action is an admin entry on the server's side.
 * @module
 */
import { api } from '../api.js';
import { h, replace, uid } from '../dom.js';
import { formatDate } from '../format.js';
import { t } from '../i18n.js';
import type { Court } from '../types.js';
import { badge, busy, card, errorText, field, loading, notice } from './common.js';
import { table } from './deposit-bits.js';

/** Pause in typing before the list is asked again (ms). */
const TYPING_PAUSE_MS = 150;

/** The court list card; `alive()` says whether the page is still shown. */
export function courtListCard(alive: () => boolean): HTMLElement {
  const listSlot = h('div', { 'data-courts': '' }, loading());
  const listErrors = h('div', { class: 'form-errors' });
  const searchId = uid('court-search');
  const search = h('input', {
    id: searchId,
    type: 'search',
    name: 'courtSearch',
    autocomplete: 'off',
    maxlength: 64,
  });
  let courts: Court[] = [];

  const refresh = async (): Promise<void> => {
    const q = search.value.trim();
    try {
      const path = `/api/v1/admin/courts${q ? `?q=${encodeURIComponent(q)}` : ''}`;
      courts = (await api<{ items: Court[] }>('GET', path)).items;
    } catch (err) {
      if (alive()) replace(listSlot, notice('error', errorText(err)));
      return;
    }
    if (alive()) show();
  };

  const patch = async (c: Court, body: Record<string, unknown>): Promise<void> => {
    const { court } = await api<{ court: Court }>('PATCH', `/api/v1/admin/courts/${c.id}`, body);
    courts = courts.map((x) => (x.id === court.id ? court : x));
    show();
  };

  /** The row's actions: rename (an inline form), disable or enable. */
  const actions = (c: Court): HTMLElement => {
    const cell = h('div', { class: 'court-actions' });
    const rename = h(
      'button',
      { type: 'button', class: 'btn btn-small', 'data-court-rename': c.id },
      t('courts.rename'),
    );
    const toggle = h(
      'button',
      {
        type: 'button',
        class: `btn btn-small ${c.disabled ? '' : 'btn-danger-quiet'}`,
        'data-court-toggle': c.id,
      },
      c.disabled ? t('courts.enable') : t('courts.disable'),
    );
    toggle.addEventListener('click', () => {
      void busy(toggle, listErrors, () => patch(c, { disabled: !c.disabled }));
    });
    rename.addEventListener('click', () => {
      const inputId = uid('court-name');
      const input = h('input', {
        id: inputId,
        type: 'text',
        name: 'name',
        value: c.name,
        maxlength: 64,
      });
      const save = h(
        'button',
        { type: 'submit', class: 'btn btn-small btn-primary' },
        t('courts.save'),
      );
      const cancel = h('button', { type: 'button', class: 'btn btn-small' }, t('action.cancel'));
      const form = h(
        'form',
        { class: 'inline-form', 'data-form': 'rename-court' },
        h(
          'label',
          { for: inputId, class: 'visually-hidden' },
          t('courts.renameLabel', { name: c.name }),
        ),
        h('div', { class: 'grow' }, input),
        save,
        cancel,
      );
      cancel.addEventListener('click', show);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        void busy(save, listErrors, () => patch(c, { name: input.value.trim() }));
      });
      replace(cell, form);
      input.focus();
    });
    cell.append(rename, toggle);
    return cell;
  };

  const show = (): void => {
    if (courts.length === 0) {
      replace(listSlot, h('p', { class: 'muted' }, t('courts.none')));
      return;
    }
    replace(
      listSlot,
      table(
        t('courts.title'),
        [
          t('field.name'),
          t('field.nameEn'),
          t('courts.region'),
          t('admin.created'),
          t('courts.state'),
          '',
        ],
        courts.map((c) => [
          h('span', { class: 'strong' }, c.name),
          c.nameEn ?? '—',
          c.region ?? '—',
          c.createdAt ? h('span', { class: 'nowrap' }, formatDate(c.createdAt)) : '—',
          c.disabled ? badge(t('admin.disabled'), 'bad') : badge(t('admin.active'), 'ok'),
          actions(c),
        ]),
      ),
    );
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), TYPING_PAUSE_MS);
  });

  // add a court
  const name = field({ label: t('field.name'), name: 'name', required: true, maxlength: 64 });
  const nameEn = field({ label: t('field.nameEn'), name: 'nameEn', maxlength: 128 });
  const region = field({ label: t('courts.region'), name: 'region', maxlength: 64 });
  const errors = h('div', { class: 'form-errors' });
  const added = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('courts.add'));
  const form = h(
    'form',
    { class: 'form grid-3', 'data-form': 'add-court' },
    name.wrap,
    nameEn.wrap,
    region.wrap,
    h('div', { class: 'actions span-3' }, submit),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, errors, async () => {
      const opt = (f: { input: HTMLInputElement | HTMLTextAreaElement }): string | undefined =>
        f.input.value.trim() === '' ? undefined : f.input.value.trim();
      const { court } = await api<{ court: Court }>('POST', '/api/v1/admin/courts', {
        name: name.input.value.trim(),
        nameEn: opt(nameEn),
        region: opt(region),
      });
      form.reset();
      replace(added, notice('ok', t('courts.added', { name: court.name })));
      await refresh();
    });
  });

  void refresh();
  return card(
    t('courts.title'),
    h('p', { class: 'muted' }, t('courts.lead')),
    h(
      'div',
      { class: 'toolbar' },
      h('div', { class: 'field' }, h('label', { for: searchId }, t('courts.search')), search),
    ),
    listErrors,
    listSlot,
    h('h3', null, t('courts.addTitle')),
    form,
    errors,
    added,
  );
}
