/**
 * The texts of signing in and registering (login.ts, register.ts), one's own account and password
 * (account.ts), and of the admin's users page and actions on accounts (admin.ts,
 * admin-actions.ts) as `[中文, English]`; merged into the one table
 * by `texts.ts`.
 */
export const accountMessages = {
  // signing in, held back
  'login.retryIn': ['请 {time}后再试。', 'Try again in {time}.'],
  'login.retryNow': ['现在可以再试一次。', 'You can try again now.'],

  // one's own account
  'nav.account': ['账户与密码', 'Account and password'],
  'account.title': ['账户与密码', 'Account and password'],
  'account.lead': [
    '您登录所用的账户，以及修改密码。',
    'The account you are signed in with, and changing its password.',
  ],
  'account.who': ['当前账户', 'Signed in as'],
  'account.passwordTitle': ['修改密码', 'Change the password'],
  'account.passwordLead': [
    '修改后，其他浏览器和设备上的登录立即失效，需要用新密码重新登录；本浏览器保持登录。',
    'Once changed, every sign-in in other browsers and devices ends at once and needs the new password; this browser stays signed in.',
  ],
  'account.change': ['修改密码', 'Change the password'],
  'account.changed': [
    '密码已修改。其他浏览器和设备上的登录已失效。',
    'The password is changed. Sign-ins in other browsers and devices have ended.',
  ],

  // the admin's actions on an account
  'admin.reason': ['停用理由', 'Reason for disabling'],
  'admin.reasonHint': [
    '一行文字，写入管理日志，并显示在账户列表中，例如“离职”“账户疑似被盗用”。',
    'One line; it goes in the admin entry of the log and shows in the list, e.g. “left the office”, “account may be compromised”.',
  ],
  'admin.disableTitle': ['停用账户 {name}', 'Disable the account {name}'],
  'admin.disableLead': [
    '停用立即生效：该账户的所有登录失效，无法再登录或调用接口；以后恢复时，原有登录也不会恢复。',
    'Disabling takes effect at once: every sign-in of the account ends and it can no longer sign in or call the API; enabling it later does not bring old sign-ins back.',
  ],
  'admin.disableNow': ['确认停用', 'Disable'],
  'admin.disabledBecause': ['理由：{reason}', 'Reason: {reason}'],
  'admin.reset': ['重设密码', 'Reset password'],
  'admin.resetTitle': ['为 {name} 重设密码', 'Set a new password for {name}'],
  'admin.resetLead': [
    '重设后该账户的所有登录立即失效。请通过可靠途径把新密码告诉本人，并请其登录后在“账户与密码”中自行修改。重设记入管理日志（密码本身不记录）。',
    'Once reset, every sign-in of the account ends. Give the new password to its owner through a trusted channel and ask them to change it under “Account and password”. The reset is an admin entry in the log (the password itself is not).',
  ],
  'admin.resetHow': ['新密码', 'New password'],
  'admin.resetGenerate': ['自动生成（只显示这一次）', 'Generate one (shown this once)'],
  'admin.resetType': ['由我输入', 'I will type it'],
  'admin.resetNow': ['重设密码', 'Reset the password'],
  'admin.resetShown': ['已为 {name} 设置新密码：', 'New password set for {name}:'],
  'admin.resetOnce': [
    '这个密码只显示这一次，平台只保存它的摘要。请现在复制并交给本人。',
    'The password is shown this once; the platform keeps only its hash. Copy it now and give it to its owner.',
  ],
  'admin.resetDone': [
    '已为 {name} 设置您输入的新密码。',
    'The password you typed is set for {name}.',
  ],

  // login and registration
  'login.title': ['登录', 'Sign in'],
  'login.submit': ['登录', 'Sign in'],
  'login.noAccount': ['还没有账户？', 'No account yet?'],
  'login.register': ['注册为存证人', 'Register as a depositor'],
  'register.title': ['注册存证人账户', 'Register as a depositor'],
  'register.lead': [
    '您的真实姓名与掩码后的身份证号将显示在存证证书上（自行申报）。',
    'Your legal name and masked ID number appear on your certificates (self-declared).',
  ],
  'register.usernameHint': [
    '3–32 位小写字母、数字或 . _ -',
    '3–32 lower-case letters, digits, . _ -',
  ],
  'register.passwordHint': ['至少 10 个字符。', 'At least 10 characters.'],
  'register.passwordShort': [
    '密码至少需要 10 个字符。',
    'The password needs at least 10 characters.',
  ],
  'register.realNameHint': ['与身份证一致。', 'As on your ID card.'],
  'register.idHint': [
    '18 位，最后一位可为 X。加密保存，只以掩码显示（如 3101**********1234）。',
    '18 characters; the last may be X. Stored encrypted and only ever shown masked (e.g. 3101**********1234).',
  ],
  'register.idInvalid': [
    '身份证号码格式或校验位不正确（GB 11643）。',
    'The ID number’s format or check character is not valid (GB 11643).',
  ],
  'register.submit': ['注册', 'Register'],
  'register.haveAccount': ['已有账户？', 'Already registered?'],

  // admin
  'admin.title': ['用户管理', 'Users'],
  'admin.lead': [
    '创建公证员、法官和管理员账户，停用（须写明理由）或恢复账户，重设密码。每项操作都作为管理事件写入日志。',
    'Create notary, judge and administrator accounts; disable (with a reason) or enable accounts; reset passwords. Each action is an admin entry in the log.',
  ],
  'admin.users': ['全部账户', 'All accounts'],
  'admin.filterRole': ['按角色筛选', 'Filter by role'],
  'admin.allRoles': ['全部角色', 'All roles'],
  'admin.role': ['角色', 'Role'],
  'admin.extra': ['法院／公证处／身份', 'Court / office / ID'],
  'admin.created': ['创建时间', 'Created'],
  'admin.state': ['状态', 'State'],
  'admin.active': ['正常', 'Active'],
  'admin.disabled': ['已停用', 'Disabled'],
  'admin.enable': ['恢复', 'Enable'],
  'admin.disable': ['停用', 'Disable'],
  'admin.self': ['当前账户', 'You'],
  'admin.createTitle': ['创建账户', 'Create an account'],
  'admin.initialPassword': ['初始密码', 'Initial password'],
  'admin.courtHint': ['法官必填：法院全称。', 'Required for judges: the court’s full name.'],
  'admin.create': ['创建', 'Create'],
  'admin.created.ok': ['已创建账户 {name}。', 'Account {name} created.'],
  'admin.rolesTitle': ['关于角色', 'About roles'],
  'admin.rolesNote': [
    '角色在创建账户时确定；停用立即生效，被停用的账户无法登录或调用接口。',
    'The role is set when the account is created; disabling takes effect at once, and a disabled account cannot sign in or call the API.',
  ],
} as const satisfies Record<string, readonly [string, string]>;
