/**
 * The one table of texts as `[中文, English]`: the main table (`messages.ts`) and the tables of
 * domains and pages merged into it. Pure data, no DOM, so tests read it as the app does
 * (test/web/error-messages.test.ts); `i18n.ts` picks the language.
 * @module
 */
import { messages, type MessageKey } from './messages.js';
import { accountMessages, type AccountMessageKey } from './pages/account-messages.js';
import { newDepositMessages, type NewDepositMessageKey } from './pages/new-deposit-messages.js';
import { publicLogMessages, type PublicLogMessageKey } from './pages/public-log-messages.js';
import { courtMessages, type CourtMessageKey } from './ui/court-messages.js';
import { errorMessages, type ErrorMessageKey } from './ui/error-messages.js';

/** Every text key: the main table and the tables merged into it. */
export type TextKey =
  | MessageKey
  | CourtMessageKey
  | ErrorMessageKey
  | AccountMessageKey
  | NewDepositMessageKey
  | PublicLogMessageKey;

/** Every text of the app. */
export const texts: Readonly<Record<TextKey, readonly [zh: string, en: string]>> = {
  ...messages,
  ...courtMessages,
  ...errorMessages,
  ...accountMessages,
  ...newDepositMessages,
  ...publicLogMessages,
};

/** Whether `key` has a text. */
export function hasText(key: string): key is TextKey {
  return Object.prototype.hasOwnProperty.call(texts, key);
}
