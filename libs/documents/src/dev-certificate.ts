import { randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { OID, pkiEngine } from './pki-engine';

export interface DevCertificateSubject {
  commonName: string;
  organization: string;
  country: string;
}

/** The county organization department, as on its real certificate. */
export const DEV_CERTIFICATE_SUBJECT: DevCertificateSubject = {
  commonName: '中共示范县委组织部',
  organization: '中共示范县委员会组织部',
  country: 'CN',
};

export const DEV_P12_PASSPHRASE = 'kaocha-dev';

export interface DevCertificateOptions {
  subject?: DevCertificateSubject;
  passphrase?: string;
  keyBits?: 2048 | 3072 | 4096;
  /** Validity in days from `notBefore` (default 3 years). */
  validityDays?: number;
  notBefore?: Date;
}

export interface DevCertificate {
  /** PKCS#12 (key + certificate), encrypted with `passphrase`. */
  p12: Buffer;
  passphrase: string;
  certificateDer: Buffer;
  certificatePem: string;
}

function toPem(label: string, der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END ${label}-----\n`;
}

/**
 * Creates a self-signed sealing certificate with a Chinese subject and wraps it in a PKCS#12.
 *
 * The certificate is built with pkijs, not node-forge: forge writes a JS string into a
 * UTF8String byte-per-UTF-16-unit, so 中共示范县委组织部 would come out as garbage. pkijs
 * (asn1js Utf8String) encodes UTF-8 properly. forge is used only to package the PKCS#12; it
 * reuses the parsed TBSCertificate, and we check the packaged bytes are the ones we signed.
 */
export async function createDevCertificate(options: DevCertificateOptions = {}): Promise<DevCertificate> {
  const subject = options.subject ?? DEV_CERTIFICATE_SUBJECT;
  const passphrase = options.passphrase ?? DEV_P12_PASSPHRASE;
  const engine = pkiEngine();
  const keys = (await webcrypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: options.keyBits ?? 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;

  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: certificateSerial(randomBytes(16)) });
  const name = [
    new pkijs.AttributeTypeAndValue({
      type: OID.countryName,
      value: new asn1js.PrintableString({ value: subject.country }),
    }),
    new pkijs.AttributeTypeAndValue({
      type: OID.organizationName,
      value: new asn1js.Utf8String({ value: subject.organization }),
    }),
    new pkijs.AttributeTypeAndValue({
      type: OID.commonName,
      value: new asn1js.Utf8String({ value: subject.commonName }),
    }),
  ];
  // One attribute per RDN (C, then O, then CN). pkijs would put all of them into a single
  // multi-valued RDN (C=CN+O=…+CN=…) if given `typesAndValues`; building the Name's DER and
  // parsing it back makes pkijs keep exactly these bytes.
  const nameDer = new asn1js.Sequence({
    value: name.map((tv) => new asn1js.Set({ value: [tv.toSchema()] })),
  }).toBER(false);
  cert.subject = pkijs.RelativeDistinguishedNames.fromBER(nameDer);
  cert.issuer = pkijs.RelativeDistinguishedNames.fromBER(nameDer);
  const notBefore = options.notBefore ?? new Date();
  cert.notBefore.value = notBefore;
  cert.notAfter.value = new Date(notBefore.getTime() + (options.validityDays ?? 3 * 365) * 86_400_000);
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, engine);

  const spki = Buffer.from(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
  const ski = Buffer.from(await webcrypto.subtle.digest('SHA-1', spki));
  // digitalSignature (bit 0) + nonRepudiation (bit 1): a seal, not a TLS or encryption key.
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 });
  cert.extensions = [
    new pkijs.Extension({
      extnID: OID.basicConstraints,
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false),
    }),
    new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: keyUsage.toBER(false) }),
    new pkijs.Extension({
      extnID: OID.extKeyUsage,
      extnValue: new pkijs.ExtKeyUsage({ keyPurposes: [OID.emailProtection, OID.documentSigning] })
        .toSchema()
        .toBER(false),
    }),
    new pkijs.Extension({
      extnID: OID.subjectKeyIdentifier,
      extnValue: new asn1js.OctetString({ valueHex: ski }).toBER(false),
    }),
  ];
  // Signed by hand rather than with cert.sign(): pkijs writes sha256WithRSAEncryption without
  // the NULL parameters RFC 4055 asks for, and node-forge (which packages the PKCS#12) would
  // add them to the outer AlgorithmIdentifier only, leaving it different from the signed one.
  const algorithm = new pkijs.AlgorithmIdentifier({
    algorithmId: OID.sha256WithRsaEncryption,
    algorithmParams: new asn1js.Null(),
  });
  cert.signature = algorithm;
  cert.signatureAlgorithm = algorithm;
  const tbs = cert.encodeTBS().toBER(false);
  const signature = await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', keys.privateKey, tbs);
  cert.signatureValue = new asn1js.BitString({ valueHex: signature });
  const certificateDer = Buffer.from(cert.toSchema(true).toBER(false));

  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const forgeKey = forge.pki.privateKeyFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(pkcs8.toString('binary'))));
  const forgeCert = forge.pki.certificateFromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(certificateDer.toString('binary'))),
  );
  const repacked = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(forgeCert)).getBytes(), 'binary');
  if (!repacked.equals(certificateDer)) {
    throw new Error('node-forge changed the certificate bytes while packaging the PKCS#12');
  }
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(forgeKey, [forgeCert], passphrase, {
    algorithm: 'aes256',
    friendlyName: 'kaocha-seal',
  });
  const p12 = Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary');
  return { p12, passphrase, certificateDer, certificatePem: toPem('CERTIFICATE', certificateDer) };
}

/**
 * A certificate serial from random bytes: positive and minimal in DER. A leading 0x00 followed by
 * a byte below 0x80 is not minimal, and node-forge re-encodes it shorter while packaging the
 * PKCS#12, which changes the signed certificate (about 1 random serial in 128).
 */
export function certificateSerial(random: Buffer): Buffer {
  const serial = Buffer.from(random);
  serial[0] = (serial[0] & 0x7f) || 0x01;
  return serial;
}
