/**
 * Certificate downloads (docs/certificates.md, docs/api.md): the stored, signed PDFs. The first download of a
 * version issues it (rendered once, anchored by a `certificate-issued` custody event); every
 * later one serves the same bytes.
 */
import type { Response } from 'express';
import { currentUser, requireRole } from './auth-middleware.js';
import type { CertificateService, IssuedDocument } from '../certificate/index.js';
import { contentDisposition } from './deposit-routes.js';
import type { RouteTable } from './routes.js';

function sendPdf(res: Response, doc: IssuedDocument): Promise<void> {
  return new Promise((resolve, reject) => {
    res.sendFile(
      doc.path,
      {
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': contentDisposition(doc.fileName),
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'private, no-store',
          'X-Huicun-Certificate': `${doc.record.number}; sha256=${doc.record.sha256}`,
        },
        acceptRanges: false,
        lastModified: false,
        etag: false,
        dotfiles: 'allow',
      },
      (err) => (err && !res.headersSent ? reject(err) : resolve()),
    );
  });
}

export function addCertificateRoutes(
  routes: RouteTable,
  deps: { certificates: CertificateService },
): void {
  const readers = requireRole('depositor', 'notary', 'judge');
  routes.add(
    {
      method: 'get',
      path: '/api/v1/deposits/:id/certificate.pdf',
      summary: 'The signed deposit certificate (电子数据存证证书), issued once per version',
      who: ['depositor', 'notary', 'judge'],
      tag: 'certificates',
      produces: 'application/pdf',
    },
    readers,
    async (req, res) => {
      await sendPdf(
        res,
        await deps.certificates.depositCertificate(currentUser(req), String(req.params.id)),
      );
    },
  );
  routes.add(
    {
      method: 'get',
      path: '/api/v1/notary/applications/:id/certificate.pdf',
      summary: 'The signed notarial certificate (公证证明) of an issued notarisation',
      who: ['depositor', 'notary', 'judge'],
      tag: 'certificates',
      produces: 'application/pdf',
    },
    readers,
    async (req, res) => {
      await sendPdf(
        res,
        await deps.certificates.notarialCertificate(currentUser(req), String(req.params.id)),
      );
    },
  );
}
