import { createHash } from 'node:crypto';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { DocumentsException, DocumentsExceptionCode } from './errors';
import { fontDictionary, fontPaths } from './fonts';

let fontsRegistered = false;

/**
 * pdfmake is a process-wide singleton: fonts and access policies live on the module. We add
 * our families once and set the policies before every `createPdf` (it reads them synchronously)
 * so another caller loosening them cannot affect our renders.
 */
function preparePdfmake(): void {
  if (!fontsRegistered) {
    pdfmake.addFonts(fontDictionary());
    fontsRegistered = true;
  }
  const allowed = new Set(Object.values(fontPaths()));
  // Documents are built only from data we pass in: no remote images, no local file reads
  // other than the font files (a stray `image: '/etc/passwd'` must fail, not embed).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
}

/**
 * pdfmake mutates the definition it renders (it rewrites images, normalises nodes, caches
 * layout on tables). Cloning keeps definitions reusable: the same definition can be rendered
 * again, or with a watermark, and give the same bytes. Functions (header/footer) are shared.
 */
function cloneDefinition<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((v: unknown) => cloneDefinition(v)) as T;
  }
  if (value instanceof Date || Buffer.isBuffer(value)) {
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = cloneDefinition(v);
    }
    return out as T;
  }
  return value;
}

/**
 * Renders a definition to PDF bytes. Output is byte-for-byte deterministic when the definition
 * carries `info.creationDate` and `info.modDate` (every builder of this lib sets both from the
 * input's `issuedAt`): pdfkit derives the trailer /ID from the info dictionary and names font
 * subsets from their internal ids, so nothing else depends on the clock or on randomness.
 */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  preparePdfmake();
  try {
    return await pdfmake.createPdf(cloneDefinition(definition)).getBuffer();
  } catch (error) {
    throw new DocumentsException(
      DocumentsExceptionCode.RENDER_FAILED,
      `PDF rendering failed: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** Hex SHA-256 of a document's bytes: stored with the document and printed on sign-off pages. */
export function sha256Hex(bytes: Buffer | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
