/**
 * @app/documents: the documents the system issues, as pure functions (data → pdfmake
 * definition), rendering with embedded Chinese fonts, verification codes with QR, sign-off
 * pages, watermarked copies and PAdES sealing. No Nest, no TypeORM, no I/O except the signing
 * key file in loadSigner().
 */
export * from './types';
export { DocumentsException, DocumentsExceptionCode } from './errors';

export { advanceNoticeDefinition } from './definitions/advance-notice.definition';
export { inspectionNoticeDefinition } from './definitions/inspection-notice.definition';
export { performanceNoticeDefinition } from './definitions/performance-notice.definition';
export { preAppointmentNoticeDefinition } from './definitions/pre-appointment-notice.definition';
export { consultationLetterDefinition } from './definitions/consultation-letter.definition';
export { dossierDefinition } from './definitions/dossier.definition';
export { voteResultDefinition } from './definitions/vote-result.definition';
export { appointmentNoticeDefinition } from './definitions/appointment-notice.definition';
export { documentaryRecordDefinition } from './definitions/documentary-record.definition';
export {
  buildDefinition,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type DocumentDataByKind,
  type DocumentKind,
} from './document-kinds';

export { renderPdf, sha256Hex } from './render';
export { withSignOffPage } from './sign-off-page';
export { renderWatermarkedCopy, withWatermark, type WatermarkText } from './watermark';
export {
  isVerificationCode,
  makeVerificationCode,
  normalizeVerificationCode,
  qrCodeSvg,
  VERIFICATION_CODE_LENGTH,
  verificationUrl,
} from './verification-code';

export { sealPdf, type SealOptions, type SealSigner } from './seal';
export { CmsSigner, type CmsProfile } from './cms-signer';
export { certificateSubject, loadSigner, signingMaterialFromP12, type SigningMaterial } from './signing-key';
export {
  createDevCertificate,
  DEV_CERTIFICATE_SUBJECT,
  DEV_P12_PASSPHRASE,
  type DevCertificate,
  type DevCertificateOptions,
  type DevCertificateSubject,
} from './dev-certificate';

// Fixtures are exported for other libs' tests and the rendering benchmark.
export { buildLargeDossierFixture, DOCUMENT_FIXTURES, FIXTURE_RARE_CHARACTERS, fixtureMeta } from './testing/fixtures';
