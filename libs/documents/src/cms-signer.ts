import { createHash } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, pkiEngine } from './pki-engine';
import { certificateSha256, type SigningMaterial } from './signing-key';

export type CmsProfile = 'cades' | 'pkcs7';

/**
 * A @signpdf `Signer` that builds the detached CMS SignedData itself with pkijs.
 *
 * Why not @signpdf/signer-p12: it goes through node-forge, which re-encodes the signer's
 * issuer name; with a Chinese subject (CN=中共示范县委组织部) the re-encoded name no longer
 * matches the certificate and validators report the signature invalid. pkijs keeps the
 * certificate's original name bytes in IssuerAndSerialNumber and in the signing-certificate
 * attribute.
 *
 * Profiles:
 * - `cades` (SubFilter ETSI.CAdES.detached, PAdES baseline B-B): signed attributes are
 *   content-type, message-digest and ESS signing-certificate-v2. EN 319 142-1 forbids the
 *   signing-time attribute here; the claimed time is the signature dictionary's /M.
 * - `pkcs7` (SubFilter adbe.pkcs7.detached): content-type, signing-time, message-digest.
 */
export class CmsSigner extends Signer {
  constructor(
    private readonly material: SigningMaterial,
    private readonly profile: CmsProfile = 'cades',
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const { certificate, certificateDer, chain, privateKey } = this.material;
    const digest = createHash('sha256').update(pdfBuffer).digest();

    const attributes: pkijs.Attribute[] = [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    ];
    if (this.profile === 'pkcs7') {
      attributes.push(
        new pkijs.Attribute({
          type: OID.signingTime,
          values: [new asn1js.UTCTime({ valueDate: signingTime ?? new Date() })],
        }),
      );
    }
    attributes.push(
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
    );
    if (this.profile === 'cades') {
      attributes.push(signingCertificateV2(certificate, certificateDer));
    }

    const signedData = new pkijs.SignedData({
      version: 1,
      // Detached: the content is the PDF's byte ranges, not carried in the CMS.
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({
            issuer: certificate.issuer,
            serialNumber: certificate.serialNumber,
          }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
        }),
      ],
      certificates: [certificate, ...chain],
    });
    await signedData.sign(privateKey, 0, 'SHA-256', undefined, pkiEngine());

    const contentInfo = new pkijs.ContentInfo({
      contentType: OID.signedData,
      content: signedData.toSchema(true),
    });
    return Buffer.from(contentInfo.toSchema().toBER(false));
  }
}

/**
 * ESS signing-certificate-v2 (RFC 5035): binds the signature to this exact certificate, which
 * PAdES requires. hashAlgorithm is omitted because SHA-256 is its DER default.
 */
function signingCertificateV2(certificate: pkijs.Certificate, der: Buffer): pkijs.Attribute {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new pkijs.GeneralName({ type: 4, value: certificate.issuer }).toSchema()] }),
      certificate.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: certificateSha256(der) }), issuerSerial],
  });
  return new pkijs.Attribute({
    type: OID.signingCertificateV2,
    values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })],
  });
}
