/**
 * A definition's input is stored as jsonb so a final can repeat exactly what its draft showed.
 * JSON has no dates, and the documents print instants in Asia/Shanghai, so instants are tagged
 * on the way in and revived on the way out; everything else is plain JSON already.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function encodeDocumentData(value: unknown): Json {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeDocumentData);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeDocumentData(v);
    return out;
  }
  return value as Json;
}

export function decodeDocumentData<T>(value: unknown): T {
  return decode(value) as T;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === '$date' && typeof entries[0][1] === 'string') return new Date(entries[0][1]);
    return Object.fromEntries(entries.map(([k, v]) => [k, decode(v)]));
  }
  return value;
}
