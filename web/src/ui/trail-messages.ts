/**
 * The custody trail's texts (its title, controls and events) as `[中文, English]` and the label of each event (docs/web.md "The
 * custody trail"): a read names what was read — the deposit, a file, the deposit certificate,
 * the notarial certificate — and a certificate document names its kind, so a notary's download
 * of the notarial certificate reads 下载公证证明, not 签发证书文件. Pure (no DOM): `texts.ts`
 * merges the table and the tests check every label has both languages.
 */

export const trailMessages = {
  // what a read event says
  'trail.viewed.details': ['查看存证详情', 'Viewed the deposit'],
  'trail.viewed.receipt': ['查看存证收据', 'Viewed the receipt'],
  'trail.viewed.certificate.deposit': ['下载存证证书', 'Downloaded the deposit certificate'],
  'trail.viewed.certificate.notarial': ['下载公证证明', 'Downloaded the notarial certificate'],
  'trail.viewed.certificate': ['下载证书', 'Downloaded a certificate'],
  'trail.downloaded.named': ['下载文件“{name}”', 'Downloaded “{name}”'],
  'trail.downloaded.numbered': ['下载第 {n} 个文件', 'Downloaded file {n}'],
  // what a certificate document event says (the system made the PDF at someone's download)
  'trail.issued.deposit': [
    '生成存证证书 PDF（第 {version} 版）',
    'Deposit certificate PDF made (version {version})',
  ],
  'trail.issued.notarial': ['生成公证证明 PDF', 'Notarial certificate PDF made'],
  'trail.issued.report': ['生成核验报告 PDF', 'Verification report PDF made'],

  // the trail's controls
  'trail.filter': ['显示', 'Show'],
  'trail.filter.all': ['全部事件', 'All events'],
  'trail.filter.viewed': ['查阅', 'Views'],
  'trail.filter.downloaded': ['下载', 'Downloads'],
  'trail.filter.shares': ['共享与兑换', 'Shares'],
  'trail.filter.notarisation': ['公证', 'Notarisation'],
  'trail.filter.documents': ['证书文件', 'Certificate documents'],
  'trail.filter.claims': ['认领', 'Claims'],
  'trail.count': ['共 {total} 条，显示 {shown} 条', '{shown} of {total} shown'],
  'trail.more': ['加载更多（还有 {left} 条）', 'Load more ({left} left)'],
  'trail.none': ['没有这一类事件。', 'No events of this kind.'],
  'trail.tech': ['技术详情', 'Technical details'],
  'trail.techLead': [
    '每个事件都是公开日志中的一条记录，附有收录证明，事后无法删改。展开后，每个事件旁显示它在日志中的序号。',
    'Every event is an entry of the public log with a proof of inclusion; it cannot be changed or removed later. While this is open, each event shows its index in the log.',
  ],

  // custody
  'custody.title': ['保管记录', 'Custody trail'],
  'custody.lead': [
    '查阅、下载、共享和出证的每一步都作为事件写入日志。',
    'Every read, download, share and notarial step is an event in the log.',
  ],
  'custody.empty': ['暂无保管事件。', 'No custody events yet.'],
  'custody.unavailable': [
    '服务器暂不提供保管记录。',
    'The server does not offer the custody trail yet.',
  ],
  'custody.logIndex': ['日志序号 {index}', 'log index {index}'],
  'event.viewed': ['查阅', 'Viewed'],
  'event.downloaded': ['下载文件', 'File downloaded'],
  'event.shared': ['共享给法院', 'Shared with a court'],
  'event.share-redeemed': ['法官兑换共享码', 'Share redeemed by a judge'],
  'event.share-revoked': ['撤销共享', 'Share revoked'],
  'event.claim-code-reissued': ['重新签发取件码', 'Claim code reissued'],
  'event.claimed': ['认领存证', 'Claimed'],
  'event.notarisation-submitted': ['提交出证申请', 'Notarisation applied for'],
  'event.notarisation-claimed': ['公证员受理', 'Taken up by a notary'],
  'event.notarisation-approved': ['公证员批准', 'Approved by the notary'],
  'event.notarisation-rejected': ['公证员驳回', 'Rejected by the notary'],
  'event.notarisation-withdrawn': ['撤回申请', 'Application withdrawn'],
  'event.notarisation-issued': ['出具公证证明', 'Notarial certificate issued'],
  'event.certificate-issued': ['生成证书文件', 'Certificate document made'],
} as const satisfies Record<string, readonly [string, string]>;

export type TrailMessageKey = keyof typeof trailMessages;

/** The event-type filter: a choice and the events it shows (`GET …/custody?event=`). */
export const TRAIL_FILTERS: readonly (readonly [TrailMessageKey, readonly string[]])[] = [
  ['trail.filter.all', []],
  ['trail.filter.viewed', ['viewed']],
  ['trail.filter.downloaded', ['downloaded']],
  ['trail.filter.shares', ['shared', 'share-redeemed', 'share-revoked']],
  [
    'trail.filter.notarisation',
    [
      'notarisation-submitted',
      'notarisation-claimed',
      'notarisation-approved',
      'notarisation-rejected',
      'notarisation-withdrawn',
      'notarisation-issued',
    ],
  ],
  ['trail.filter.documents', ['certificate-issued']],
  ['trail.filter.claims', ['claimed', 'claim-code-reissued']],
];

/** A label: a message key (of this table or the main one) and its placeholders. */
export interface TrailLabel {
  readonly key: string;
  readonly vars: Readonly<Record<string, string | number>>;
}

/**
 * The label of a custody event from its name and the detail the reader sees; an event without
 * a more precise label is `event.<name>` of the main table.
 * @example trailLabel('viewed', { resource: 'certificate', certificate: 'notarial' }).key
 *   === 'trail.viewed.certificate.notarial'
 */
export function trailLabel(event: string, detail: unknown): TrailLabel {
  const d: Record<string, unknown> =
    detail !== null && typeof detail === 'object' ? (detail as Record<string, unknown>) : {};
  const plain = { key: `event.${event}`, vars: {} };
  if (event === 'viewed') {
    if (d.resource === 'details' || d.resource === 'receipt')
      return { key: `trail.viewed.${d.resource}`, vars: {} };
    if (d.resource === 'certificate') {
      const which =
        d.certificate === 'deposit' || d.certificate === 'notarial' ? d.certificate : '';
      return {
        key: which ? `trail.viewed.certificate.${which}` : 'trail.viewed.certificate',
        vars: {},
      };
    }
    return plain;
  }
  if (event === 'downloaded') {
    if (typeof d.name === 'string' && d.name !== '')
      return { key: 'trail.downloaded.named', vars: { name: d.name } };
    if (typeof d.file === 'number')
      return { key: 'trail.downloaded.numbered', vars: { n: d.file + 1 } };
    return plain;
  }
  if (event === 'certificate-issued') {
    if (d.kind === 'deposit' && typeof d.version === 'number')
      return { key: 'trail.issued.deposit', vars: { version: d.version } };
    if (d.kind === 'notarial' || d.kind === 'report')
      return { key: `trail.issued.${d.kind}`, vars: {} };
    return plain;
  }
  return plain;
}
