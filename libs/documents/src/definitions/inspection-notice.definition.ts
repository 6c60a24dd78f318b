import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { officialDocument, paragraph } from '../layout';
import type { InspectionNoticeData } from '../types';
import { candidateTable, periodParagraph, reportingParagraphs } from './notice-parts';

/** 考察公示 (`three_notices.inspection_notice`, the targets' notice of `ten_haves.target_notice`). */
export function inspectionNoticeDefinition(data: InspectionNoticeData): TDocumentDefinitions {
  return officialDocument({
    meta: data.meta,
    kind: '考察公示',
    title: `${data.selectionTitle ?? ''}考察对象公示`,
    body: [
      paragraph('根据《党政领导干部选拔任用工作条例》有关规定，经民主推荐、研究确定，下列同志为考察对象，现予以公示：'),
      candidateTable(data.candidates),
      periodParagraph('公示时间', data.period),
      ...reportingParagraphs(data.reporting, '公示期间'),
    ],
  });
}
