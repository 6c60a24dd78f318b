import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatInstantDateTime } from './format';
import { FONT_SANS } from './fonts';
import { dataTable, paragraph } from './layout';
import type { SignOffPageData } from './types';

/**
 * The final version of a dossier = the signed draft's definition plus a sign-off page
 * (`ten_haves.team_signatures`). The page names each member and when they signed, and the
 * SHA-256 of the exact draft PDF they signed, so the final can be tied back to what each
 * member read. The input definition is not modified.
 */
export function withSignOffPage(definition: TDocumentDefinitions, data: SignOffPageData): TDocumentDefinitions {
  if (!/^[0-9a-f]{64}$/.test(data.draftSha256)) {
    throw new TypeError('draftSha256 must be a lower-case hex SHA-256');
  }
  const content = Array.isArray(definition.content) ? definition.content : [definition.content];
  const page: Content[] = [
    { text: '考察组成员签署页', style: 'title', pageBreak: 'before', margin: [0, 0, 0, 24] },
    paragraph('考察组成员已审阅本考察材料定稿前版本，确认内容真实、准确、完整，签署如下：'),
    dataTable(
      ['序号', '姓名', '职责', '签署时间'],
      data.signOffs.map((s, i) => [
        { text: String(i + 1), alignment: 'center' as const },
        { text: s.name, alignment: 'center' as const },
        { text: s.role ?? '成员', alignment: 'center' as const },
        { text: formatInstantDateTime(s.signedAt), alignment: 'center' as const },
      ]),
      [32, '*', 72, 140],
    ),
    paragraph('所签署稿件的SHA-256摘要：'),
    // Split in two lines of 32 hex digits so the digest never wraps mid-way unpredictably.
    {
      text: `${data.draftSha256.slice(0, 32)}\n${data.draftSha256.slice(32)}`,
      font: FONT_SANS,
      fontSize: 11,
      margin: [32, 0, 0, 0],
    },
  ];
  return { ...definition, content: [...content, ...page] };
}
