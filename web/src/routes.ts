/**
 * The page shown for each name of `paths.ts` (the paths are there, pure, so tests match them
 * without a DOM), each loaded on demand.
 * @module
 */
import type { PageName } from './paths.js';
import type { Page } from './router.js';

/**
 * The page of each path's name, loaded when first shown (each page is its own chunk, so the first
 * load fetches only the shell and its page); a name without a page does not compile.
 */
export const pages: Readonly<Record<PageName, () => Promise<Page>>> = {
  home: () => import('./pages/home.js').then((m) => m.homePage),
  login: () => import('./pages/login.js').then((m) => m.loginPage),
  register: () => import('./pages/register.js').then((m) => m.registerPage),
  deposits: () => import('./pages/deposits.js').then((m) => m.depositsPage),
  'new-deposit': () => import('./pages/new-deposit.js').then((m) => m.newDepositPage),
  deposit: () => import('./pages/deposit.js').then((m) => m.depositPage),
  'notary-queue': () => import('./pages/notary/queue.js').then((m) => m.notaryQueuePage),
  'notary-review': () => import('./pages/notary/review.js').then((m) => m.notaryReviewPage),
  'notary-counter': () => import('./pages/notary/counter.js').then((m) => m.counterPage),
  claim: () => import('./pages/claim.js').then((m) => m.claimPage),
  judge: () => import('./pages/judge.js').then((m) => m.judgePage),
  verify: () => import('./pages/verify/landing.js').then((m) => m.publicVerifyPage),
  'verify-certificate': () =>
    import('./pages/verify/certificate.js').then((m) => m.certificateCheckPage),
  help: () => import('./pages/help.js').then((m) => m.helpPage),
  admin: () => import('./pages/admin.js').then((m) => m.adminPage),
  account: () => import('./pages/account.js').then((m) => m.accountPage),
  'public-log': () => import('./pages/public-log.js').then((m) => m.publicLogPage),
};
