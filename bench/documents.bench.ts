import pdfmake from 'pdfmake';
import { buildLargeDossierFixture, createDevCertificate, dossierDefinition, renderPdf, signingMaterialFromP12, type DossierData } from '@app/documents';
import { encodeDocumentData, renderFinalDossier } from '@app/document-registry';
import type { BenchResult } from './harness';

const ROUNDS = Number(process.env.BENCH_DOCUMENT_ROUNDS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** The page count of the last /Pages node (an incremental update appends a copy of the signed page). */
const pages = (pdf: Buffer) => Number([...pdf.toString('latin1').matchAll(/\/Count\s+(\d+)/g)].at(-1)?.[1] ?? 0);

async function timed(fn: () => Promise<Buffer>): Promise<{ ms: number; pdf: Buffer }> {
  const start = performance.now();
  const pdf = await fn();
  return { ms: performance.now() - start, pdf };
}

/**
 * A 30-page dossier issued the way the seal job issues a final (definition + sign-off page,
 * rendered, PAdES-sealed with a Chinese-subject key, hashed, its data encoded for storage) next
 * to raw pdfmake rendering the same definition, in the same run. The ratio is what the product
 * path costs over bare rendering; the database write of the bytes is not included.
 */
export async function documentsBench(): Promise<BenchResult> {
  const data: DossierData = buildLargeDossierFixture(30);
  const dev = await createDevCertificate();
  const signer = await signingMaterialFromP12(dev.p12, dev.passphrase);
  const signOffs = {
    draftSha256: 'a'.repeat(64),
    signOffs: [
      { name: '周彧', role: '组长', signedAt: new Date('2026-06-05T08:40:00Z') },
      { name: '刘燊', signedAt: new Date('2026-06-05T08:52:00Z') },
    ],
  };
  const options = { reason: '考察材料定稿', location: '中共示范县委组织部', name: '中共示范县委组织部', signingTime: new Date('2026-06-05T09:00:00Z') };
  const product = async () => {
    const { pdf } = await renderFinalDossier(data, signOffs, signer, options);
    JSON.stringify(encodeDocumentData(data));
    return pdf;
  };
  // Fonts are registered on pdfmake's singleton by the first renderPdf; the raw path reuses them.
  const raw = () => pdfmake.createPdf(dossierDefinition(data)).getBuffer();

  await renderPdf(dossierDefinition(data));
  await product();
  await raw();
  const productRuns: { ms: number; pdf: Buffer }[] = [];
  const rawRuns: { ms: number; pdf: Buffer }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    productRuns.push(await timed(product));
    rawRuns.push(await timed(raw));
  }
  const value = median(productRuns.map((r) => r.ms));
  const baseline = median(rawRuns.map((r) => r.ms));
  const sealed = productRuns[0].pdf;
  const plain = rawRuns[0].pdf;
  return {
    name: 'documents: 30-page dossier final (render + sign-off page + PAdES seal)',
    value,
    unit: 'ms (median)',
    baseline,
    baselineUnit: 'ms raw pdfmake (median)',
    ratio: value / baseline,
    notes:
      `${pages(sealed)} pages sealed, ${(sealed.length / 1024).toFixed(0)} KB (raw ${pages(plain)} pages, ${(plain.length / 1024).toFixed(0)} KB); ` +
      `${ROUNDS} rounds each, after one warm-up`,
  };
}
