/**
 * The texts of the judge's shared deposits (judge.ts) as `[中文, English]`; merged into the one table by `texts.ts`.
 */
export const judgeMessages = {
  // judge
  'judge.title': ['共享存证', 'Shared deposits'],
  'judge.lead': [
    '所在法院：{court}。凭当事人提供的共享码查阅存证。',
    'Court: {court}. Open a deposit with the share code a party gives you.',
  ],
  'judge.shared': ['已共享给您的存证', 'Deposits shared with you'],
  'judge.none': [
    '暂无共享给您的存证。请在右侧输入当事人提供的共享码。',
    'Nothing shared with you yet. Enter a share code from a party on the right.',
  ],
  'judge.redeemTitle': ['兑换共享码', 'Redeem a share code'],
  'judge.code': ['共享码', 'Share code'],
  'judge.codeHint': [
    '7 组、每组 4 位字母或数字，可不输入连字符。',
    '7 groups of 4 letters or digits; hyphens optional.',
  ],
  'judge.redeem': ['兑换', 'Redeem'],
  'judge.verify': ['核验', 'Verify'],
  'judge.verifyTitle': ['核验证书', 'Verify a certificate'],
  'judge.verifyLead': [
    '将当事人提交的证书（或收据）与证据文件放在一起核验；文件只在本机计算摘要。',
    'Check a certificate (or receipt) a party filed against the evidence file; the file is hashed on this computer only.',
  ],
} as const satisfies Record<string, readonly [string, string]>;
