/**
 * 居民身份证号码 (GB 11643-1999): 6-digit area code, birth date YYYYMMDD, 3-digit sequence,
 * and a check character computed with ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Upper-cases a trailing x, so the same number always digests the same. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function idNumberCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0);
  return CHECK_CHARS[sum % 11];
}

/** The birth date the number embeds, as YYYY-MM-DD. */
export function idNumberBirthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** Null when valid, else the reason in Chinese (the API answers 400 with it). */
export function idNumberProblem(id: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为18位，前17位为数字，末位为数字或X';
  const birth = idNumberBirthDate(id);
  if (!isRealDate(birth) || birth < '1900-01-01') return '身份证号码中的出生日期无效';
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return '身份证号码校验位不正确';
  return null;
}
