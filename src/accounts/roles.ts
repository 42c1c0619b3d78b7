/** The roles of an account; pure, so the API's types (src/api/types.ts) and the web app use it. */
export const ROLES = ['depositor', 'notary', 'judge', 'admin'] as const;
export type Role = (typeof ROLES)[number];
