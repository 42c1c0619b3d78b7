/**
 * The app's own checks of account fields, with the server's rules (src/accounts/input.ts,
 * src/accounts/password.ts; the ID number's check is the server's own, src/accounts/id-number.ts),
 * so a form says everything wrong at once before it is sent.
 */
import { isValidIdNumber, normalizeIdNumber } from '../../../src/accounts/id-number.js';
import { t } from '../i18n.js';
import type { ControlCheck } from '../ui/field-errors.js';

/** The server's bounds of a password, in characters after NFKC. */
export const PASSWORD_MIN_CHARS = 10;
export const PASSWORD_MAX_CHARS = 256;

const USERNAME = /^[a-z0-9._-]{3,32}$/;

/** GB 11643 as the server checks it: a plausible birth date and the MOD 11-2 check character. */
export function idNumberLooksValid(raw: string): boolean {
  return isValidIdNumber(normalizeIdNumber(raw));
}

/** A username as the server takes it (NFKC, lower case, 3–32 of a-z 0-9 . _ -). */
export function usernameCheck(input: { value: string }): ControlCheck {
  return () => {
    const v = input.value.trim().normalize('NFKC').toLowerCase();
    return v === '' || USERNAME.test(v) ? undefined : t('rule.username');
  };
}

/** A new password: 10–256 characters, not only blanks; `rule` names the field's rule text. */
export function passwordCheck(
  input: { value: string },
  rule: 'rule.password' | 'rule.newPassword' = 'rule.password',
): ControlCheck {
  return () => {
    const v = input.value;
    if (v === '') return undefined; // "required" says it
    const chars = [...v.normalize('NFKC')].length;
    if (chars < PASSWORD_MIN_CHARS || chars > PASSWORD_MAX_CHARS) return t(rule);
    return /^[\p{White_Space}\p{Cc}\p{Default_Ignorable_Code_Point}]*$/u.test(v.normalize('NFKC'))
      ? t('error.PASSWORD_BLANK')
      : undefined;
  };
}

/** The confirmation of a password: the same text. */
export function confirmCheck(
  password: { value: string },
  confirm: { value: string },
): ControlCheck {
  return () =>
    confirm.value !== '' && confirm.value !== password.value ? t('problem.mismatch') : undefined;
}

/** An ID number with a valid GB 11643 check character. */
export function idNumberCheck(input: { value: string }): ControlCheck {
  return () =>
    input.value.trim() === '' || idNumberLooksValid(input.value) ? undefined : t('rule.idNumber');
}
