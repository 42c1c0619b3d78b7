/**
 * Chinese by default, English on request; the choice is remembered in localStorage. Texts live
 * in `messages.ts` (and, per domain or page, files merged by `texts.ts` such as
 * `ui/court-messages.ts`) as `[zh, en]` pairs; `t(key, vars)` fills `{name}` placeholders
 * (translate.ts, pure).
 * @module
 */
import { hasText, type TextKey } from './texts.js';
import { translate, translateOr, type Lang, type TextVars } from './translate.js';

export type { TextKey } from './texts.js';
export type { Lang } from './translate.js';

const STORAGE_KEY = 'huicun.lang';

function stored(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Lang = stored();

/** The language in use. */
export function lang(): Lang {
  return current;
}

/** Switches the language, remembers it, and updates `<html lang>`. */
export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyLang();
}

/** Sets `<html lang>` to the language in use. */
export function applyLang(): void {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

/** The text of `key` in the current language, with `{name}` replaced from `vars`. */
export function t(key: TextKey, vars: TextVars = {}): string {
  return translate(current, key, vars);
}

/** Picks the current language's side of a `{zh, en}` message (the verifier's messages). */
export function pick(message: { readonly zh: string; readonly en: string }): string {
  return current === 'zh' ? message.zh : message.en;
}

/** Whether `key` has a text. */
export function hasMessage(key: string): key is TextKey {
  return hasText(key);
}

/** The text of `key` if there is one, else `fallback`. */
export function tOr(key: string, fallback: string, vars: TextVars = {}): string {
  return translateOr(current, key, fallback, vars);
}
