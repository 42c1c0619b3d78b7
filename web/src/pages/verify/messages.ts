/**
 * Texts of the verification pages (the QR landing `/verify`, the public and the full checks, `/verify/certificate`, `/help`) as
 * `[中文, English]`, kept beside the pages and merged into the table by `texts.ts` (a key may not
 * also be in another table; error texts are in `ui/error-messages.ts`). Plain words first; technical words only behind 技术详情.
 */
export const verifyMessages = {
  // the QR landing: a number alone
  'landing.title': ['核验存证', 'Check a deposit'],
  'landing.lead': [
    '扫描证书上的二维码或输入存证编号，即可查看该存证是否存在；还可以把文件拖进来，核对是否就是存证的那些文件。不显示任何个人信息。',
    'Scan the certificate’s QR code or type its number to see whether the deposit exists; then drop the files to see whether they are the ones deposited. No personal data is shown.',
  ],
  'landing.asking': ['正在查询…', 'Looking it up…'],
  'landing.found': ['存证存在', 'The deposit exists'],
  'landing.foundDetail': [
    '本平台有这一编号的存证，且已记入公开日志。',
    'This service holds a deposit with this number, recorded in its public log.',
  ],
  'landing.notFound': ['未找到该存证', 'No such deposit'],
  'landing.notFoundDetail': [
    '编号格式和校验位都正确，但本平台没有这一编号的存证。请核对证书上的编号和网址。',
    'The number is well-formed and its check character fits, but this service holds no deposit with it. Check the number and the address on the certificate.',
  ],
  'landing.copy': ['复制', 'Copy'],
  'landing.copyNumber': ['复制存证编号', 'Copy the deposit number'],
  'landing.copyRoot': ['复制根哈希', 'Copy the root hash'],
  'landing.copyDigest': ['复制 {alg} 摘要', 'Copy the {alg} digest'],
  'landing.time': ['存证时间', 'Deposited'],
  'landing.notarial': ['公证证明', 'Notarial certificate'],
  'landing.notarisedYes': ['已出具', 'Issued'],
  'landing.notarisedNo': ['未出具', 'None issued'],
  'landing.log': ['公开日志', 'Public log'],
  'landing.rechecking': ['正在本机复核…', 'Checking on this device…'],
  'landing.inLog': [
    '已在本机复核：该存证记录在公开日志中，日志由本平台的公钥签名，且此后只增未改。',
    'Checked on this device: the deposit is in the public log, the log is signed by this service’s key, and it has only grown since.',
  ],
  'landing.notInLog': [
    '本机复核未通过：详见技术详情。',
    'The check on this device failed: see the technical details.',
  ],
  'landing.recheckFailed': ['本机未能复核：{message}', 'Could not check on this device: {message}'],
  'landing.tech': ['技术详情', 'Technical details'],
  'landing.techLead': [
    '以下是公开日志中的技术数据，供专业人员独立复核；普通用户无需理解。',
    'The technical data of the public log, for anyone who wants to check independently; you do not need it to read the answer above.',
  ],
  'landing.index': ['日志序号', 'Log index'],
  'landing.tree': ['覆盖它的检查点', 'Checkpoint covering it'],
  'landing.treeValue': ['树大小 {size}，来源 {origin}', 'tree size {size}, origin {origin}'],
  'landing.root': ['根哈希', 'Root hash'],
  'landing.note': ['签名检查点原文', 'The signed checkpoint'],
  'landing.checksTitle': ['本机逐项复核', 'Checks run on this device'],
  'landing.privacy': [
    '这里只显示存证是否存在、存证时间、日志位置和是否出具公证证明，不显示存证人、标题、文件名或摘要。',
    'Only whether the deposit exists, its time, its place in the log and whether a notarial certificate was issued are shown: never the depositor, title, file names or digests.',
  ],
  'landing.helpLink': [
    '帮助：SHA-256、SM3 是什么？“核验通过”证明了什么？',
    'Help: what are SHA-256 and SM3? What does “verified” prove?',
  ],
  'landing.byNumber': ['按存证编号查询', 'Look up a deposit number'],
  'landing.another': ['查询其他编号', 'Look up another number'],
  'landing.again': ['重新输入编号', 'Type the number again'],
  'landing.numberLabel': ['存证编号', 'Deposit number'],
  'landing.lookUp': ['查询', 'Look up'],
  'landing.wrongCheck': [
    '存证编号的校验位不对：编号可能输错了，请对照证书逐位核对。',
    'The check character is wrong: the number was probably mistyped. Compare it with the certificate.',
  ],
  'landing.wrongCheckIn': [
    '“{raw}”的校验位不对：编号可能输错了，请对照证书逐位核对。',
    'The check character of “{raw}” is wrong: the number was probably mistyped. Compare it with the certificate.',
  ],
  'landing.notANumber': [
    '“{raw}”不是存证编号（HC + 10 位数字 + 校验位），也不是 64 位摘要。',
    '“{raw}” is neither a deposit number (HC, 10 digits and a check character) nor a 64-character digest.',
  ],

  // the file check on the landing
  'landing.filesTitle': ['核对文件', 'Check the files'],
  'landing.filesLead': [
    '把该存证的文件拖到这里，可以一次放入全部文件。文件只在本机计算摘要，不会上传；每个文件都与该存证逐一核对。',
    'Drop the deposit’s files here, all at once if you like. They are hashed on this device and never uploaded; each is checked against this deposit.',
  ],
  'landing.anyTitle': ['按文件或摘要查询', 'Look up a file or digest'],
  'landing.anyLead': [
    '不知道编号也可以：拖入文件（可多个）或输入摘要，查询是否有包含它的存证。文件不会上传。',
    'No number? Drop files (several at once) or type a digest to see whether any deposit holds it. Files are never uploaded.',
  ],
  'landing.drop': ['将文件拖放到这里（可多个）', 'Drop the files here (several at once)'],
  'landing.filesHint': [
    '只在本机计算 SHA-256 与 SM3 摘要，不会上传。',
    'Only hashed here (SHA-256 and SM3); never uploaded.',
  ],
  'landing.filesChosen': ['已选择 {n} 个文件', '{n} file(s) chosen'],
  'landing.haveDigest': ['已有摘要？直接输入', 'Have a digest? Type it'],
  'landing.checkFiles': ['核对', 'Check'],
  'landing.needFiles': ['请拖入文件或输入摘要。', 'Drop files or type a digest.'],
  'landing.fileMatch': ['与该存证中的文件一致', 'matches a file of this deposit'],
  'landing.fileNoMatch': ['不是该存证中的文件', 'not a file of this deposit'],
  'landing.fileIn': ['存在于存证 {id}', 'found in deposit {id}'],
  'landing.fileNowhere': ['没有包含它的存证', 'in no deposit'],
  'landing.allMatch': [
    '{n} 个文件都与存证 {id} 中的文件完全一致。',
    'All {n} file(s) are exactly files of deposit {id}.',
  ],
  'landing.someMatch': [
    '{n} 个文件中只有 {ok} 个与存证 {id} 一致：其余文件在存证后被改动过，或不是存证的文件。',
    'Only {ok} of {n} file(s) match deposit {id}: the others were changed after the deposit, or were never deposited.',
  ],
  'landing.allFound': [
    '{n} 个文件（摘要）都有相符的存证。',
    'Every one of the {n} file(s) or digest(s) is in a deposit.',
  ],
  'landing.someFound': [
    '{n} 个文件（摘要）中只有 {ok} 个有相符的存证。',
    'Only {ok} of {n} file(s) or digest(s) are in a deposit.',
  ],
  'landing.filesPrivacy': [
    '文件只在本机计算摘要；发给服务器的只有摘要，结果只回答“一致／不一致”。',
    'The files were hashed on this device; only their digests went to the server, and the answer is only match / no match.',
  ],

  // the certificate check, several files
  'verify.step2Files': ['② 证据文件（可多个）', '② Evidence files (several at once)'],
  'verify.dropFiles': ['将证据文件拖放到这里（可多个）', 'Drop the evidence files here (several)'],
  'verify.fileOk': ['与证书记载的“{name}”一致', 'matches “{name}” on the certificate'],
  'verify.fileNotIn': ['不是该存证中的文件', 'not a file of this deposit'],
  'verify.verifiedFiles': [
    '{n} 个文件都与证书记载的存证一致，且存证已记入日志并由本平台的日志公钥签名。',
    'All {n} files match the deposit on the certificate, and the deposit is in the log signed by this service’s key.',
  ],
  'verify.filesChanged': [
    '{n} 个文件中有 {bad} 个与存证时的摘要不一致：被改动过，或不是存证的文件。',
    '{bad} of {n} files differ from the deposited digests: changed, or not deposited.',
  ],
  'verify.reports': [
    '下载签名核验报告（每个文件一份，PDF）',
    'Download the signed verification reports (one per file, PDF)',
  ],
  'verify.reportsHint': [
    '由服务器按本页相同的材料出具并签名，记入保管记录。',
    'Issued and signed by the server from the same material as this page; recorded on the custody trail.',
  ],

  // a verification in plain words
  'plain.file.pass': [
    '文件与存证时完全一致（SHA-256 与 SM3 摘要都相同）。',
    'The file is exactly the one deposited (SHA-256 and SM3 digests equal).',
  ],
  'plain.file.fail': [
    '文件与存证时不一致：存证后被改动过，或不是存证的文件。',
    'The file differs from the one deposited: changed since, or another file.',
  ],
  'plain.file.skip': [
    '未提供文件，未核对文件内容。',
    'No file was given, so no file was compared.',
  ],
  'plain.record.pass': [
    '证书（收据）中的存证记录完整，自存证以来未被改动。',
    'The deposit record in the certificate (receipt) is complete and unchanged since the deposit.',
  ],
  'plain.record.fail': [
    '证书（收据）中的存证记录被改动过，或属于另一编号。',
    'The deposit record in the certificate (receipt) was changed, or is for another number.',
  ],
  'plain.record.skip': ['未核对存证记录。', 'The deposit record was not checked.'],
  'plain.log.pass': [
    '存证记录在本平台的公开日志中，日志由本平台的公钥签名。',
    'The deposit is in this service’s public log, signed by this service’s key.',
  ],
  'plain.log.fail': [
    '无法证明存证记录在本平台签名的公开日志中。',
    'It cannot be shown that the deposit is in the public log this service signs.',
  ],
  'plain.log.skip': ['未核对公开日志。', 'The public log was not checked.'],
  'plain.grown.pass': [
    '公开日志此后只增加、从未改写。',
    'The public log has only grown since, never rewritten.',
  ],
  'plain.grown.fail': [
    '公开日志此后被改写过（不一致）。',
    'The public log was rewritten since (inconsistent).',
  ],
  'plain.grown.skip': [
    '未联网核对日志此后是否只增不改。',
    'Not checked online that the log only grew since.',
  ],
  'plain.time.pass': [
    '第三方时间戳机构（RFC 3161）证明该存证不晚于其所盖时间。',
    'A third-party time-stamp authority (RFC 3161) proves the deposit existed by the stamped time.',
  ],
  'plain.time.fail': [
    '收据所附的时间戳不成立：它不属于这份存证，或签名、机构不可信。',
    'The receipt’s time-stamp does not hold: it is not of this deposit, or its signature or authority is not trusted.',
  ],
  'plain.time.skip': [
    '没有核对第三方时间戳（收据未附，或此处无法核验其签名）。',
    'No third-party time-stamp was checked (none attached, or its signature cannot be checked here).',
  ],
  'plain.document.pass': [
    '这份 PDF 证书正是本平台签发的原件。',
    'This PDF certificate is exactly the one this service issued.',
  ],
  'plain.document.fail': [
    '这份 PDF 不是本平台签发的原样文件：可能被改动过。',
    'This PDF is not the file this service issued: it may have been changed.',
  ],
  'plain.document.skip': [
    '提交的不是 PDF 证书，未核对证书文件本身。',
    'No PDF certificate was given, so the document itself was not checked.',
  ],

  // help
  'help.title': ['帮助', 'Help'],
  'help.lead': [
    '核验存证时会遇到的几个概念，用通俗的话说明。',
    'The few ideas behind checking a deposit, in plain words.',
  ],
  'help.number.title': ['存证编号', 'The deposit number'],
  'help.number.1': [
    '每份存证都有一个编号，如 HC 00000 00012 3：HC 之后的 10 位数字是它在公开日志中的位置，最后一位是校验位。',
    'Every deposit has a number such as HC 00000 00012 3: the 10 digits after HC are its place in the public log, the last character is a check character.',
  ],
  'help.number.2': [
    '校验位与身份证号码最后一位的算法相同：输错一位数字或把相邻两位颠倒，页面都会提示“校验位不对”。',
    'The check character works like the last character of a resident ID number: a wrong digit or two swapped neighbours is caught, and the page says the check character is wrong.',
  ],
  'help.digest.title': ['SHA-256 与 SM3 是什么', 'What SHA-256 and SM3 are'],
  'help.digest.1': [
    'SHA-256 和 SM3 是两种“摘要”算法：对一个文件算出一串 64 位的十六进制字符，相当于文件的指纹。',
    'SHA-256 and SM3 are two digest algorithms: each turns a file into 64 hexadecimal characters, a fingerprint of the file.',
  ],
  'help.digest.2': [
    '同一个文件每次算出的摘要都相同；文件哪怕只改动一个字节，摘要就完全不同。已知摘要，无法反推出文件内容。',
    'The same file always gives the same digest; change a single byte and the digest is entirely different. A digest does not reveal the file’s content.',
  ],
  'help.digest.3': [
    'SM3 是我国的国家标准（GB/T 32905），SHA-256 是国际通用标准；本平台两种都记录，核验时两种都比对。摘要在您的浏览器中计算，文件不会上传。',
    'SM3 is China’s national standard (GB/T 32905), SHA-256 the international one; the service records both and checks both. Digests are computed in your browser: files are never uploaded.',
  ],
  'help.proves.title': ['“核验通过”证明了什么', 'What “verified” proves'],
  'help.proves.1': [
    '证明：您提供的文件与存证时的文件逐字节相同；存证记录自存证时间起未被改动；该记录在本平台可公开审计的日志中。',
    'It proves: the file you gave is byte for byte the one deposited; the deposit record is unchanged since the deposit time; the record is in this service’s publicly auditable log.',
  ],
  'help.proves.2': [
    '不证明：文件内容是否真实，以及存证之前发生的事情。依据《人民法院在线诉讼规则》第十六条至第十九条，经技术核验一致的存证数据，推定其存证后未被篡改。',
    'It does not prove that the content is true, nor what happened before the deposit. Under the Online Litigation Rules, Art. 16–19, data that verifies is presumed unaltered since its deposit.',
  ],
  'help.proves.3': [
    '“存证存在”只说明本平台有这一编号的存证及其时间；要核对具体文件，请把文件拖入核对。',
    '“The deposit exists” says only that this service holds a deposit with this number, and when; to check the files, drop them in.',
  ],
  'help.log.title': ['公开日志', 'The public log'],
  'help.log.1': [
    '每份存证都写入一个只能追加、不能改写的公开日志（RFC 6962 默克尔树）。日志中没有姓名、标题或文件摘要，只有一个无法反推内容的“承诺值”。',
    'Every deposit is written into a public log that can only be appended to, never rewritten (an RFC 6962 Merkle tree). The log holds no names, titles or file digests, only a commitment that reveals nothing.',
  ],
  'help.log.2': [
    '平台定期对日志签名（检查点）。任何人都可以下载日志并独立核对：平台无法在不被发现的情况下删改已有记录。',
    'The service signs the log regularly (checkpoints). Anyone may download the log and check it independently: existing records cannot be altered or removed unnoticed.',
  ],
  'help.offline.title': ['不用本网站也能核验', 'Checking without this website'],
  'help.offline.1': [
    '在自己的电脑上计算文件摘要，与证书上印的摘要对比；或用开源命令行工具 huicun verify 离线核验证书。',
    'Compute the file’s digests on your own computer and compare them with those printed on the certificate, or verify the certificate offline with the open-source huicun verify command.',
  ],
  'help.offline.commands': ['命令示例', 'Commands'],
  'help.offline.code': [
    'sha256sum 文件名\nopenssl dgst -sm3 文件名\nhuicun verify 文件名 --certificate 证书.pdf --online https://本平台网址',
    'sha256sum FILE\nopenssl dgst -sm3 FILE\nhuicun verify FILE --certificate certificate.pdf --online https://this-service',
  ],
  'help.glossary': ['技术词汇', 'Technical words'],
  'help.term.index': ['日志序号', 'Log index'],
  'help.term.index.text': [
    '存证在公开日志中的位置，即存证编号中间的 10 位数字。',
    'The deposit’s place in the public log: the 10 digits in the middle of its number.',
  ],
  'help.term.checkpoint': ['检查点', 'Checkpoint'],
  'help.term.checkpoint.text': [
    '平台在某一时刻对整个日志的签名：日志的大小（树大小）和根哈希。',
    'The service’s signature over the whole log at a moment: its size (tree size) and root hash.',
  ],
  'help.term.root': ['根哈希', 'Root hash'],
  'help.term.root.text': [
    '由日志中全部记录算出的一个摘要；任何一条记录改变，根哈希都会改变。',
    'One digest computed from every record in the log; change any record and the root hash changes.',
  ],
  'help.term.inclusion': ['包含证明', 'Inclusion proof'],
  'help.term.inclusion.text': [
    '几个哈希值，用来证明某条记录确实在某个检查点签署的日志中。',
    'A few hashes that prove a record is in the log a checkpoint signs.',
  ],
  'help.term.consistency': ['一致性证明', 'Consistency proof'],
  'help.term.consistency.text': [
    '证明日志从一个检查点到另一个检查点只增加、没有改写。',
    'Proves the log only grew, and was not rewritten, from one checkpoint to another.',
  ],
  'help.term.tlogProof': ['收据与 tlog-proof', 'Receipt and tlog-proof'],
  'help.term.tlogProof.text': [
    '把存证记录、包含证明和检查点放在一起的文件，可以离线核验；tlog-proof 是它的通用文本格式。',
    'A file holding the deposit record, the inclusion proof and the checkpoint, which verifies offline; tlog-proof is its common text format.',
  ],
  'help.term.checkId': ['检查项编号', 'Check ids'],
  'help.term.checkId.text': [
    '技术详情中的 receipt.shape、inclusion 等是各项检查的固定编号，命令行工具和核验报告使用同样的编号。',
    'Names such as receipt.shape or inclusion in the technical details are the fixed ids of the checks; the command-line tool and the verification report use the same ids.',
  ],
  'help.toVerify': ['去核验存证', 'Check a deposit'],

  // public verification
  'publicVerify.title': ['公开核验', 'Public check'],
  'publicVerify.lead': [
    '核对一个文件或摘要是否与存证一致。文件只在您的浏览器中计算摘要，不会上传；结果不显示任何个人信息。',
    'Check whether a file or digest matches a deposit. The file is hashed in your browser and never uploaded; no personal data is shown.',
  ],
  'publicVerify.number': ['存证编号（可选）', 'Deposit number (optional)'],
  'publicVerify.numberHint': [
    '如 HC 00000 00012 3，空格可省略。',
    'Like HC 00000 00012 3; spaces optional.',
  ],
  'publicVerify.byFile': ['方式一：拖入文件', 'Either: drop the file'],
  'publicVerify.byDigest': ['方式二：输入摘要', 'Or: type a digest'],
  'publicVerify.drop': ['将文件拖放到这里', 'Drop the file here'],
  'publicVerify.digest': ['文件摘要（64 位十六进制）', 'File digest (64 hex characters)'],
  'publicVerify.digestHint': ['例如 sha256sum 的输出。', 'For example, what sha256sum prints.'],
  'publicVerify.algorithm': ['摘要算法', 'Algorithm'],
  'publicVerify.submit': ['核验', 'Check'],
  'publicVerify.result': ['核验结果', 'Result'],
  'publicVerify.waiting': [
    '拖入文件或输入摘要后按“核验”，结果将显示在这里。',
    'Drop a file or type a digest, then press Check: the answer appears here.',
  ],
  'publicVerify.match': ['一致：存在相符的存证', 'Match: a deposit has it'],
  'publicVerify.noMatch': ['未找到相符的存证', 'No matching deposit'],
  'publicVerify.needInput': ['请拖入文件或输入摘要。', 'Drop a file or type a digest.'],
  'publicVerify.badDigest': [
    '摘要应为 64 位十六进制字符。',
    'A digest is 64 hexadecimal characters.',
  ],
  'publicVerify.badNumber': [
    '存证编号格式不正确（HC + 10 位数字 + 校验位）。',
    'Not a deposit number (HC, 10 digits and a check character).',
  ],
  'publicVerify.foundIn': [
    '与存证 {id} 一致。存证时间：{time}。',
    'It matches deposit {id}, deposited {time}.',
  ],
  'publicVerify.foundAny': [
    '存在包含该摘要的存证，最早为 {id}，存证时间：{time}（共 {n} 份）。',
    'A deposit with this digest exists: the earliest is {id}, deposited {time} ({n} in all).',
  ],
  'publicVerify.notFoundIn': [
    '与存证 {id} 不一致，或该存证不存在。',
    'It does not match deposit {id}, or there is no such deposit.',
  ],
  'publicVerify.notFound': ['没有包含该摘要的存证。', 'No deposit has this digest.'],
  'publicVerify.privacy': [
    '公开核验只回答“存在／不存在”和存证时间，不显示存证人、文件名或其他内容。',
    'A public check only answers found / not found and the deposit time; it shows no depositor, file name or other content.',
  ],
  'publicVerify.haveCertificate': ['持有证书 PDF 或收据？', 'Have the certificate PDF or receipt?'],

  // full verification
  'verify.title': ['核验证书', 'Verify a certificate'],
  'verify.lead': [
    '将证书（PDF）或收据与证据文件一起核验。全部计算都在本浏览器中完成，证据文件不会上传；核验程序与命令行工具 huicun verify 相同。',
    'Check a certificate (PDF) or receipt against the evidence file. Everything runs in this browser and the evidence file is never uploaded; the verifier is the same as the huicun verify command.',
  ],
  'verify.step1': ['① 证书或收据', '① Certificate or receipt'],
  'verify.step2': ['② 证据文件', '② Evidence file'],
  'verify.dropCertificate': [
    '将存证证书 PDF 或收据拖放到这里',
    'Drop the certificate PDF or receipt here',
  ],
  'verify.certificateHint': [
    '支持本平台出具的 PDF 证书、收据 JSON 与 tlog-proof 文本。',
    'Certificates issued here (PDF), receipt JSON, or tlog-proof text.',
  ],
  'verify.dropFile': ['将证据文件拖放到这里', 'Drop the evidence file here'],
  'verify.fileHint': [
    '只在本机计算 SHA-256 与 SM3 摘要，不会上传。',
    'Only hashed here (SHA-256 and SM3); never uploaded.',
  ],
  'verify.hashing': ['正在本机计算摘要', 'Hashing on this computer'],
  'verify.hashed': ['文件摘要已算好', 'The file’s digests are ready'],
  'verify.number': ['存证编号（可选）', 'Deposit number (optional)'],
  'verify.numberHint': [
    '填写后还将核对证书确属该编号。',
    'If given, the certificate must be for this number.',
  ],
  'verify.submit': ['开始核验', 'Verify'],
  'verify.needCertificate': [
    '请先放入证书 PDF 或收据。',
    'Please add the certificate PDF or receipt first.',
  ],
  'verify.unreadable': [
    '无法读取证书或收据：{message}',
    'The certificate or receipt cannot be read: {message}',
  ],
  'verify.result': ['核验结果', 'Result'],
  'verify.verified': ['核验通过', 'Verified'],
  'verify.notVerified': ['核验未通过', 'Not verified'],
  'verify.verifiedWithFile': [
    '文件“{name}”与证书记载的存证一致，且存证已记入日志并由本平台的日志公钥签名。',
    'The file “{name}” matches the deposit on the certificate, and the deposit is in the log signed by this service’s key.',
  ],
  'verify.verifiedNoFile': [
    '证书（收据）真实有效；未提供证据文件，文件摘要未核对。',
    'The certificate (receipt) is genuine; no evidence file was given, so no file was compared.',
  ],
  'verify.fileChanged': [
    '文件与存证时的摘要不一致：文件在存证后被改动过，或不是存证的那个文件。',
    'The file’s digests differ from those deposited: it was changed after the deposit, or it is another file.',
  ],
  'verify.notVerifiedDetail': [
    '至少一项核验未通过，详见下方各项说明。',
    'At least one check failed; see each check below.',
  ],
  'verify.matchedFile': ['对应的存证文件', 'Deposited file matched'],
  'verify.document': ['核验的文件', 'Document checked'],
  'verify.kind.pdf': ['PDF 证书', 'PDF certificate'],
  'verify.kind.receipt': ['收据 JSON', 'receipt JSON'],
  'verify.kind.tlog-proof': ['tlog-proof', 'tlog-proof'],
  'verify.tree': ['日志树', 'Log tree'],
  'verify.stampTime': ['时间戳时间（RFC 3161）', 'Time-stamp time (RFC 3161)'],
  'verify.stampValue': ['{time}，由 {tsa} 签发', '{time}, by {tsa}'],
  'verify.treeValue': ['大小 {size}，来源 {origin}', 'size {size}, origin {origin}'],
  'verify.logKey': ['所用日志公钥（取自本服务器）', 'Log key used (from this server)'],
  'verify.checks': ['逐项核验', 'Every check'],
  'verify.details': ['核验依据', 'What was checked'],
  'verify.countOk': [
    '{total} 项核验中 {passed} 项通过，没有未通过的项目。',
    '{passed} of {total} checks passed; none failed.',
  ],
  'verify.countBad': [
    '{total} 项核验中 {passed} 项通过；未通过：{failed}。',
    '{passed} of {total} checks passed; failed: {failed}.',
  ],
  'verify.listSep': ['、', ', '],
  'verify.localNote': [
    '证据文件只在本机计算摘要。日志公钥、当前检查点与一致性证明取自本服务器；也可以用 huicun verify 命令离线复核。',
    'The evidence file was hashed on this computer only. The log key, the current checkpoint and the consistency proof came from this server; huicun verify repeats the check offline.',
  ],
  'verify.report': ['下载签名核验报告（PDF）', 'Download the signed verification report (PDF)'],
  'verify.reportHint': [
    '由服务器出具并签名，记入保管记录。',
    'Issued and signed by the server; recorded on the custody trail.',
  ],
  'verify.reportNeedsInput': [
    '请先放入证据文件或证书。',
    'Add the evidence file or the certificate first.',
  ],
  'verify.reportNotReadable': [
    '服务器未能为此次核验出具报告：您无权查阅该存证，或文件与存证不一致。',
    'The server made no report for this check: you may not read this deposit, or the file does not match it.',
  ],
} as const satisfies Record<string, readonly [string, string]>;
