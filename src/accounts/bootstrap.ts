/**
 * Start-up of the accounts domain (docs/configuration.md): the production admin from
 * HUICUN_ADMIN_PASSWORD, demo accounts from `seeds/` on an empty store outside production, and
 * production's refusal to run with a demo password still in place.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AdminActor } from './admin-log.js';
import { AccountError } from './errors.js';
import { checkNewAccount, type NewAccount, type RawAccount } from './input.js';
import { assertPassword } from './password.js';
import type { AccountService } from './service.js';
import type { Role } from './user.js';

/** `seeds/demo-accounts.json` (the same relative path from src/accounts and dist/accounts). */
export const DEMO_SEEDS_FILE = fileURLToPath(
  new URL('../../seeds/demo-accounts.json', import.meta.url),
);
export const BOOTSTRAP_ADMIN = 'admin';
/** The operator acting at start-up (admin entries of bootstrap and seeds). */
export const SYSTEM_ACTOR: AdminActor = { account: 'system', role: 'system' };

/** Demo passwords production checks even when the seeds file is not deployed. */
const BUILT_IN_DEMO = (['depositor', 'notary', 'judge', 'admin'] as const).map((r) => ({
  username: `demo-${r}`,
  password: `demo-${r}-pass`,
}));

/** A demo account's sign-in, printed by `npm start`. */
export interface DemoCredential {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
}

/**
 * Reads and checks the seeds file.
 * @throws AccountError SEEDS_INVALID when it is unreadable or an account breaks a rule.
 */
export function readSeeds(file: string = DEMO_SEEDS_FILE): NewAccount[] {
  let parsed: { accounts?: unknown };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as { accounts?: unknown };
  } catch (cause) {
    throw new AccountError('SEEDS_INVALID', `cannot read the demo seeds ${file}`, { cause });
  }
  if (!Array.isArray(parsed.accounts))
    throw new AccountError('SEEDS_INVALID', `${file} has no "accounts" array`);
  return parsed.accounts.map((raw: unknown, i) => {
    try {
      return checkNewAccount(raw as RawAccount);
    } catch (cause) {
      throw new AccountError(
        'SEEDS_INVALID',
        `${file}: account ${i}: ${(cause as Error).message}`,
        { cause },
      );
    }
  });
}

export interface BootstrapOptions {
  readonly accounts: AccountService;
  readonly production: boolean;
  /** HUICUN_ADMIN_PASSWORD. */
  readonly adminPassword?: string | undefined;
  /** Default `seeds/demo-accounts.json`. */
  readonly seedsFile?: string;
  /** false skips the demo seeds even on an empty store (tests that count log entries). */
  readonly seeds?: boolean;
}

export interface BootstrapResult {
  /** Whether the account `admin` was created from HUICUN_ADMIN_PASSWORD. */
  readonly adminCreated: boolean;
  /** Demo accounts created now (empty unless the store was empty and not production). */
  readonly demo: readonly DemoCredential[];
}

/**
 * Runs the bootstrap: (1) creates `admin` from `adminPassword` when no such account exists;
 * (2) outside production, when the store was empty at start, creates the seeds' accounts;
 * (3) in production, refuses to start while any demo account still has its demo password.
 * Accounts made here get admin entries with the actor `system`.
 * @throws AccountError DEMO_PASSWORD_IN_PRODUCTION, SEEDS_INVALID, PASSWORD_BLANK, INVALID_FIELD (a too-short
 *   HUICUN_ADMIN_PASSWORD)
 */
export async function bootstrapAccounts(options: BootstrapOptions): Promise<BootstrapResult> {
  const { accounts, production } = options;
  const wasEmpty = accounts.store.size === 0;
  let adminCreated = false;
  if (
    options.adminPassword !== undefined &&
    options.adminPassword !== '' &&
    !accounts.store.byUsername(BOOTSTRAP_ADMIN)
  ) {
    const password = assertPassword(options.adminPassword, 'HUICUN_ADMIN_PASSWORD');
    await accounts.createAccount(SYSTEM_ACTOR, {
      username: BOOTSTRAP_ADMIN,
      password,
      role: 'admin',
      displayName: '系统管理员 Administrator',
    });
    adminCreated = true;
  }
  const demo: DemoCredential[] = [];
  if (!production && wasEmpty && options.seeds !== false) {
    for (const seed of readSeeds(options.seedsFile)) {
      await accounts.createAccount(SYSTEM_ACTOR, seed);
      demo.push({ username: seed.username, password: seed.password, role: seed.role });
    }
  }
  if (production) await refuseDemoPasswords(accounts, options.seedsFile);
  return { adminCreated, demo };
}

/**
 * @throws AccountError DEMO_PASSWORD_IN_PRODUCTION naming the accounts (never the passwords).
 */
async function refuseDemoPasswords(accounts: AccountService, seedsFile?: string): Promise<void> {
  let seeds: { username: string; password: string }[] = [];
  try {
    seeds = readSeeds(seedsFile);
  } catch {
    // not deployed: the built-in list below still applies
  }
  const pairs = new Map<string, { username: string; password: string }>();
  for (const p of [...seeds, ...BUILT_IN_DEMO]) pairs.set(`${p.username}\n${p.password}`, p);
  const offending = new Set<string>();
  for (const { username, password } of pairs.values()) {
    if (accounts.store.byUsername(username)?.disabled) continue; // cannot sign in
    if (await accounts.hasPassword(username, password)) offending.add(username);
  }
  if (offending.size > 0) {
    throw new AccountError(
      'DEMO_PASSWORD_IN_PRODUCTION',
      `refusing to start in production: account(s) ${[...offending].join(', ')} still have the demo password; ` +
        'start once without NODE_ENV=production and disable them (PATCH /api/v1/admin/users/:id {"disabled":true})',
    );
  }
}
