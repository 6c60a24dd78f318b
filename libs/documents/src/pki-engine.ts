import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

/**
 * Our own pkijs crypto engine on Node's WebCrypto, passed explicitly to every pkijs call.
 * pkijs otherwise uses a process-wide engine found on `globalThis.crypto`, which test
 * environments may replace and which another part of the process could reconfigure.
 */
let engine: pkijs.CryptoEngine | undefined;

export function pkiEngine(): pkijs.CryptoEngine {
  engine ??= new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as Crypto });
  return engine;
}

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256WithRsaEncryption: '1.2.840.113549.1.1.11',
  countryName: '2.5.4.6',
  organizationName: '2.5.4.10',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  extKeyUsage: '2.5.29.37',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  documentSigning: '1.3.6.1.4.1.311.10.3.12',
} as const;
