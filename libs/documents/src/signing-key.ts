import { createHash, createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { DocumentsException, DocumentsExceptionCode } from './errors';

/**
 * What sealing needs, taken out of a PKCS#12 once (a worker loads it at start-up and reuses it):
 * the key as a WebCrypto key and the certificates as pkijs objects built from their *original*
 * DER. Re-encoding a certificate (as node-forge does when it builds one) can turn a Chinese
 * UTF8String subject into garbage and break every signature; parsing the original bytes keeps
 * them exact.
 */
export interface SigningMaterial {
  privateKey: CryptoKey;
  certificate: pkijs.Certificate;
  certificateDer: Buffer;
  /** Further certificates found in the PKCS#12 (CA chain), embedded in each signature. */
  chain: pkijs.Certificate[];
}

function unreadable(message: string, cause?: unknown): DocumentsException {
  return new DocumentsException(DocumentsExceptionCode.SIGNING_KEY_UNREADABLE, message, { cause });
}

function forgeCertToDer(cert: forge.pki.Certificate): Buffer {
  // certificateToAsn1 reuses the TBSCertificate captured at parse time, so the bytes are the
  // ones in the file, not a re-encoding of forge's idea of the subject.
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

/**
 * Opens a PKCS#12 held in memory. node-forge reads the container (3DES, RC2 and PBES2/AES
 * with SHA-1 or SHA-2 MACs, which covers OpenSSL's defaults); the key must be RSA, as forge
 * only parses RSA keys.
 */
export async function signingMaterialFromP12(p12: Buffer, passphrase: string): Promise<SigningMaterial> {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    throw unreadable(
      `The signing PKCS#12 cannot be opened: wrong passphrase or not a PKCS#12 file (${(error as Error).message})`,
      error,
    );
  }
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const forgeKey = keyBags.find((b) => b.key)?.key;
  if (!forgeKey) {
    throw unreadable('The signing PKCS#12 holds no RSA private key');
  }
  const certDers = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .filter((b) => b.cert)
    .map((b) => forgeCertToDer(b.cert as forge.pki.Certificate));
  if (certDers.length === 0) {
    throw unreadable('The signing PKCS#12 holds no certificate');
  }

  const pkcs8 = Buffer.from(
    forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(forgeKey))).getBytes(),
    'binary',
  );
  // Pick the certificate that belongs to the key; the others are the chain.
  const publicDer = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })).export({
    format: 'der',
    type: 'spki',
  });
  const certs = certDers.map((der) => ({ der, cert: pkijs.Certificate.fromBER(new Uint8Array(der)) }));
  const own = certs.find(({ cert }) =>
    Buffer.from(cert.subjectPublicKeyInfo.toSchema().toBER(false)).equals(publicDer),
  );
  if (!own) {
    throw unreadable('No certificate in the signing PKCS#12 matches its private key');
  }
  const privateKey = await webcrypto.subtle.importKey(
    'pkcs8',
    new Uint8Array(pkcs8),
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return {
    privateKey: privateKey as CryptoKey,
    certificate: own.cert,
    certificateDer: own.der,
    chain: certs.filter((c) => c !== own).map((c) => c.cert),
  };
}

/**
 * Loads the organization department's sealing key from disk, with an error that says what to
 * do: SIGNING_KEY_MISSING when the file is not there, SIGNING_KEY_UNREADABLE when it cannot be
 * opened (most often a wrong passphrase).
 */
export async function loadSigner(p12Path: string | undefined, passphrase: string): Promise<SigningMaterial> {
  if (!p12Path || !existsSync(p12Path)) {
    throw new DocumentsException(
      DocumentsExceptionCode.SIGNING_KEY_MISSING,
      `Signing key not found at ${p12Path ? JSON.stringify(p12Path) : '(no path configured)'}; ` +
        'set the signing PKCS#12 path, or create a development one with `npx tsx scripts/dev-cert.ts`',
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(p12Path);
  } catch (error) {
    throw unreadable(`Signing key at ${JSON.stringify(p12Path)} cannot be read: ${(error as Error).message}`, error);
  }
  return signingMaterialFromP12(bytes, passphrase);
}

/** SHA-256 of a certificate's DER, as ESS signing-certificate-v2 needs. */
export function certificateSha256(der: Buffer): Buffer {
  return createHash('sha256').update(der).digest();
}

/** The subject as `CN=…, O=…, C=…`, decoded from the certificate's own bytes (for logs/tests). */
export function certificateSubject(cert: pkijs.Certificate): string {
  const short: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C' };
  return cert.subject.typesAndValues
    .map((tv) => `${short[tv.type] ?? tv.type}=${(tv.value.valueBlock as unknown as { value: string }).value}`)
    .join(', ');
}
