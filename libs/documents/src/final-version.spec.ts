import { dossierDefinition } from './definitions/dossier.definition';
import { renderPdf, sha256Hex } from './render';
import { withSignOffPage } from './sign-off-page';
import { dossierFixture, fixtureMeta } from './testing/fixtures';
import { pdfPageCount, pdfToText } from './testing/poppler';
import { renderWatermarkedCopy } from './watermark';

jest.setTimeout(60_000);

const squash = (s: string) => s.replace(/\s+/g, '');

describe('final dossier with sign-off page', () => {
  it('should append a page with each member, their sign-off time and the draft SHA-256', async () => {
    const draft = await renderPdf(dossierDefinition(dossierFixture()));
    const draftSha256 = sha256Hex(draft);
    const final = await renderPdf(
      withSignOffPage(
        dossierDefinition({ ...dossierFixture(), meta: fixtureMeta({ verificationCode: 'F1NA12026X' }) }),
        {
          draftSha256,
          signOffs: [
            { name: '周彧', role: '组长', signedAt: new Date('2026-06-05T08:40:00Z') },
            { name: '刘燊', signedAt: new Date('2026-06-05T08:52:00Z') },
          ],
        },
      ),
    );
    expect(pdfPageCount(final)).toBe(pdfPageCount(draft) + 1);
    const text = squash(pdfToText(final));
    expect(text).toContain('考察组成员签署页');
    expect(text).toContain('周彧组长2026年6月5日16:40');
    expect(text).toContain('刘燊成员2026年6月5日16:52');
    expect(text).toContain(draftSha256);
  });

  it('should reject a digest that is not a hex SHA-256', () => {
    expect(() => withSignOffPage(dossierDefinition(dossierFixture()), { draftSha256: 'abc', signOffs: [] })).toThrow(
      TypeError,
    );
  });

  it('should leave the draft definition unchanged when the sign-off page is added', async () => {
    const definition = dossierDefinition(dossierFixture());
    const before = await renderPdf(definition);
    withSignOffPage(definition, { draftSha256: sha256Hex(before), signOffs: [] });
    expect((await renderPdf(definition)).equals(before)).toBe(true);
  });
});

describe('renderWatermarkedCopy', () => {
  it('should stamp recipient, time and copy number on every page when a copy is made', async () => {
    const definition = dossierDefinition(dossierFixture());
    const original = await renderPdf(definition);
    const copy = await renderWatermarkedCopy(definition, {
      recipient: '义务监督员 孙赟',
      issuedAt: new Date('2026-06-06T02:15:00Z'),
      copyNumber: 3,
    });
    const pages = pdfPageCount(copy);
    expect(pages).toBe(pdfPageCount(original));
    const text = pdfToText(copy);
    const stamp = '义务监督员孙赟2026年6月6日10:15第3份';
    const perPage = text.split('\f').filter((p) => p.trim());
    expect(perPage).toHaveLength(pages);
    for (const page of perPage) {
      expect(squash(page)).toContain(stamp);
    }
    // The original definition renders exactly as before: the copy did not modify it.
    expect((await renderPdf(definition)).equals(original)).toBe(true);
    expect(squash(pdfToText(original))).not.toContain(stamp);
  });
});
