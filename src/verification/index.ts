/**
 * Verification on the server (docs/verification.md, docs/api.md): digest lookups, documents and deposit numbers
 * checked against the log's own key and current checkpoint. `src/http/verify-routes.ts` only
 * translates requests to these calls.
 * @module
 */
export { Verifier, type DigestQuery, type VerifierDeps, type VerifyAnswer } from './verifier.js';
