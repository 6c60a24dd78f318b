import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatInstantDateTime } from '../format';
import { dataTable, officialDocument, paragraph } from '../layout';
import type { VoteResultData } from '../types';

/**
 * 票决结果. The pass mark is "more than half of the members who should attend" (应到会成员),
 * not of those present; it comes computed from the rulebook and is printed so readers can check.
 */
export function voteResultDefinition(data: VoteResultData): TDocumentDefinitions {
  const rows = data.results.map((r) => [
    { text: r.name, alignment: 'center' as const },
    r.currentPost,
    r.proposedPost,
    { text: String(r.agree), alignment: 'center' as const },
    { text: String(r.disagree), alignment: 'center' as const },
    { text: String(r.defer), alignment: 'center' as const },
    { text: String(r.recused ?? 0), alignment: 'center' as const },
    { text: r.approved ? '通过' : '未通过', alignment: 'center' as const, bold: !r.approved },
  ]);
  const absentees = data.absentees ?? [];
  return officialDocument({
    meta: data.meta,
    kind: '票决结果',
    title: '干部任免事项票决结果',
    subtitle: data.meetingTitle,
    body: [
      paragraph(
        `${formatInstantDateTime(data.heldAt)}，${data.meetingTitle}对干部任免事项进行了表决。` +
          `应到会成员${data.membersExpected}名，实到会成员${data.membersPresent}名，符合规定人数。` +
          `同意票数达到${data.approvalThreshold}票（超过应到会成员半数）的为通过。`,
      ),
      ...(absentees.length > 0
        ? [paragraph(`缺席成员：${absentees.map((a) => `${a.name}（${a.reason}）`).join('、')}。`)]
        : []),
      paragraph('表决结果如下：'),
      dataTable(['姓名', '现任职务', '拟任职务', '同意', '不同意', '缓议', '回避', '结果'], rows, [
        46,
        '*',
        '*',
        28,
        40,
        28,
        28,
        40,
      ]),
      paragraph('有利害关系的成员已按规定回避，未参与对相关人选的表决。'),
    ],
  });
}
