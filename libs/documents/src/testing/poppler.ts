import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs poppler's command-line tools on PDF bytes (tests and the sample renderer). They are the
 * independent check that our PDFs are what we think: text extraction, embedded fonts and
 * signature validation by a library that is not ours. Missing poppler is an error, never a skip.
 */
export type PopplerTool = 'pdftotext' | 'pdffonts' | 'pdfsig' | 'pdfinfo' | 'pdftoppm';

export function assertPopplerInstalled(tool: PopplerTool): void {
  const probe = spawnSync(tool, ['-v'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(
      `${tool} is not installed; the documents tests need poppler: run \`apt-get install -y poppler-utils\``,
    );
  }
}

export function withPdfFile<T>(pdf: Buffer, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kaocha-doc-'));
  const path = join(dir, 'doc.pdf');
  try {
    writeFileSync(path, pdf);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function runPoppler(tool: PopplerTool, pdf: Buffer, args: string[] = []): { stdout: string; status: number } {
  assertPopplerInstalled(tool);
  return withPdfFile(pdf, (path) => {
    const trailing = tool === 'pdftotext' ? [path, '-'] : [path];
    const result = spawnSync(tool, [...args, ...trailing], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { stdout: `${result.stdout}${result.stderr}`, status: result.status ?? -1 };
  });
}

export function pdfToText(pdf: Buffer): string {
  return runPoppler('pdftotext', pdf, ['-enc', 'UTF-8']).stdout;
}

export function pdfPageCount(pdf: Buffer): number {
  const m = /^Pages:\s+(\d+)/m.exec(runPoppler('pdfinfo', pdf).stdout);
  if (!m) {
    throw new Error('pdfinfo did not report a page count');
  }
  return Number(m[1]);
}

/** Page `page` of the PDF as PNG bytes at `dpi` (for the documentation samples). */
export function pdfPageToPng(pdf: Buffer, page = 1, dpi = 60): Buffer {
  assertPopplerInstalled('pdftoppm');
  return withPdfFile(pdf, (path) =>
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path], {
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
}
