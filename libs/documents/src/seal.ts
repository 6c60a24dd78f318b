import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import signpdf from '@signpdf/signpdf';
import { SUBFILTER_ADOBE_PKCS7_DETACHED, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { CmsSigner, type CmsProfile } from './cms-signer';
import { DocumentsException, DocumentsExceptionCode } from './errors';
import { signingMaterialFromP12, type SigningMaterial } from './signing-key';

export interface SealOptions {
  /** /Reason, e.g. 考察材料定稿. Chinese is fine: written as UTF-16 PDF strings. */
  reason: string;
  /** /Location, e.g. 示范县. */
  location: string;
  /** /Name, e.g. 中共示范县委组织部. */
  name: string;
  contactInfo?: string;
  /** /M of the signature; defaults to now. */
  signingTime?: Date;
  /** `cades` (default, ETSI.CAdES.detached) or `pkcs7` (adbe.pkcs7.detached). */
  profile?: CmsProfile;
}

export type SealSigner = SigningMaterial | { p12: Buffer; passphrase: string };

function isMaterial(signer: SealSigner): signer is SigningMaterial {
  return 'privateKey' in signer;
}

/**
 * Seals a finished PDF with the organization department's certificate (PAdES). The signature is
 * added by incremental update (`placeholder-plain` appends, never rewrites), so an already
 * sealed PDF can be sealed again and every earlier signature stays valid. Returns new bytes.
 */
export async function sealPdf(pdf: Buffer, signer: SealSigner, options: SealOptions): Promise<Buffer> {
  const material = isMaterial(signer) ? signer : await signingMaterialFromP12(signer.p12, signer.passphrase);
  const profile = options.profile ?? 'cades';
  const certBytes = [material.certificate, ...material.chain].reduce(
    (n, c) => n + c.toSchema().toBER(false).byteLength,
    0,
  );
  // Room for the CMS: certificates + signature + attributes, with margin; the placeholder is
  // zero-padded, so a generous size costs only file bytes.
  const signatureLength = Math.max(8192, certBytes + 4096);
  const signingTime = options.signingTime ?? new Date();
  try {
    const withPlaceholder = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: options.reason,
      location: options.location,
      name: options.name,
      contactInfo: options.contactInfo ?? '',
      signingTime,
      signatureLength,
      subFilter: profile === 'cades' ? SUBFILTER_ETSI_CADES_DETACHED : SUBFILTER_ADOBE_PKCS7_DETACHED,
      appName: 'Kaocha',
    });
    return await signpdf.sign(withPlaceholder, new CmsSigner(material, profile), signingTime);
  } catch (error) {
    throw new DocumentsException(DocumentsExceptionCode.SEAL_FAILED, `Sealing failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
