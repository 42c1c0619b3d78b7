/**
 * Generated development certificates: the local notary CA and the development TSA.
 * @module
 */
export { certificateNames, issueCertificate, writeNewFile } from './certificates.js';
