import {
  buildDefinition,
  dossierDefinition,
  renderPdf,
  sealPdf,
  sha256Hex,
  withSignOffPage,
  type DocumentDataByKind,
  type DocumentKind,
  type DossierData,
  type SealOptions,
  type SealSigner,
  type SignOffPageData,
} from '@app/documents';

export interface RenderedPdf {
  pdf: Buffer;
  sha256: string;
}

/** Kinds issued sealed at once; a dossier's draft is unsealed until the team has signed it. */
export const SEALED_ON_ISSUE: ReadonlySet<DocumentKind> = new Set<DocumentKind>([
  'advance_notice',
  'inspection_notice',
  'performance_notice',
  'pre_appointment_notice',
  'consultation_letter',
  'vote_result',
  'appointment_notice',
]);

export const SEAL_REASONS: Record<DocumentKind, string> = {
  advance_notice: '考察预告',
  inspection_notice: '考察公示',
  performance_notice: '政绩公示',
  pre_appointment_notice: '任前公示',
  consultation_letter: '征求意见函',
  dossier: '考察材料定稿',
  vote_result: '票决结果',
  appointment_notice: '任免通知',
  documentary_record: '纪实表',
};

/** Renders one document of any kind; seals it when a signer is given. */
export async function renderIssued<K extends DocumentKind>(
  kind: K,
  data: DocumentDataByKind[K],
  seal?: { signer: SealSigner; options: SealOptions },
): Promise<RenderedPdf> {
  const rendered = await renderPdf(buildDefinition(kind, data));
  const pdf = seal ? await sealPdf(rendered, seal.signer, seal.options) : rendered;
  return { pdf, sha256: sha256Hex(pdf) };
}

/**
 * The final dossier: the signed draft's data (with the final's own verification code and date)
 * plus the sign-off page naming each member and the SHA-256 of the draft they signed, sealed.
 */
export async function renderFinalDossier(
  data: DossierData,
  signOffs: SignOffPageData,
  signer: SealSigner,
  options: SealOptions,
): Promise<RenderedPdf> {
  const rendered = await renderPdf(withSignOffPage(dossierDefinition(data), signOffs));
  const pdf = await sealPdf(rendered, signer, options);
  return { pdf, sha256: sha256Hex(pdf) };
}
