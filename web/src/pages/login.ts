/**
 * Signing in. A sign-in held back by the back-off (docs/SECURITY.md, "Sign-in") says why — which
 * count holds it — and for how long, counting down the server's `Retry-After` live.
 */
import { ApiError, login } from '../api.js';
import { h } from '../dom.js';
import { formatWait } from '../format.js';
import { t, type TextKey } from '../i18n.js';
import { navigate, type Page } from '../router.js';
import { busy, card, field, notice, pageTitle } from '../ui/common.js';
import { checkForm } from '../ui/field-errors.js';
import { ROLE_HOME, nextTarget } from './role-home.js';

const THROTTLED = new Set([
  'LOGIN_THROTTLED',
  'LOGIN_THROTTLED_ACCOUNT',
  'LOGIN_THROTTLED_ADDRESS',
]);

export const loginPage: Page = {
  name: 'login',
  title: 'login.title',
  render({ main, query, alive }) {
    const user = field({
      label: t('field.username'),
      name: 'username',
      required: true,
      autocomplete: 'username',
      spellcheck: false,
    });
    const pass = field({
      label: t('field.password'),
      name: 'password',
      type: 'password',
      required: true,
      autocomplete: 'current-password',
    });
    const errors = h('div', { class: 'form-errors' });
    const submit = h(
      'button',
      { type: 'submit', class: 'btn btn-primary btn-block' },
      t('login.submit'),
    );
    const form = h(
      'form',
      { class: 'form', novalidate: true, 'aria-describedby': 'login-note' },
      user.wrap,
      pass.wrap,
      errors,
      submit,
    );
    let stopCountdown = (): void => undefined;

    /** The back-off's notice: why, and a live countdown of `seconds`; the button waits too. */
    const held = (code: string, seconds: number): void => {
      stopCountdown();
      const deadline = Date.now() + seconds * 1000;
      const left = h('span', { role: 'timer', 'data-retry-in': '' });
      const tick = (): boolean => {
        const s = Math.ceil((deadline - Date.now()) / 1000);
        if (s <= 0 || !alive()) return false;
        left.textContent = t('login.retryIn', { time: formatWait(s) });
        left.dataset.retryIn = String(s);
        return true;
      };
      tick();
      submit.disabled = true;
      errors.replaceChildren(
        notice('error', h('strong', null, t(`error.${code}` as TextKey)), ' ', left),
      );
      const timer = setInterval(() => {
        if (!tick()) finish();
      }, 1000);
      const finish = (): void => {
        clearInterval(timer);
        submit.disabled = false;
        left.textContent = t('login.retryNow');
        left.dataset.retryIn = '0';
      };
      stopCountdown = () => {
        clearInterval(timer);
        submit.disabled = false;
      };
    };

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      stopCountdown();
      if (!checkForm(form, errors)) return;
      void (async () => {
        let throttled: { code: string; seconds: number } | undefined;
        await busy(submit, errors, async () => {
          try {
            const u = await login(user.input.value.trim(), pass.input.value);
            navigate(nextTarget(query, ROLE_HOME[u.role]), true);
          } catch (err) {
            if (!(err instanceof ApiError) || !THROTTLED.has(err.code) || !err.retryAfter)
              throw err;
            throttled = { code: err.code, seconds: err.retryAfter };
          }
        });
        // after busy() has given the button back: the countdown holds it
        if (throttled && alive()) held(throttled.code, throttled.seconds);
      })();
    });
    main.append(
      h(
        'div',
        { class: 'narrow' },
        pageTitle(t('login.title')),
        card(
          null,
          form,
          h(
            'p',
            { class: 'muted small', id: 'login-note' },
            t('login.noAccount'),
            ' ',
            h('a', { href: '/register' }, t('login.register')),
          ),
        ),
      ),
    );
  },
};
