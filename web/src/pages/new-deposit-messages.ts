/**
 * The texts of the deposit form's warning about a file already deposited (duplicates.ts) as
 * `[中文, English]`; merged into the one table by `texts.ts`.
 */
export const newDepositMessages = {
  'dup.already': [
    '您已存证过这个文件（SHA-256 相同）：',
    'You have deposited this very file before (same SHA-256):',
  ],
  'dup.item': ['「{title}」，{time}', '“{title}”, {time}'],
  'dup.title': ['以下文件您已存证过：{names}', 'You have deposited these files before: {names}'],
  'dup.explain': [
    '已有的存证已经证明文件在当时存在且此后未被改动；再次存证会另生成一份新的存证（新的编号和时间）。如确需再次存证，请按“仍然存证”。',
    'The earlier deposit already proves the file existed then and is unchanged since; depositing again makes another deposit (a new number and time). If that is what you want, press “Deposit again”.',
  ],
  'dup.again': ['仍然存证', 'Deposit again'],
} as const satisfies Record<string, readonly [string, string]>;

export type NewDepositMessageKey = keyof typeof newDepositMessages;
