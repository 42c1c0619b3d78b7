/**
 * The one table of texts as `[中文, English]`: the main table (`messages.ts`) and the tables of
 * domains and pages merged into it. A key defined in two tables stops the app at load (no silent
 * override). Pure data, no DOM, so tests read it as the app does
 * (test/web/error-messages.test.ts); `i18n.ts` picks the language.
 * @module
 */
import { messages } from './messages.js';
import { accountMessages } from './pages/account-messages.js';
import { depositMessages } from './pages/deposit/messages.js';
import { depositsMessages } from './pages/deposits-messages.js';
import { homeMessages } from './pages/home-messages.js';
import { judgeMessages } from './pages/judge-messages.js';
import { newDepositMessages } from './pages/new-deposit/messages.js';
import { notaryMessages } from './pages/notary/messages.js';
import { publicLogMessages } from './pages/public-log-messages.js';
import { verifyMessages } from './pages/verify/messages.js';
import { checkMessages } from './ui/check-messages.js';
import { courtMessages } from './ui/court-messages.js';
import { errorMessages } from './ui/error-messages.js';
import { trailMessages } from './ui/trail-messages.js';

type Table = Readonly<Record<string, readonly [zh: string, en: string]>>;
type Merged<T extends readonly Table[]> = T extends readonly [
  infer H extends Table,
  ...infer R extends readonly Table[],
]
  ? H & Merged<R>
  : unknown;

/** Merges the tables; a key defined twice is an error when the app (or a test) loads. */
export function mergeTables<T extends readonly Table[]>(...tables: T): Merged<T> {
  const out: Record<string, readonly [string, string]> = {};
  for (const table of tables)
    for (const [key, text] of Object.entries(table)) {
      if (Object.prototype.hasOwnProperty.call(out, key))
        throw new Error(`texts: the key ${key} is defined twice`);
      out[key] = text;
    }
  return out as Merged<T>;
}

/** The tables, each beside what it names: a key belongs to exactly one of them. */
export const tables = [
  messages,
  verifyMessages,
  courtMessages,
  depositMessages,
  trailMessages,
  errorMessages,
  accountMessages,
  newDepositMessages,
  publicLogMessages,
  notaryMessages,
  homeMessages,
  depositsMessages,
  judgeMessages,
  checkMessages,
] as const;

/** Every text of the app. */
export const texts = mergeTables(...tables);

/** Every text key: the main table and the tables merged into it. */
export type TextKey = keyof typeof texts;

/** Whether `key` has a text. */
export function hasText(key: string): key is TextKey {
  return Object.prototype.hasOwnProperty.call(texts, key);
}
