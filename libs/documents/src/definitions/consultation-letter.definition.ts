import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatLocalDate, formatYearMonthDot, GENDER_ZH } from '../format';
import { BODY_SIZE, dataTable, officialDocument, paragraph } from '../layout';
import type { ConsultationLetterData } from '../types';
import { candidateTable } from './notice-parts';

/** Candidates added to the letter later are answered by their own, later deadline. */
function laterDeadlines(data: ConsultationLetterData): Content[] {
  const later = data.candidates.filter((c) => c.replyBy && c.replyBy !== data.replyBy);
  const byDate = new Map<string, string[]>();
  for (const c of later) byDate.set(c.replyBy!, [...(byDate.get(c.replyBy!) ?? []), c.name]);
  return [...byDate].map(([date, names]) => paragraph(`其中，对${names.join('、')}同志的意见请于${formatLocalDate(date)}前回复。`));
}

/**
 * 征求意见函 (`six_consultations.*`): one letter per consulted unit per selection, listing every
 * candidate, with a reply form. The letter says in writing that silence is not clearance, since
 * the rules never treat an unanswered request as "no adverse opinion".
 */
export function consultationLetterDefinition(data: ConsultationLetterData): TDocumentDefinitions {
  const replyRows = data.candidates.map((c) => [
    { text: c.name, alignment: 'center' as const },
    { text: `${GENDER_ZH[c.gender]}，${formatYearMonthDot(c.birthDate)}生，${c.currentPost}` },
    { text: '□ 无不良反映\n□ 有问题（请附具体情况）\n□ 正在立案调查' },
  ]);
  return officialDocument({
    meta: data.meta,
    kind: '征求意见函',
    title: '关于征求考察对象有关情况意见的函',
    withRedHeader: true,
    addressees: [data.unitName],
    body: [
      paragraph(
        `根据《党政领导干部选拔任用工作条例》有关规定，现就${data.selectionTitle ?? ''}下列考察对象${data.subject}征求你单位意见。` +
          `请于${formatLocalDate(data.replyBy)}前${data.replyWorkingDays ? `（${data.replyWorkingDays}个工作日内）` : ''}书面回复，并加盖单位公章。`,
      ),
      candidateTable(data.candidates),
      ...laterDeadlines(data),
      paragraph('逾期未回复的，不视为无意见，我部将予以催办。对回复内容，我部将严格保密。'),
      ...(data.replyUrl ? [paragraph(`网上回复：${data.replyUrl}`)] : []),
      ...(data.contact ? [paragraph(`联系人：${data.contact.name}\u3000\u3000联系电话：${data.contact.phone}`)] : []),
    ],
    appendix: [
      { text: `征求意见回复表`, style: 'title', margin: [0, 0, 0, 6] },
      { text: `（${data.unitName}）`, style: 'subtitle', margin: [0, 0, 0, BODY_SIZE] },
      dataTable(['姓名', '基本情况', '意见'], replyRows, [56, '*', 150]),
      paragraph('具体情况说明：'),
      { text: '\n\n\n\n\n', style: 'body' },
      { text: '回复单位（盖章）：', style: 'body', margin: [BODY_SIZE * 12, 0, 0, 0] },
      { text: '经办人：', style: 'body', margin: [BODY_SIZE * 12, 0, 0, 0] },
      { text: '回复日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日', style: 'body', margin: [BODY_SIZE * 12, 0, 0, 0] },
    ],
  });
}
