import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { officialDocument, paragraph } from '../layout';
import type { PreAppointmentNoticeData } from '../types';
import { candidateResume, periodParagraph, reportingParagraphs } from './notice-parts';

/** 任前公示 (`three_notices.pre_appointment_notice`): at least 5 working days before appointment. */
export function preAppointmentNoticeDefinition(data: PreAppointmentNoticeData): TDocumentDefinitions {
  return officialDocument({
    meta: data.meta,
    kind: '任前公示',
    title: data.selectionTitle ? `${data.selectionTitle}任前公示` : '干部任前公示',
    body: [
      paragraph(
        '根据《党政领导干部选拔任用工作条例》和干部任前公示制度的有关规定，经县委研究，现将拟任职干部予以公示：',
      ),
      ...data.candidates.map((c, i) => paragraph(`${i + 1}. ${candidateResume(c)}`)),
      periodParagraph('公示时间', data.period),
      ...reportingParagraphs(data.reporting, '公示期间'),
    ],
  });
}
