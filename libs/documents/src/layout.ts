import type {
  Content,
  ContentTable,
  ContentText,
  DynamicContent,
  StyleDictionary,
  TDocumentDefinitions,
  TableCell,
} from 'pdfmake/interfaces';
import { FONT_SANS, FONT_SERIF } from './fonts';
import { chineseNumeral, formatInstantDate } from './format';
import type { IssueMeta } from './types';
import { qrCodeSvg, verificationUrl } from './verification-code';

/**
 * Page setup after GB/T 9704-2012 (党政机关公文格式): A4, 天头 37 mm, 订口 28 mm; the type area
 * is 156 × 225 mm, so right and bottom margins are 26 mm and 35 mm.
 */
const MM = 72 / 25.4;
export const PAGE_MARGINS: [number, number, number, number] = [28 * MM, 37 * MM, 26 * MM, 35 * MM];
export const TYPE_AREA_WIDTH = 156 * MM;

/** 三号 (16 pt) body; 二号 (22 pt) title; 四号 (14 pt) page numbers; 小四 (12 pt) tables. */
export const BODY_SIZE = 16;
const TITLE_SIZE = 22;
const PAGE_NUMBER_SIZE = 14;
export const TABLE_SIZE = 12;

/**
 * GB/T 9704 sets 22 lines of 28 characters in the type area: a 29 pt line pitch for 16 pt type.
 * Noto's line box is ≈ 1.45 em, so a 1.25 line height gives that pitch.
 */
const BODY_LINE_HEIGHT = 1.25;

const RED = '#d40000';
const FOOTER_ID = 'page-footer';

export const STYLES: StyleDictionary = {
  title: { font: FONT_SERIF, bold: true, fontSize: TITLE_SIZE, alignment: 'center', lineHeight: 1.2 },
  subtitle: { font: FONT_SERIF, fontSize: BODY_SIZE, alignment: 'center' },
  heading1: { font: FONT_SANS, fontSize: BODY_SIZE, lineHeight: BODY_LINE_HEIGHT },
  heading2: { font: FONT_SERIF, bold: true, fontSize: BODY_SIZE, lineHeight: BODY_LINE_HEIGHT },
  body: { font: FONT_SERIF, fontSize: BODY_SIZE, lineHeight: BODY_LINE_HEIGHT },
  table: { font: FONT_SERIF, fontSize: TABLE_SIZE, lineHeight: 1.15 },
  tableHeader: { font: FONT_SANS, fontSize: TABLE_SIZE, alignment: 'center' },
  small: { font: FONT_SERIF, fontSize: 10.5, lineHeight: 1.2 },
  redMark: { font: FONT_SERIF, bold: true, fontSize: 32, color: RED, alignment: 'center' },
};

/**
 * 「— 1 —」 in 四号, 7 mm below the type area; odd pages on the right and even pages on the left,
 * one character in from the edge, as GB/T 9704 places them for double-sided printing. The
 * verification code sits small on the other side, so a loose page can still be traced.
 */
function pageFooter(verificationCode: string): DynamicContent {
  return (currentPage: number) => {
    const odd = currentPage % 2 === 1;
    const number: Content = {
      id: `${FOOTER_ID}-number`,
      text: `— ${currentPage} —`,
      font: FONT_SERIF,
      fontSize: PAGE_NUMBER_SIZE,
      alignment: odd ? 'right' : 'left',
      margin: odd ? [0, 0, PAGE_NUMBER_SIZE, 0] : [PAGE_NUMBER_SIZE, 0, 0, 0],
    };
    const code: Content = {
      id: `${FOOTER_ID}-code`,
      text: `验证码 ${verificationCode}`,
      font: FONT_SERIF,
      fontSize: 8,
      color: '#666666',
      alignment: odd ? 'left' : 'right',
      margin: [0, 4, 0, 0],
    };
    return {
      id: FOOTER_ID,
      columns: odd ? [code, number] : [number, code],
      margin: [PAGE_MARGINS[0], 7 * MM, PAGE_MARGINS[2], 0],
    };
  };
}

/** 版头: red issuer mark, document number, red rule. Used by letters and notices to units. */
function redHeader(meta: IssueMeta): Content[] {
  return [
    { text: meta.issuingOrgan, style: 'redMark', margin: [0, 0, 0, 12] },
    ...(meta.documentNumber ? [{ text: meta.documentNumber, style: 'subtitle', margin: [0, 0, 0, 4] } as Content] : []),
    {
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: TYPE_AREA_WIDTH, y2: 0, lineWidth: 1.5, lineColor: RED }],
      margin: [0, 0, 0, 24],
    },
  ];
}

/**
 * 落款 and verification in one unbreakable row: organ centred over the date, the date four
 * characters in from the right edge (GB/T 9704); on the left the QR code and 「验证码：XXXX」 so
 * anyone holding the paper can check it was really issued. Side by side they take the height
 * of the closing block only, and the closing never ends up alone on a page.
 */
function closingBlock(meta: IssueMeta): Content {
  const url = verificationUrl(meta.publicBaseUrl, meta.verificationCode);
  return {
    columns: [
      { svg: qrCodeSvg(url), width: 20 * MM, height: 20 * MM },
      {
        width: '*',
        stack: [
          { text: `验证码：${meta.verificationCode}`, font: FONT_SANS, fontSize: 10.5 },
          { text: '扫码或访问下列网址核验真伪：', fontSize: 8, lineHeight: 1.1, margin: [0, 2, 0, 0] },
          { text: url, fontSize: 7, lineHeight: 1.1, color: '#333333' },
        ],
        margin: [6, 8, 12, 0],
      },
      {
        // An explicit width: an 'auto' column next to a '*' one gets squeezed and would wrap
        // the organ's name. Characters are 1 em; the date is about 8 em.
        // The right margin (4 characters) is part of the column's width.
        width: (Math.max(meta.issuingOrgan.length, 8) + 4) * BODY_SIZE + 4,
        stack: [
          { text: meta.issuingOrgan, alignment: 'center' },
          { text: formatInstantDate(meta.issuedAt), alignment: 'center' },
        ],
        style: 'body',
        margin: [0, 6, 4 * BODY_SIZE, 0],
      },
    ],
    margin: [0, 2 * BODY_SIZE, 0, 0],
    unbreakable: true,
  };
}

/**
 * GB/T 9704 does not let the closing stand alone on a page; keeping the last paragraph with it
 * means a page break pulls one line of text along instead of leaving an empty-looking page.
 */
function bodyWithClosing(body: Content[], closing: Content): Content[] {
  const last = body.at(-1);
  if (last !== undefined && typeof last === 'object' && 'text' in last) {
    return [...body.slice(0, -1), { stack: [last, closing], unbreakable: true }];
  }
  return [...body, closing];
}

export interface OfficialDocumentOptions {
  meta: IssueMeta;
  /** Kind, in Chinese, written to the PDF's Subject (e.g. 考察公示). */
  kind: string;
  title: string;
  /** Printed under the title in 三号, e.g. a date or 草稿. */
  subtitle?: string;
  /** 版头 with the issuer in red (letters and notices addressed to units). */
  withRedHeader?: boolean;
  /** 主送机关, printed before the body, flush left, ending with a full-width colon. */
  addressees?: string[];
  body: Content[];
  /** Content after the closing block (e.g. 版记 / 抄送). */
  after?: Content[];
  /** 附件 (e.g. a reply form), starting on a new page after the signed letter. */
  appendix?: Content[];
}

/**
 * Builds every document of this lib: page setup, title, body, closing block, verification
 * block, footer and PDF metadata are written once here so the kinds cannot drift apart.
 */
export function officialDocument(options: OfficialDocumentOptions): TDocumentDefinitions {
  const { meta } = options;
  const content: Content[] = [
    ...(options.withRedHeader ? redHeader(meta) : []),
    { text: options.title, style: 'title', margin: [0, 0, 0, options.subtitle ? 6 : BODY_SIZE * 1.5] },
    ...(options.subtitle
      ? [{ text: options.subtitle, style: 'subtitle', margin: [0, 0, 0, BODY_SIZE * 1.5] } as Content]
      : []),
    ...(options.addressees && options.addressees.length > 0
      ? [{ text: `${options.addressees.join('，')}：`, style: 'body' } as Content]
      : []),
    ...bodyWithClosing(options.body, closingBlock(meta)),
    ...(options.after ?? []),
    ...(options.appendix && options.appendix.length > 0
      ? [
          {
            stack: [{ text: '附件', style: 'heading1', margin: [0, 0, 0, BODY_SIZE] }, ...options.appendix],
            pageBreak: 'before',
          } as Content,
        ]
      : []),
  ];
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    // Fixed dates make renders reproducible: pdfkit hashes the info dictionary into /ID.
    info: {
      title: options.title,
      author: meta.issuingOrgan,
      subject: options.kind,
      keywords: `verification:${meta.verificationCode}`,
      creator: 'Kaocha',
      producer: 'Kaocha',
      creationDate: meta.issuedAt,
      modDate: meta.issuedAt,
    },
    defaultStyle: { font: FONT_SERIF, fontSize: BODY_SIZE, lineHeight: BODY_LINE_HEIGHT },
    styles: STYLES,
    footer: pageFooter(meta.verificationCode),
    // A heading must not be the last thing on a page: move it to the next page instead.
    // pdfmake lists the footer's nodes among the "following nodes"; they are tagged and ignored.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel !== undefined &&
      nodes.getFollowingNodesOnPage().every((n) => n.id?.startsWith(FOOTER_ID) ?? false),
    content,
  };
}

/* ---------- building blocks shared by the definitions ---------- */

/** 正文 paragraph, first line indented by two characters. */
export function paragraph(text: string | Content[]): ContentText {
  return { text, style: 'body', leadingIndent: 2 * BODY_SIZE };
}

/** Level-1 heading 「一、基本情况」 in 黑体 (sans), indented two characters like the body. */
export function heading1(index: number, text: string): Content {
  return {
    text: `${chineseNumeral(index)}、${text}`,
    style: 'heading1',
    headlineLevel: 1,
    margin: [2 * BODY_SIZE, 6, 0, 2],
  };
}

/** Level-2 heading 「（一）…」. */
export function heading2(index: number, text: string): Content {
  return {
    text: `（${chineseNumeral(index)}）${text}`,
    style: 'heading2',
    headlineLevel: 2,
    margin: [2 * BODY_SIZE, 2, 0, 0],
  };
}

/** A bordered data table in 小四, header row repeated on every page it spans. */
export function dataTable(
  headers: string[],
  rows: (string | number | TableCell)[][],
  widths?: (number | string)[],
): ContentTable {
  const body: TableCell[][] = [
    headers.map((h) => ({ text: h, style: 'tableHeader' })),
    ...rows.map((row) => row.map((cell) => (typeof cell === 'object' ? cell : { text: String(cell) }))),
  ];
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      widths: widths ?? headers.map(() => '*'),
      body,
      dontBreakRows: true,
    },
    style: 'table',
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      paddingTop: () => 3,
      paddingBottom: () => 3,
      fillColor: (rowIndex: number) => (rowIndex === 0 ? '#f0f0f0' : null),
    },
    margin: [0, 4, 0, 8],
  };
}

/** 「（一）…（二）…」 list rendered as indented paragraphs; "无" when empty. */
export function numberedParagraphs(items: string[], empty = '无。'): Content[] {
  if (items.length === 0) {
    return [paragraph(empty)];
  }
  return items.map((item, i) => paragraph(`${i + 1}. ${item}`));
}

/** Numbers level-1 headings in the order sections are emitted, so optional sections never leave gaps. */
export class SectionCounter {
  private n = 0;
  next(text: string): Content {
    this.n += 1;
    return heading1(this.n, text);
  }
}
