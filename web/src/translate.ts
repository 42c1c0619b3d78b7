/**
 * A text in a given language: the pure part of `t()` (i18n.ts keeps the language chosen in the
 * browser and passes it here), so tests check texts and placeholders without a DOM.
 * @module
 */
import { hasText, texts, type TextKey } from './texts.js';

export type Lang = 'zh' | 'en';

/** Values of `{name}` placeholders. */
export type TextVars = Readonly<Record<string, string | number>>;

/**
 * The text of `key` in `lang`, with `{name}` replaced from `vars`; a placeholder without a value
 * stays as written.
 */
export function translate(lang: Lang, key: TextKey, vars: TextVars = {}): string {
  const pair = texts[key];
  const text = lang === 'zh' ? pair[0] : pair[1];
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    vars[name] === undefined ? m : String(vars[name]),
  );
}

/** The text of `key` in `lang` if it has one (a key made from a server's code), else `fallback`. */
export function translateOr(
  lang: Lang,
  key: string,
  fallback: string,
  vars: TextVars = {},
): string {
  return hasText(key) ? translate(lang, key, vars) : fallback;
}
