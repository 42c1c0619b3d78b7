/**
 * Accounts (docs/access.md): users, roles, passwords, tokens, PII encryption, admin entries (the
 * routes and the access middleware are in src/http). `openAccounts` is what the server calls at start.
 * @module
 */
import type { AppendResult } from '../sequencer/index.js';
import type { AdminAppender } from './admin-log.js';
import { bootstrapAccounts, type BootstrapResult } from './bootstrap.js';
import { warmDummyHash } from './password.js';
import { loadOrCreatePiiVault } from './pii.js';
import { AccountService, type CourtDirectory } from './service.js';
import { AccountStore, type AccountRecords } from './store.js';
import { loadOrCreateTokenKey, TokenService } from './tokens.js';
import { loadRetiredTokenKeys } from './token-key-ring.js';

export { AccountError, type AccountErrorCode } from './errors.js';
export {
  checkNewAccount,
  parseAccountChange,
  parseAdminCreate,
  parseLogin,
  parsePasswordChange,
  parsePasswordReset,
  parseRegistration,
  type NewAccount,
} from './input.js';
export { AccountService, type BoundCourt, type CourtDirectory, type Session } from './service.js';
export { AccountStore, type AccountRecords } from './store.js';
export {
  bootstrapAccounts,
  readSeeds,
  DEMO_SEEDS_FILE,
  SYSTEM_ACTOR,
  type DemoCredential,
} from './bootstrap.js';
export { RateLimiter } from './throttle.js';
export { checkName, requireBoolean } from './validate.js';
export { isValidIdNumber, maskIdNumber, normalizeIdNumber } from './id-number.js';
export { PiiVault, loadOrCreatePiiVault, PII_KEY_FILE } from './pii.js';
export {
  TokenService,
  loadOrCreateTokenKey,
  TOKEN_KEY_FILE,
  type RetiredTokenKey,
} from './tokens.js';
export { loadRetiredTokenKeys, rotateTokenKey } from './token-key-ring.js';
export {
  ADMIN_PREFIX,
  adminCommitment,
  adminEntry,
  newAdminActionId,
  persistWithAdminEntry,
  type AdminActor,
  type AdminAppender,
  type AdminCourt,
  type AdminOpening,
  type AdminRecord,
} from './admin-log.js';
export {
  ROLES,
  toAdminView,
  toPublic,
  toSelf,
  type AuthUser,
  type PublicUser,
  type Role,
  type SelfUser,
  USER_ID_PATTERN,
} from './user.js';

export interface OpenAccountsOptions {
  /** The record store (LevelStore). */
  readonly store: AccountRecords;
  /** The log (Sequencer), for admin entries. */
  readonly log: AdminAppender;
  readonly certsDir: string;
  /** Token `iss`: the public URL. */
  readonly issuer: string;
  readonly production: boolean;
  /** HUICUN_RATE_LIMITS: false only for benchmarks and load tests. */
  readonly rateLimits: boolean;
  /** HUICUN_ADMIN_PASSWORD. */
  readonly adminPassword?: string | undefined;
  readonly seedsFile?: string;
  /** false skips the demo seeds (default: load them on an empty store outside production). */
  readonly seeds?: boolean;
  readonly onAdminEntry?: (result: AppendResult, actionId: string) => void;
  /** The court list new judges are bound to (docs/courts.md); opened before the accounts. */
  readonly courts?: CourtDirectory;
}

/** The opened accounts domain. */
export interface OpenedAccounts extends BootstrapResult {
  readonly service: AccountService;
}

/**
 * Loads or creates `pii.key` and `token-es256.pem`, loads every account into memory, checks
 * that pii.key opens the stored ID numbers, and runs the bootstrap (admin from
 * HUICUN_ADMIN_PASSWORD, demo seeds, production checks).
 * @throws AccountError ACCOUNT_KEY_INVALID, ACCOUNT_STORE_CORRUPT, DEMO_PASSWORD_IN_PRODUCTION, SEEDS_INVALID
 */
export async function openAccounts(options: OpenAccountsOptions): Promise<OpenedAccounts> {
  const { vault } = loadOrCreatePiiVault(options.certsDir);
  const { pair } = loadOrCreateTokenKey(options.certsDir);
  const store = await AccountStore.open(options.store);
  // A lost or replaced pii.key would silently orphan every sealed ID number: refuse instead.
  const sealed = store.list().find((u) => u.idNumberSealed !== undefined);
  if (sealed) vault.open(sealed.id, sealed.idNumberSealed!);
  const service = new AccountService({
    store,
    vault,
    // Retired keys (keygen --rotate-token-key) for the tokens they signed, until those expire.
    tokens: new TokenService({
      pair,
      issuer: options.issuer,
      previous: loadRetiredTokenKeys(options.certsDir),
    }),
    log: options.log,
    rateLimits: options.rateLimits,
    ...(options.onAdminEntry ? { onAdminEntry: options.onAdminEntry } : {}),
    ...(options.courts ? { courts: options.courts } : {}),
  });
  await warmDummyHash();
  const boot = await bootstrapAccounts({
    accounts: service,
    production: options.production,
    adminPassword: options.adminPassword,
    ...(options.seedsFile !== undefined ? { seedsFile: options.seedsFile } : {}),
    ...(options.seeds !== undefined ? { seeds: options.seeds } : {}),
  });
  return { service, ...boot };
}
