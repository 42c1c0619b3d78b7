/**
 * Court sharing (docs/access.md, docs/courts.md): shares with a listed court and case, one-time codes redeemed by judges of
 * that court, revocation; every step a custody event.
 * @module
 */
export { ShareError, type ShareErrorCode } from './errors.js';
export { parseRedeem, parseShareCreate, SHARE_MAX_MS } from './input.js';
export {
  shareState,
  shareView,
  SHARE_PREFIX,
  type Redemption,
  type ShareRecord,
  type ShareState,
  type ShareView,
} from './records.js';
export { ShareService, type ShareCourts, type ShareServiceDeps } from './service.js';
