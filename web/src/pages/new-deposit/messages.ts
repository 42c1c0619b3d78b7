/**
 * The texts of the deposit form (new-deposit.ts) and of its warning about a file already
 * deposited (duplicates.ts) as `[中文, English]`; merged into the one table by `texts.ts`.
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

  // new deposit
  'newDeposit.title': ['新建存证', 'New deposit'],
  'newDeposit.lead': [
    '提交后立即生成存证编号、签名收据和存证证书。',
    'You get a deposit number, a signed receipt and a certificate as soon as you submit.',
  ],
  'newDeposit.about': ['存证内容', 'What you deposit'],
  'newDeposit.titleHint': [
    '例如：“2026 年供货合同及往来邮件”。',
    'For example: “2026 supply contract and emails”.',
  ],
  'newDeposit.files': ['文件', 'Files'],
  'newDeposit.hashOnly': [
    '仅提交摘要（文件不离开本机）',
    'Hash only (the files stay on this computer)',
  ],
  'newDeposit.hashOnlyHint': [
    '开启后，浏览器在本机分段读取文件并计算 SHA-256 与 SM3 摘要，只提交摘要和文件大小。证书将注明平台未收到文件。',
    'When on, this browser reads the files in slices and computes SHA-256 and SM3 here; only the digests and sizes are sent. The certificate says the files were not received.',
  ],
  'newDeposit.drop': ['将文件拖放到这里', 'Drop files here'],
  'newDeposit.dropHint': ['可一次选择多个文件。', 'You can choose several files at once.'],
  'newDeposit.noFiles': ['尚未选择文件。', 'No files chosen yet.'],
  'newDeposit.summary': ['已选择 {n} 个文件，共 {size}', '{n} file(s) chosen, {size} in all'],
  'newDeposit.remove': ['移除 {name}', 'Remove {name}'],
  'newDeposit.hashing': ['正在本机计算摘要：{name}', 'Hashing on this computer: {name}'],
  'newDeposit.hashed': ['{name} 的摘要已算好', 'Digests of {name} are ready'],
  'newDeposit.hashFailed': ['无法读取文件：{message}', 'The file could not be read: {message}'],
  'newDeposit.hashIncomplete': [
    '有文件的摘要未能算出，请移除后重试。',
    'A file could not be hashed: remove it and try again.',
  ],
  'newDeposit.uploading': ['上传进度', 'Upload progress'],
  'newDeposit.submit': ['上传并存证', 'Upload and deposit'],
  'newDeposit.submitHashOnly': ['提交摘要并存证', 'Deposit the digests'],
  'newDeposit.needTitle': ['请填写存证标题。', 'Please give the deposit a title.'],
  'newDeposit.needFiles': ['请至少选择一个文件。', 'Please choose at least one file.'],
  'newDeposit.done': ['存证成功', 'Deposited'],
  'newDeposit.afterTitle': ['提交后您将获得', 'What you get'],
  'newDeposit.after1': [
    '存证编号：日志中的唯一编号，带校验位。',
    'A deposit number: a unique log index with a check character.',
  ],
  'newDeposit.after2': [
    '签名收据：包含证明与签名检查点，可离线核验。',
    'A signed receipt: the inclusion proof and signed checkpoint, verifiable offline.',
  ],
  'newDeposit.after3': [
    '存证证书（PDF）：列明文件清单、SHA-256 与 SM3 摘要、存证时间和核验方法。',
    'A certificate (PDF) listing the files, their SHA-256 and SM3 digests, the time and how to verify.',
  ],
} as const satisfies Record<string, readonly [string, string]>;
