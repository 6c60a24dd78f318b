import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatInstantForTable } from '../format';
import { dataTable, officialDocument, paragraph, SectionCounter } from '../layout';
import type { DocumentaryRecordData } from '../types';

/**
 * 纪实表: who did what, when, for the whole selection, including candidates who left it. The
 * audit chain's verification result is printed so a reader knows the record was not edited.
 */
export function documentaryRecordDefinition(d: DocumentaryRecordData): TDocumentDefinitions {
  const s = new SectionCounter();
  const chain = d.auditChain;
  const chainText = chain.verified
    ? `审计链校验通过：共${chain.eventCount}条记录，哈希链完整${chain.headHash ? `，末条哈希 ${chain.headHash}` : ''}。`
    : `审计链校验未通过：共${chain.eventCount}条记录，记录可能被篡改，请立即核查。`;
  return officialDocument({
    meta: d.meta,
    kind: '纪实表',
    title: '干部选拔任用工作纪实表',
    subtitle: d.selectionTitle,
    body: [
      s.next('选拔职位'),
      paragraph(d.posts.map((p) => `${p.title}${p.count}名`).join('；') + '。'),
      s.next('各环节情况'),
      dataTable(
        ['环节', '开始时间', '完成时间', '情况摘要'],
        d.stages.map((st) => [
          st.label,
          { text: formatInstantForTable(st.enteredAt), alignment: 'center' as const },
          { text: st.leftAt ? formatInstantForTable(st.leftAt) : '进行中', alignment: 'center' as const },
          st.summary,
        ]),
        [70, 76, 76, '*'],
      ),
      ...(d.candidates && d.candidates.length > 0
        ? [
            s.next('人选情况'),
            dataTable(
              ['姓名', '状态', '说明'],
              d.candidates.map((x) => [x.name, x.stateLabel, x.note ?? '—']),
              [70, 70, '*'],
            ),
          ]
        : []),
      s.next('工作过程记录'),
      dataTable(
        ['序号', '时间', '操作人', '事项'],
        d.events.map((e, i) => [
          { text: String(i + 1), alignment: 'center' as const },
          { text: formatInstantForTable(e.at), alignment: 'center' as const },
          e.actor,
          e.action,
        ]),
        [28, 76, 70, '*'],
      ),
      s.next('记录完整性'),
      { ...paragraph(chainText), ...(chain.verified ? {} : { color: '#d40000' }) },
    ],
  });
}
