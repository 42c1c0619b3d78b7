/**
 * Generated development certificates: the local notary CA and the development TSA.
 * @module
 */
export { certificateNames, issueCa, issueCertificate, writeNewFile } from './certificates.js';
