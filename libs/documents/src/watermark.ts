import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_SANS } from './fonts';
import { formatInstantDateTime } from './format';
import { renderPdf } from './render';

export interface WatermarkText {
  /** Who receives this copy, e.g. 义务监督员 赵燊. */
  recipient: string;
  /** When the copy was made (printed in Asia/Shanghai). */
  issuedAt: Date;
  /** 第3份 — copies are numbered so a leaked one can be traced. */
  copyNumber: number;
}

function watermarkLine(w: WatermarkText): string {
  return `${w.recipient}  ${formatInstantDateTime(w.issuedAt)}  第${w.copyNumber}份`;
}

/**
 * Adds a diagonal watermark and a footer line on every page to a definition. The original is
 * not modified.
 *
 * Why at render time: stamping an existing PDF needs a PDF editor (pdf-lib), which is not a
 * dependency. A watermarked copy is a *copy* for one reader, so re-rendering the same
 * definition with the stamp is equivalent and keeps the text selectable and the fonts subset.
 * A sealed original is never touched: a copy is unsigned by design.
 */
export function withWatermark(definition: TDocumentDefinitions, w: WatermarkText): TDocumentDefinitions {
  const line = watermarkLine(w);
  const original = definition.background;
  return {
    ...definition,
    watermark: { text: line, font: FONT_SANS, fontSize: 24, color: '#808080', opacity: 0.3 },
    // `background` runs per page; keep any background the definition already had.
    background: (currentPage, pageSize) => {
      const base: Content[] = [];
      if (typeof original === 'function') {
        const b = original(currentPage, pageSize);
        if (b) {
          base.push(b);
        }
      } else if (original) {
        base.push(original);
      }
      base.push({
        text: `仅供${line}查阅，不得复制、转发`,
        font: FONT_SANS,
        fontSize: 8,
        color: '#888888',
        alignment: 'center',
        // The background is laid out from the page's top-left corner across its full width.
        margin: [0, pageSize.height - 28, 0, 0],
      });
      return base;
    },
  };
}

/** Renders a numbered, watermarked copy of a document (for volunteer supervisors). */
export function renderWatermarkedCopy(definition: TDocumentDefinitions, w: WatermarkText): Promise<Buffer> {
  return renderPdf(withWatermark(definition, w));
}
