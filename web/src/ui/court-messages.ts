/**
 * The texts of the court list (docs/courts.md) as `[中文, English]`: the picker, the admin's
 * 法院名录, and the error codes of the court routes. Merged into the one table by `texts.ts`.
 */
export const courtMessages = {
  // the picker (share dialog, creating a judge)
  'court.picker.hint': [
    '从法院名录中选择：输入名称的一部分即可搜索，例如“徐汇”。',
    'Pick from the court list: type part of the name to search, e.g. “徐汇” or “Xuhui”.',
  ],
  'court.picker.list': ['法院名录', 'Court list'],
  'court.picker.results': [
    '找到 {n} 个法院，用上下方向键选择。',
    '{n} courts found; use the arrow keys to choose.',
  ],
  'court.picker.none': [
    '法院名录中没有与“{q}”匹配的法院。名录由管理员维护。',
    'No court in the list matches “{q}”. The administrator keeps the list.',
  ],
  'court.picker.picked': ['已选择：{name}', 'Chosen: {name}'],
  'court.notListed': ['（不在法院名录中）', '(not in the court list)'],

  // the admin's court list
  'courts.title': ['法院名录', 'Court list'],
  'courts.lead': [
    '共享和法官账户只能选择名录中的法院；按法院编号匹配，改名不影响已有共享。停用的法院不再出现在选择列表中，已有共享和法官不受影响。每项操作都作为管理事件写入日志。',
    'Shares and judge accounts can only name a court in this list; they are matched by the court’s id, so a rename keeps existing shares working. A disabled court leaves the pickers; existing shares and judges keep working. Each action is an admin entry in the log.',
  ],
  'courts.search': ['搜索法院', 'Search courts'],
  'courts.none': ['名录中没有符合条件的法院。', 'No listed court matches.'],
  'courts.region': ['所在地区', 'Region'],
  'courts.state': ['状态', 'State'],
  'courts.addTitle': ['添加法院', 'Add a court'],
  'courts.add': ['添加', 'Add'],
  'courts.added': ['已添加 {name}。', '{name} added.'],
  'courts.rename': ['改名', 'Rename'],
  'courts.renameLabel': ['{name} 的新名称', 'New name of {name}'],
  'courts.save': ['保存', 'Save'],
  'courts.disable': ['停用', 'Disable'],
  'courts.enable': ['恢复', 'Enable'],

  // fields the court routes name in their errors
  'field.name': ['法院名称', 'Court name'],
  'field.nameEn': ['英文名称', 'English name'],
  'field.region': ['所在地区', 'Region'],
  'field.courtId': ['法院', 'Court'],

  // error codes of the court list
  'error.COURT_UNKNOWN': [
    '法院名录中没有这个法院，请从名录中选择；如名录缺少该法院，请联系管理员添加。',
    'That court is not in the court list. Pick one from the list; if it is missing, ask the administrator to add it.',
  ],
  'error.COURT_DISABLED': [
    '该法院已在名录中停用，不能再选择。',
    'That court is disabled in the list and can no longer be chosen.',
  ],
  'error.COURT_NOT_FOUND': [
    '名录中没有这个法院，请刷新页面。',
    'That court is not in the list. Reload the page.',
  ],
  'error.COURT_NAME_TAKEN': ['名录中已有同名的法院。', 'A court of this name is already listed.'],
} as const satisfies Record<string, readonly [string, string]>;
