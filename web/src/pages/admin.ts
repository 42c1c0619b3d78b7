/**
 * The administrator's page: accounts, their roles, creating accounts (a judge bound to a court
 * picked from the court list), disabling (with a reason) and enabling, resetting passwords
 * (admin-actions.ts); and the court list itself (法院名录).
 */
import { ROLES } from '../../../src/accounts/roles.js';
import { api, currentSession } from '../api.js';
import { h, replace } from '../dom.js';
import { formatDate } from '../format.js';
import { t } from '../i18n.js';
import type { TextKey } from '../texts.js';
import type { Page } from '../router.js';
import type { Role, User } from '../types.js';
import {
  badge,
  busy,
  card,
  errorText,
  field,
  loading,
  notice,
  pageTitle,
  selectField,
} from '../ui/common.js';
import { checkForm } from '../ui/field-errors.js';
import { courtListCard } from '../ui/court-list.js';
import { courtPicker } from '../ui/court-picker.js';
import { table } from '../ui/deposit-bits.js';
import { idNumberCheck, passwordCheck, usernameCheck } from './account-checks.js';
import { accountActions } from './admin-actions.js';

export const adminPage: Page = {
  name: 'admin',
  title: 'admin.title',
  roles: ['admin'],
  async render({ main, alive }) {
    const me = currentSession()?.user.id;
    const list = h('div', { 'data-users': '' }, loading());
    const listErrors = h('div', { class: 'form-errors' });
    const roleFilter = selectField(
      t('admin.filterRole'),
      'roleFilter',
      [['all', t('admin.allRoles')], ...ROLES.map((r) => [r, t(`role.${r}` as TextKey)] as const)],
      'all',
    );
    let users: User[] = [];
    const actions = accountActions((user) => {
      users = users.map((x) => (x.id === user.id ? user : x));
      show();
    });

    const show = (): void => {
      const role = roleFilter.select.value;
      const shown = users.filter((u) => role === 'all' || u.role === role);
      replace(
        list,
        table(
          t('admin.users'),
          [
            t('field.username'),
            t('field.displayName'),
            t('admin.role'),
            t('admin.extra'),
            t('admin.created'),
            t('admin.state'),
            '',
          ],
          shown.map((u) => [
            h('span', { class: 'mono nowrap' }, u.username),
            u.displayName,
            badge(t(`role.${u.role}` as TextKey), u.role === 'admin' ? 'warn' : 'info'),
            u.court ?? u.office ?? u.idMasked ?? '—',
            h('span', { class: 'nowrap' }, formatDate(u.createdAt)),
            u.disabled
              ? h(
                  'div',
                  null,
                  badge(t('admin.disabled'), 'bad'),
                  u.disabledReason !== undefined
                    ? h(
                        'p',
                        {
                          class: 'muted small disabled-reason',
                          'data-disabled-reason': u.username,
                        },
                        t('admin.disabledBecause', { reason: u.disabledReason }),
                      )
                    : null,
                )
              : badge(t('admin.active'), 'ok'),
            u.id === me ? h('span', { class: 'muted small' }, t('admin.self')) : rowActions(u),
          ]),
        ),
      );
    };

    /** Enable (at once) or disable (asks for a reason), and reset the password. */
    const rowActions = (u: User): HTMLElement => {
      const toggle = h(
        'button',
        {
          type: 'button',
          class: `btn btn-small ${u.disabled ? '' : 'btn-danger-quiet'}`,
          'data-toggle': u.username,
        },
        u.disabled ? t('admin.enable') : t('admin.disable'),
      );
      toggle.addEventListener('click', () => {
        if (!u.disabled) {
          actions.disable(u);
          return;
        }
        actions.close();
        void busy(toggle, listErrors, async () => {
          const { user } = await api<{ user: User }>('PATCH', `/api/v1/admin/users/${u.id}`, {
            disabled: false,
          });
          users = users.map((x) => (x.id === user.id ? user : x));
          show();
        });
      });
      const reset = h(
        'button',
        { type: 'button', class: 'btn btn-small btn-quiet', 'data-reset': u.username },
        t('admin.reset'),
      );
      reset.addEventListener('click', () => actions.reset(u));
      return h('div', { class: 'row-actions' }, toggle, reset);
    };
    roleFilter.select.addEventListener('change', show);

    // create an account
    const username = field({
      label: t('field.username'),
      name: 'username',
      required: true,
      autocomplete: 'off',
      spellcheck: false,
      hint: t('register.usernameHint'),
    });
    const displayName = field({
      label: t('field.displayName'),
      name: 'displayName',
      required: true,
      maxlength: 64,
    });
    const password = field({
      label: t('admin.initialPassword'),
      name: 'password',
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      hint: t('register.passwordHint'),
    });
    const role = selectField(
      t('admin.role'),
      'role',
      ROLES.map((r) => [r, t(`role.${r}` as TextKey)] as const),
      'notary',
    );
    const court = courtPicker({ label: t('field.court'), required: true });
    const office = field({ label: t('field.office'), name: 'office', maxlength: 64 });
    const realName = field({ label: t('field.realName'), name: 'realName', maxlength: 64 });
    const idNumber = field({
      label: t('field.idNumber'),
      name: 'idNumber',
      spellcheck: false,
    });
    const roleFields = (): void => {
      const r = role.select.value;
      court.wrap.hidden = r !== 'judge';
      court.input.required = r === 'judge';
      office.wrap.hidden = r !== 'notary';
      realName.wrap.hidden = r !== 'depositor';
      idNumber.wrap.hidden = r !== 'depositor';
    };
    role.select.addEventListener('change', roleFields);
    roleFields();
    const errors = h('div', { class: 'form-errors' });
    const created = h('div', { 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('admin.create'));
    const form = h(
      'form',
      { class: 'form', novalidate: true, 'data-form': 'create-user' },
      username.wrap,
      displayName.wrap,
      password.wrap,
      role.wrap,
      court.wrap,
      office.wrap,
      realName.wrap,
      idNumber.wrap,
      errors,
      h('div', { class: 'actions' }, submit),
      created,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      created.replaceChildren();
      const ok = checkForm(form, errors, {
        username: usernameCheck(username.input),
        password: passwordCheck(password.input),
        idNumber: idNumberCheck(idNumber.input),
      });
      if (!ok) return;
      void busy(
        submit,
        errors,
        async () => {
          const r = role.select.value as Role;
          const opt = (
            f: { input: HTMLInputElement | HTMLTextAreaElement },
            on: boolean,
          ): string | undefined =>
            on && f.input.value.trim() !== '' ? f.input.value.trim() : undefined;
          const body = {
            username: username.input.value.trim(),
            displayName: displayName.input.value.trim(),
            password: password.input.value,
            role: r,
            ...(r === 'judge' ? court.choice() : {}),
            office: opt(office, r === 'notary'),
            realName: opt(realName, r === 'depositor'),
            idNumber: opt(idNumber, r === 'depositor'),
          };
          const { user } = await api<{ user: User }>('POST', '/api/v1/admin/users', body);
          users = [...users, user];
          show();
          form.reset();
          court.reset();
          roleFields();
          replace(created, notice('ok', t('admin.created.ok', { name: user.username })));
        },
        { courtId: court.input },
      );
    });

    main.append(
      pageTitle(t('admin.title'), t('admin.lead')),
      card(
        t('admin.users'),
        h('div', { class: 'toolbar' }, roleFilter.wrap),
        listErrors,
        list,
        actions.el,
      ),
      h(
        'div',
        { class: 'columns columns-even' },
        card(t('admin.createTitle'), form),
        card(t('admin.rolesTitle'), h('p', { class: 'muted' }, t('admin.rolesNote'))),
      ),
      courtListCard(alive),
    );
    try {
      users = (await api<{ items: User[] }>('GET', '/api/v1/admin/users')).items;
    } catch (err) {
      if (alive()) replace(list, notice('error', errorText(err)));
      return;
    }
    if (alive()) show();
  },
};
