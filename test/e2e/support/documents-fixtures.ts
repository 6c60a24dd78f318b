import { spawnSync } from 'node:child_process';
import type { Response } from 'superagent';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CadreEntity, CadrePostEntity, CandidateEntity, SelectionEntity, SelectionTeamMemberEntity } from '@app/cases';
import { CURRENT_RULEBOOK_VERSION } from '@app/rulebook';
import type { TestApp } from './app';

export interface DossierCase {
  selectionId: string;
  candidateId: string;
  cadreName: string;
}

/**
 * A selection at the inspection stage with a team and one candidate, written straight through the
 * case spine's entities (the documents tests need a case, not the workflow that leads to one).
 */
export async function insertDossierCase(t: TestApp, opts: { teamUserIds: string[]; unitId: string; earlierUnitId: string }): Promise<DossierCase> {
  const tag = randomBytes(3).toString('hex');
  return t.dataSource.transaction(async (m) => {
    const cadreName = `王鑫珺${tag.slice(0, 2)}`;
    const cadre = await m.save(
      m.create(CadreEntity, {
        name: cadreName,
        gender: 'female',
        birthDate: '1985-03-12',
        idNumberEnc: `test-${tag}`,
        idNumberDigest: `digest-${randomBytes(8).toString('hex')}`,
        ethnicity: '汉族',
        education: '研究生',
        currentPost: '示范县发展和改革局副局长',
        unitId: opts.unitId,
      }),
    );
    await m.save(m.create(CadrePostEntity, { cadreId: cadre.id, unitId: opts.earlierUnitId, title: '综合科科长', fromDate: '2014-01-01', toDate: '2019-03-31' }));
    await m.save(m.create(CadrePostEntity, { cadreId: cadre.id, unitId: opts.unitId, title: '副局长', fromDate: '2019-04-01', toDate: null }));
    const selection = await m.save(m.create(SelectionEntity, { title: `县直部门正科级领导干部选任${tag}`, rulebookVersion: CURRENT_RULEBOOK_VERSION, stage: 'inspection' }));
    for (const userId of opts.teamUserIds) await m.save(m.create(SelectionTeamMemberEntity, { selectionId: selection.id, userId }));
    const candidate = await m.save(
      m.create(CandidateEntity, {
        selectionId: selection.id,
        cadreId: cadre.id,
        nominatorName: '李赟燊',
        nominatorPost: '县发展和改革局党组书记',
        nominatorTeam: '县发展和改革局党组',
        responsibilityStatement: '本人对推荐人选的政治素质、廉洁自律情况负责。',
      }),
    );
    return { selectionId: selection.id, candidateId: candidate.id, cadreName };
  });
}

function withTempPdf<T>(pdf: Buffer, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kaocha-doc-'));
  try {
    const path = join(dir, 'doc.pdf');
    writeFileSync(path, pdf);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** poppler's pdfsig verdict on each signature of a PDF. */
export function pdfsig(pdf: Buffer): { valid: boolean; total: boolean }[] {
  const out = withTempPdf(pdf, (path) => spawnSync('pdfsig', [path], { encoding: 'utf8' }).stdout);
  return out
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({ valid: /Signature Validation: Signature is Valid\./.test(block), total: /- Total document signed/.test(block) }));
}

export function pdfText(pdf: Buffer): string {
  return withTempPdf(pdf, (path) => spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).stdout);
}

/** supertest: collect a binary body into a Buffer. */
export function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}

/**
 * A development PKCS#12 with a Chinese subject, pointed to by SIGNING_P12_PATH/PASSPHRASE for the
 * apps started after this call; the returned function restores the environment and deletes it.
 */
export async function useDevSigningKey(): Promise<() => void> {
  const { createDevCertificate } = await import('@app/documents');
  const dev = await createDevCertificate();
  const dir = mkdtempSync(join(tmpdir(), 'kaocha-seal-'));
  writeFileSync(join(dir, 'seal.p12'), dev.p12);
  const saved = { path: process.env.SIGNING_P12_PATH, pass: process.env.SIGNING_P12_PASSPHRASE };
  process.env.SIGNING_P12_PATH = join(dir, 'seal.p12');
  process.env.SIGNING_P12_PASSPHRASE = dev.passphrase;
  return () => {
    for (const [key, value] of [
      ['SIGNING_P12_PATH', saved.path],
      ['SIGNING_P12_PASSPHRASE', saved.pass],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
