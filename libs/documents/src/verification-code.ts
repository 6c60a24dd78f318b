import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { DocumentsException, DocumentsExceptionCode } from './errors';

/**
 * Crockford base32: no I, L, O, U, so a code read aloud on the phone or typed from paper
 * cannot be confused (1/I/L, 0/O).
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 10;
const CODE_PATTERN = new RegExp(`^[${CROCKFORD}]{${VERIFICATION_CODE_LENGTH}}$`);

/**
 * A fresh verification code: 10 Crockford characters = 50 bits from the CSPRNG. Enough that
 * guessing a valid code on the rate-limited public endpoint is hopeless, short enough to type.
 * 256 is a multiple of 32, so `byte & 31` is uniform (no modulo bias).
 */
export function makeVerificationCode(): string {
  const bytes = randomBytes(VERIFICATION_CODE_LENGTH);
  let code = '';
  for (const b of bytes) {
    code += CROCKFORD[b & 31];
  }
  return code;
}

/**
 * Normalises what a person typed (lower case, spaces, hyphens, I/L for 1, O for 0) into the
 * canonical code, or returns undefined when it cannot be one.
 */
export function normalizeVerificationCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return CODE_PATTERN.test(code) ? code : undefined;
}

export function isVerificationCode(input: string): boolean {
  return CODE_PATTERN.test(input);
}

/** The public page that tells a reader whether the paper in their hands was really issued. */
export function verificationUrl(publicBaseUrl: string, code: string): string {
  if (!isVerificationCode(code)) {
    throw new DocumentsException(
      DocumentsExceptionCode.INVALID_VERIFICATION_CODE,
      `Not a verification code: ${JSON.stringify(code)}`,
    );
  }
  return `${publicBaseUrl.replace(/\/+$/, '')}/public/verify/${code}`;
}

/**
 * The QR code as an SVG string for a pdfmake `svg` node. Built synchronously from the QR
 * matrix (`QRCode.create`) so document definitions stay pure, synchronous functions; one
 * path of unit squares renders as vectors, sharp at any print resolution.
 */
export function qrCodeSvg(text: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 2;
  const total = size + quiet * 2;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (qr.modules.get(x, y)) {
        path += `M${x + quiet} ${y + quiet}h1v1h-1z`;
      }
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" width="${total}" height="${total}">` +
    `<rect width="${total}" height="${total}" fill="#ffffff"/>` +
    `<path d="${path}" fill="#000000"/></svg>`
  );
}
