/**
 * A verification in plain words (docs/web.md): the checks grouped into what a person asks — is
 * it the same file, is the record intact, is it in the public log, has the log only grown, is
 * this PDF the one issued — each with ✓/✗/–. The check ids and values stay behind 技术详情.
 * @module
 */
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import type { TextKey } from '../../texts.js';
import type { CheckView } from '../../types.js';

/** The questions, and the check ids that answer each. */
const GROUPS: readonly (readonly [name: string, ids: readonly string[]])[] = [
  ['file', ['file.sha256', 'file.sm3']],
  ['record', ['receipt.shape', 'entry.canonical', 'entry.id', 'opening.commitment']],
  ['log', ['checkpoint.signature', 'checkpoint.key_trusted', 'checkpoint.origin', 'inclusion']],
  ['grown', ['consistency']],
  ['time', ['timestamp.imprint', 'timestamp.signature', 'timestamp.trusted', 'timestamp.covers']],
  ['document', ['document.issued']],
];

type Status = CheckView['status'];

/** A group fails if one check fails, passes if one passes and none fails, else does not apply. */
function groupStatus(checks: readonly CheckView[], ids: readonly string[]): Status | undefined {
  const mine = checks.filter((c) => ids.includes(c.id));
  if (mine.length === 0) return undefined;
  if (mine.some((c) => c.status === 'fail')) return 'fail';
  return mine.some((c) => c.status === 'pass') ? 'pass' : 'skip';
}

const MARK: Readonly<Record<Status, string>> = { pass: '✓', fail: '✗', skip: '–' };

/** The plain list: one line per question the checks answer. */
export function plainSummary(checks: readonly CheckView[]): HTMLElement {
  return h(
    'ul',
    { class: 'plain', 'data-plain': '' },
    GROUPS.map(([name, ids]) => {
      const status = groupStatus(checks, ids);
      if (status === undefined) return null;
      return h(
        'li',
        { class: `plain-${status}`, 'data-plain-item': name, 'data-status': status },
        h('span', { class: 'plain-mark', 'aria-hidden': 'true' }, MARK[status]),
        h('span', null, t(`plain.${name}.${status}` as TextKey)),
      );
    }),
  );
}
