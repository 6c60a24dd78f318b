import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatPeriod } from '../format';
import { dataTable, officialDocument, paragraph } from '../layout';
import type { AdvanceNoticeData } from '../types';
import { candidateTable, reportingParagraphs } from './notice-parts';

/**
 * 考察预告 (`ten_haves.advance_notice`): task, dates, candidates with their posts, the team
 * and a hotline, published at least one working day before the inspection begins.
 */
export function advanceNoticeDefinition(data: AdvanceNoticeData): TDocumentDefinitions {
  return officialDocument({
    meta: data.meta,
    kind: '考察预告',
    title: data.selectionTitle ? `${data.selectionTitle}考察预告` : '干部考察预告',
    body: [
      paragraph(`根据《党政领导干部选拔任用工作条例》和干部工作需要，经研究，决定${data.task}。现将有关事项预告如下：`),
      paragraph(`一、考察时间：${formatPeriod(data.period)}。`),
      paragraph('二、考察对象：'),
      candidateTable(data.candidates),
      paragraph('三、考察组成员：'),
      dataTable(
        ['姓名', '单位及职务', '职责'],
        data.teamMembers.map((m) => [m.name, m.title, m.role ?? '成员']),
        [64, '*', 56],
      ),
      paragraph(
        '四、考察期间，考察组将通过个别谈话、民主测评、征求意见、查阅资料等方式，全面了解考察对象的德、能、勤、绩、廉情况。',
      ),
      ...reportingParagraphs(data.reporting, '五、预告及考察期间'),
    ],
  });
}
