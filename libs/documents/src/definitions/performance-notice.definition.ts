import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { heading2, officialDocument, paragraph } from '../layout';
import type { PerformanceNoticeData } from '../types';
import { candidateResume, periodParagraph, reportingParagraphs } from './notice-parts';

/** 政绩公示 (`three_notices.performance_notice`): each candidate's résumé and main achievements. */
export function performanceNoticeDefinition(data: PerformanceNoticeData): TDocumentDefinitions {
  const perCandidate: Content[] = data.candidates.flatMap((c, i) => [
    heading2(i + 1, c.name),
    paragraph(candidateResume(c)),
    paragraph('主要工作实绩：'),
    ...c.achievements.map((a, j) => paragraph(`${j + 1}. ${a}`)),
  ]);
  return officialDocument({
    meta: data.meta,
    kind: '政绩公示',
    title: `${data.selectionTitle ?? ''}考察对象政绩公示`,
    body: [
      paragraph('为扩大干部工作民主，接受群众监督，树立重实干、重实绩的用人导向，现将考察对象的主要工作实绩予以公示：'),
      ...perCandidate,
      periodParagraph('公示时间', data.period),
      ...reportingParagraphs(data.reporting, '公示期间'),
    ],
  });
}
