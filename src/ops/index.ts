/**
 * Operations (docs/backup.md, docs/configuration.md): logging, metrics, backup and restore, the
 * running server's file and its loopback admin access.
 * @module
 */
export * from './backup-files.js';
export * from './backup.js';
export * from './errors.js';
export * from './local-secret.js';
export * from './logger.js';
export * from './loopback.js';
export * from './metrics.js';
export * from './restore-resume.js';
export * from './restore.js';
export * from './server-file.js';
export * from './server-ops.js';
