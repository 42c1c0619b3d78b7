/**
 * Casework: the custody workflows opened together (custody log, notarisation, counter deposits,
 * court shares, and the access policy over them). It sits above custody, notary and sharing so
 * that none of them imports another through it.
 * @module
 */
export { accountIdentity, Casework, type CaseworkDeps } from './casework.js';
