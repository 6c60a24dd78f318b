/**
 * Renders page 1 of every document kind from the fixtures to docs/images/documents/<kind>.png
 * (60 dpi), for docs/documents.md. Needs poppler's pdftoppm (apt-get install -y poppler-utils).
 *
 *   npx tsx scripts/render-doc-samples.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDefinition, DOCUMENT_FIXTURES, DOCUMENT_KINDS, renderPdf, type DocumentKind } from '@app/documents';

const OUT_DIR = resolve(__dirname, '..', 'docs', 'images', 'documents');

async function renderKind<K extends DocumentKind>(kind: K, workDir: string): Promise<string> {
  const data = DOCUMENT_FIXTURES[kind]();
  const pdf = await renderPdf(buildDefinition(kind, data));
  const pdfPath = join(workDir, `${kind}.pdf`);
  writeFileSync(pdfPath, pdf);
  // -singlefile: write <kind>.png instead of <kind>-1.png.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(OUT_DIR, kind)]);
  return join(OUT_DIR, `${kind}.png`);
}

async function main(): Promise<void> {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdftoppm is not installed: run `apt-get install -y poppler-utils`');
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'kaocha-samples-'));
  try {
    for (const kind of DOCUMENT_KINDS) {
      process.stdout.write(`${await renderKind(kind, workDir)}\n`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`render-doc-samples failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
