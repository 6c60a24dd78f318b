import { buildDefinition, DOCUMENT_KINDS, type DocumentDataByKind, type DocumentKind } from './document-kinds';
import { formatInstantDate } from './format';
import { renderPdf } from './render';
import { buildLargeDossierFixture, DOCUMENT_FIXTURES, FIXTURE_RARE_CHARACTERS } from './testing/fixtures';
import { dossierDefinition } from './definitions/dossier.definition';
import { pdfPageCount, pdfToText, runPoppler } from './testing/poppler';
import type { IssueMeta } from './types';

jest.setTimeout(60_000);

/** pdftotext breaks lines where the PDF does; compare without any whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** Text specific to each kind that must be on paper (besides the parts common to all). */
const EXPECTED: Record<DocumentKind, string[]> = {
  advance_notice: ['县直部门正科级领导干部考察预告', '2026年5月25日至2026年6月5日（暂定）', '周彧', '0000-12380'],
  inspection_notice: [
    '县直部门正科级领导干部考察对象公示',
    '2026年5月21日至2026年5月27日（5个工作日）',
    '示范县发展和改革局副局长',
  ],
  performance_notice: ['考察对象政绩公示', '企业开办时间', '公示时间：2026年5月21日至2026年5月27日'],
  pre_appointment_notice: ['干部任前公示', '拟任示范县审计局局长', '2026年6月12日至2026年6月18日'],
  consultation_letter: [
    '关于征求考察对象有关情况意见的函',
    '县纪委监委：',
    '示组函〔2026〕18号',
    '不视为无意见',
    '征求意见回复表',
  ],
  dossier: [
    '关于王鑫珺同志的考察材料',
    '个别谈话情况',
    '上级分管领导',
    '有问题',
    'ten_haves.team_signatures',
    '孙赟',
    '延伸考察',
  ],
  vote_result: ['干部任免事项票决结果', '应到会成员11名', '未通过', '吴鑫（因公出差）'],
  appointment_notice: ['关于王鑫珺等2名同志任免职务的通知', '任命王鑫珺同志为示范县发展和改革局局长', '抄送'],
  documentary_record: ['干部选拔任用工作纪实表', '审计链校验通过', '共1284条记录', '未被选任'],
};

function fixture<K extends DocumentKind>(kind: K): DocumentDataByKind[K] {
  return DOCUMENT_FIXTURES[kind]();
}

describe('document kinds', () => {
  const rendered = new Map<DocumentKind, Buffer>();

  beforeAll(async () => {
    for (const kind of DOCUMENT_KINDS) {
      rendered.set(kind, await renderPdf(buildDefinition(kind, fixture(kind))));
    }
  });

  describe.each(DOCUMENT_KINDS)('%s', (kind) => {
    const meta = (): IssueMeta => (fixture(kind) as { meta: IssueMeta }).meta;
    const text = () => squash(pdfToText(rendered.get(kind)!));

    it('should print its title and kind-specific content when rendered from the fixture', () => {
      for (const expected of EXPECTED[kind]) {
        expect(text()).toContain(squash(expected));
      }
    });

    it('should print the issuing organ, the date, the verification code and its URL when issued', () => {
      const m = meta();
      expect(text()).toContain(m.issuingOrgan);
      expect(text()).toContain(formatInstantDate(m.issuedAt));
      expect(text()).toContain(`验证码：${m.verificationCode}`);
      expect(text()).toContain(`${m.publicBaseUrl}/public/verify/${m.verificationCode}`);
    });

    it('should number pages 「— 1 —」 when rendered', () => {
      // pdftotext drops the thin spaces around the number; the dashes and digit must be there.
      expect(pdfToText(rendered.get(kind)!)).toMatch(/—\s?1\s?—/);
    });

    it('should show every rare character of the data when the fonts are embedded', () => {
      const data = JSON.stringify(fixture(kind));
      const present = FIXTURE_RARE_CHARACTERS.filter((ch) => data.includes(ch));
      expect(present.length).toBeGreaterThan(0);
      for (const ch of present) {
        expect(text()).toContain(ch);
      }
    });

    it('should embed only subset fonts and stay under 1 MB when rendered', () => {
      const pdf = rendered.get(kind)!;
      expect(pdf.length).toBeLessThan(1024 * 1024);
      const fonts = runPoppler('pdffonts', pdf)
        .stdout.split('\n')
        .slice(2)
        .filter((l) => l.trim());
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) {
        // name: ABCDEF+NotoSerifSC-Regular … emb yes sub yes
        expect(line).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans)SC-\S+\s.*\byes\s+yes\s+yes\b/);
      }
    });

    it('should give the same bytes when the same data is rendered twice', async () => {
      const again = await renderPdf(buildDefinition(kind, fixture(kind)));
      expect(again.equals(rendered.get(kind)!)).toBe(true);
    });
  });

  it('should carry all five rare characters (鑫珺赟燊彧) in the dossier', () => {
    const text = pdfToText(rendered.get('dossier')!);
    for (const ch of FIXTURE_RARE_CHARACTERS) {
      expect(text).toContain(ch);
    }
  });

  it('should print 「尚未回复」 when a consulted unit has not answered', async () => {
    const data = fixture('dossier');
    data.consultations[5] = { ...data.consultations[5], opinion: undefined, answeredAt: undefined };
    const text = squash(pdfToText(await renderPdf(buildDefinition('dossier', data))));
    expect(text).toContain('居住地社区尚未回复');
  });

  it('should render the same definition object twice to the same bytes when pdfmake would mutate it', async () => {
    const definition = buildDefinition('dossier', fixture('dossier'));
    const first = await renderPdf(definition);
    const second = await renderPdf(definition);
    expect(second.equals(first)).toBe(true);
  });

  it('should render a 30-page dossier when built by buildLargeDossierFixture(30)', async () => {
    const pdf = await renderPdf(dossierDefinition(buildLargeDossierFixture(30)));
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(30);
    expect(pdfToText(pdf)).toMatch(/—\s?30\s?—/);
  });
});
