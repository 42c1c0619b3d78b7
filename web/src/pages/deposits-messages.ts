/**
 * The texts of the list of one's deposits (deposits.ts) as `[中文, English]`; merged into the one table by `texts.ts`.
 */
export const depositsMessages = {
  // deposits list
  'deposits.title': ['我的存证', 'My deposits'],
  'deposits.lead': ['您提交的全部存证，最新的在前。', 'All your deposits, newest first.'],
  'deposits.new': ['新建存证', 'New deposit'],
  'deposits.search': ['搜索', 'Search'],
  'deposits.searchHint': [
    '按存证编号、标题、文件名或摘要（SHA-256 / SM3，至少 6 位）查找。',
    'By deposit number, title, file name or digest (SHA-256 / SM3, 6 characters or more).',
  ],
  'deposits.count': ['共 {n} 份存证', '{n} deposits'],
  'deposits.countFiltered': ['找到 {n} 份（共 {total} 份）', '{n} of {total} deposits'],
  'deposits.empty': ['还没有存证。', 'No deposits yet.'],
  'deposits.noMatch': ['没有符合条件的存证。', 'No deposit matches.'],
  'deposits.col.number': ['存证编号', 'Number'],
  'deposits.col.title': ['标题', 'Title'],
  'deposits.col.files': ['文件', 'Files'],
  'deposits.col.method': ['方式', 'Method'],
  'deposits.col.time': ['存证时间', 'Deposited'],
  'deposits.col.notary': ['公证', 'Notarisation'],
  'deposits.fileCount': ['{n} 个文件', '{n} file(s)'],
} as const satisfies Record<string, readonly [string, string]>;
