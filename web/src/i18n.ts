/**
 * Chinese by default, English on request; the choice is remembered in localStorage. Texts live
 * in `messages.ts` (and, per domain, files merged here such as `ui/court-messages.ts`) as
 * `[zh, en]` pairs; `t(key, vars)` fills `{name}` placeholders.
 * @module
 */
import { messages, type MessageKey } from './messages.js';
import { courtMessages, type CourtMessageKey } from './ui/court-messages.js';
import { notaryMessages, type NotaryMessageKey } from './pages/notary/messages.js';

/** Every text key: the main table and the domain tables merged into it. */
export type TextKey = MessageKey | CourtMessageKey | NotaryMessageKey;

const table: Readonly<Record<TextKey, readonly [string, string]>> = {
  ...messages,
  ...courtMessages,
  ...notaryMessages,
};

export type Lang = 'zh' | 'en';

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
export function t(key: TextKey, vars: Readonly<Record<string, string | number>> = {}): string {
  const pair = table[key];
  const text = current === 'zh' ? pair[0] : pair[1];
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    vars[name] === undefined ? m : String(vars[name]),
  );
}

/** Picks the current language's side of a `{zh, en}` message (the verifier's messages). */
export function pick(message: { readonly zh: string; readonly en: string }): string {
  return current === 'zh' ? message.zh : message.en;
}

/** Whether `key` has a text. */
export function hasMessage(key: string): key is TextKey {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** The text of `key` if there is one, else `fallback`. */
export function tOr(
  key: string,
  fallback: string,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  return hasMessage(key) ? t(key, vars) : fallback;
}
