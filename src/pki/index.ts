/**
 * Generated development certificates: the local notary CA and the development TSA.
 * @module
 */
export {
  certificateNames,
  issueCa,
  issueCertificate,
  issueLeaf,
  writeNewFile,
} from './certificates.js';
