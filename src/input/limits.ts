/**
 * The length limits of every free-text field, in one place (docs/SECURITY.md, "Text that
 * lies"). Counted in code points after NFC and trimming; a longer value is refused with
 * FIELD_TOO_LONG, never cut.
 */

/** Deposit title (single line). */
export const TITLE_MAX_CHARS = 200;
/** Deposit description (multi-line). */
export const DESCRIPTION_MAX_CHARS = 4000;
/** People's and bodies' names: display name, real name, client name, court, notary office. */
export const NAME_MAX_CHARS = 64;
/** A court's case number (案号), single line. */
export const CASE_NUMBER_MAX_CHARS = 64;
/** Purpose of a notarisation application (single line: it is one particular on the certificate). */
export const PURPOSE_MAX_CHARS = 200;
/** Contact of a notarisation applicant (single line). */
export const CONTACT_MAX_CHARS = 100;
/** Applicant's note (multi-line). */
export const NOTE_MAX_CHARS = 2000;
/** Reason of a decision, claim, issue or withdrawal (multi-line). */
export const REASON_MAX_CHARS = 1000;
/** An administrator's reason for an action on an account (single line: one line of the list). */
export const ADMIN_REASON_MAX_CHARS = 200;
/** A notary's review opinion (审查意见), multi-line: it is printed on the notarial certificate. */
export const OPINION_MAX_CHARS = 2000;
/** File name, in UTF-8 bytes (the usual filesystem NAME_MAX). */
export const FILE_NAME_MAX_BYTES = 255;
