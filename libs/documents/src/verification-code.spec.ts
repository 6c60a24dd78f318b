import { DocumentsExceptionCode } from './errors';
import {
  isVerificationCode,
  makeVerificationCode,
  normalizeVerificationCode,
  qrCodeSvg,
  verificationUrl,
} from './verification-code';

describe('verification codes', () => {
  it('should make 10 Crockford base32 characters without I, L, O or U when called', () => {
    for (let i = 0; i < 200; i++) {
      const code = makeVerificationCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(isVerificationCode(code)).toBe(true);
    }
  });

  it('should not repeat codes when many are made', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => makeVerificationCode()));
    expect(codes.size).toBe(5000);
  });

  it.each([
    ['7k3m-9q2x-ab', '7K3M9Q2XAB'],
    [' 7K3M 9Q2X AB ', '7K3M9Q2XAB'],
    ['OK3M9Q2XAB', '0K3M9Q2XAB'],
    ['IL3M9Q2XAB', '113M9Q2XAB'],
  ])('should normalise %j to %s when a person types it loosely', (typed, code) => {
    expect(normalizeVerificationCode(typed)).toBe(code);
  });

  it.each(['', 'SHORT', '7K3M9Q2XABC', '7K3M9Q2XA#'])('should reject %j when it cannot be a code', (typed) => {
    expect(normalizeVerificationCode(typed)).toBeUndefined();
  });

  it('should build the public verify URL when the base URL has a trailing slash', () => {
    expect(verificationUrl('https://kaocha.example.gov.cn/', '7K3M9Q2XAB')).toBe(
      'https://kaocha.example.gov.cn/public/verify/7K3M9Q2XAB',
    );
  });

  it('should throw INVALID_VERIFICATION_CODE when the code is malformed', () => {
    expect(() => verificationUrl('https://x', 'not-a-code')).toThrow(
      expect.objectContaining({ code: DocumentsExceptionCode.INVALID_VERIFICATION_CODE }),
    );
  });

  it('should produce a square SVG QR code when given a URL', () => {
    const svg = qrCodeSvg('https://kaocha.example.gov.cn/public/verify/7K3M9Q2XAB');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain('<path d="M');
  });
});
