import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatInstantDateTime } from '../format';
import { dataTable, officialDocument, paragraph } from '../layout';
import type { VoteResultData } from '../types';

function resultLabel(r: VoteResultData['results'][number], withElected: boolean, quorumMet: boolean): string {
  if (!quorumMet) return '无效';
  if (!r.approved) return '未通过';
  if (!withElected) return '通过';
  return r.elected ? '通过\n当选' : '通过\n未当选';
}

/**
 * 票决结果. The pass mark is "more than half of the members who should attend" (应到会成员),
 * not of those present; it comes computed from the rulebook and is printed so readers can check.
 * A round without quorum decides nothing and says so; a tie for the last seats names who goes
 * to the next round.
 */
export function voteResultDefinition(data: VoteResultData): TDocumentDefinitions {
  const quorumMet = data.quorumMet ?? true;
  const withElected = data.results.some((r) => r.elected !== undefined);
  const rows = data.results.map((r) => [
    { text: r.name, alignment: 'center' as const },
    r.currentPost,
    r.proposedPost,
    { text: String(r.agree), alignment: 'center' as const },
    { text: String(r.disagree), alignment: 'center' as const },
    { text: String(r.defer), alignment: 'center' as const },
    { text: String(r.recused ?? 0), alignment: 'center' as const },
    { text: resultLabel(r, withElected, quorumMet), alignment: 'center' as const, bold: !r.approved || !quorumMet },
  ]);
  const absentees = data.absentees ?? [];
  const recusals = data.results.filter((r) => r.recusedMembers && r.recusedMembers.length > 0);
  const round = data.round && data.round > 1 ? `（第${data.round}轮）` : '';
  const quorumText =
    data.quorumRequired === undefined
      ? quorumMet
        ? '符合规定人数'
        : '未达到规定人数'
      : quorumMet
        ? `符合规定人数（不少于${data.quorumRequired}名）`
        : `未达到规定人数（不少于${data.quorumRequired}名）`;
  const body: Content[] = [
    paragraph(
      `${formatInstantDateTime(data.heldAt)}，${data.meetingTitle}${round}对干部任免事项进行了表决` +
        `${data.seats ? `，本轮拟确定${data.seats}名人选` : ''}。` +
        `应到会成员${data.membersExpected}名，实到会成员${data.membersPresent}名，${quorumText}。` +
        (quorumMet ? `同意票数达到${data.approvalThreshold}票（超过应到会成员半数）的为通过。` : '本轮表决无效，不形成任何决定。'),
    ),
    ...(data.presentMembers && data.presentMembers.length > 0 ? [paragraph(`到会成员：${data.presentMembers.join('、')}。`)] : []),
    ...(absentees.length > 0 ? [paragraph(`缺席成员：${absentees.map((a) => `${a.name}（${a.reason}）`).join('、')}。`)] : []),
    ...recusals.map((r) => paragraph(`对${r.name}同志的表决，${r.recusedMembers!.join('、')}回避。`)),
    paragraph('表决结果如下：'),
    dataTable(['姓名', '现任职务', '拟任职务', '同意', '不同意', '缓议', '回避', '结果'], rows, [46, '*', '*', 28, 40, 28, 28, 40]),
    ...(data.tie
      ? [paragraph(`${data.tie.names.join('、')}同志得票相同，争取最后${data.tie.seats}个名额，须就上述人选另行表决确定。`)]
      : []),
    paragraph('有利害关系的成员已按规定回避，未参与对相关人选的表决。'),
  ];
  return officialDocument({
    meta: data.meta,
    kind: '票决结果',
    title: '干部任免事项票决结果',
    subtitle: data.meetingTitle,
    body,
  });
}
