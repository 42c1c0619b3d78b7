/**
 * The page shown for each name of `paths.ts` (the paths are there, pure, so tests match them
 * without a DOM).
 * @module
 */
import { accountPage } from './pages/account.js';
import { adminPage } from './pages/admin.js';
import { claimPage } from './pages/claim.js';
import { depositPage } from './pages/deposit.js';
import { depositsPage } from './pages/deposits.js';
import { helpPage } from './pages/help.js';
import { homePage } from './pages/home.js';
import { judgePage } from './pages/judge.js';
import { loginPage } from './pages/login.js';
import { newDepositPage } from './pages/new-deposit.js';
import { counterPage } from './pages/notary/counter.js';
import { notaryQueuePage } from './pages/notary/queue.js';
import { notaryReviewPage } from './pages/notary/review.js';
import { publicLogPage } from './pages/public-log.js';
import { registerPage } from './pages/register.js';
import { publicVerifyPage } from './pages/verify-landing.js';
import { certificateCheckPage } from './pages/verify.js';
import type { PageName } from './paths.js';
import type { Page } from './router.js';

/** The page of each path's name; a name without a page does not compile. */
export const pages: Readonly<Record<PageName, Page>> = {
  home: homePage,
  login: loginPage,
  register: registerPage,
  deposits: depositsPage,
  'new-deposit': newDepositPage,
  deposit: depositPage,
  'notary-queue': notaryQueuePage,
  'notary-review': notaryReviewPage,
  'notary-counter': counterPage,
  claim: claimPage,
  judge: judgePage,
  verify: publicVerifyPage,
  'verify-certificate': certificateCheckPage,
  help: helpPage,
  admin: adminPage,
  account: accountPage,
  'public-log': publicLogPage,
};
