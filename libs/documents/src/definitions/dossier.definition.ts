import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  CHECK_STATUS_ZH,
  formatInstantDate,
  formatInstantDateTime,
  formatLocalDate,
  formatYearMonthDot,
  GENDER_ZH,
  OPINION_MISSING_ZH,
  OPINION_ZH,
  percent,
  REPORT_FINDING_ZH,
} from '../format';
import { dataTable, numberedParagraphs, officialDocument, paragraph, SectionCounter } from '../layout';
import type { DossierData } from '../types';

const c = (text: string) => ({ text, alignment: 'center' as const });

function basicInfo(d: DossierData): Content {
  const k = d.candidate;
  const cells: [string, string][] = [
    ['姓名', k.name],
    ['性别', GENDER_ZH[k.gender]],
    ['出生年月', formatYearMonthDot(k.birthDate)],
    ['民族', k.ethnicity ?? '—'],
    ['籍贯', k.nativePlace ?? '—'],
    ['学历', k.education ?? '—'],
    ['入党时间', k.partyJoinDate ? formatYearMonthDot(k.partyJoinDate) : '—'],
    ['参加工作时间', k.workStartDate ? formatYearMonthDot(k.workStartDate) : '—'],
  ];
  const rows: TableCell[][] = [];
  for (let i = 0; i < cells.length; i += 2) {
    rows.push([
      { text: cells[i][0], style: 'tableHeader' },
      cells[i][1],
      { text: cells[i + 1][0], style: 'tableHeader' },
      cells[i + 1][1],
    ]);
  }
  rows.push([{ text: '现任职务', style: 'tableHeader' }, { text: k.currentPost, colSpan: 3 }, '', '']);
  if (k.proposedPost) {
    rows.push([{ text: '拟任职务', style: 'tableHeader' }, { text: k.proposedPost, colSpan: 3 }, '', '']);
  }
  return {
    table: { widths: [80, '*', 80, '*'], body: rows, dontBreakRows: true },
    style: 'table',
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 3, paddingBottom: () => 3 },
    margin: [0, 4, 0, 8],
  };
}

function recommendation(d: DossierData): Content[] {
  const out: Content[] = [];
  const { meeting, talk } = d.recommendation;
  if (meeting) {
    out.push(
      paragraph(
        `${formatLocalDate(meeting.heldOn)}召开民主推荐大会，应参加${meeting.eligible}人，实参加${meeting.cast}人，` +
          `${d.candidate.name}同志得推荐票${meeting.votesFor}票，得票率${percent(meeting.votesFor, meeting.cast)}` +
          `${meeting.rank ? `，排名第${meeting.rank}位` : ''}。`,
      ),
    );
  }
  if (talk) {
    out.push(
      paragraph(
        `${formatLocalDate(talk.heldOn)}进行谈话调研推荐，共谈话${talk.interviewed}人，` +
          `${d.candidate.name}同志被推荐${talk.mentions}次，推荐率${percent(talk.mentions, talk.interviewed)}` +
          `${talk.rank ? `，排名第${talk.rank}位` : ''}。`,
      ),
    );
  }
  return out.length > 0 ? out : [paragraph('无推荐结果记录。')];
}

function evaluation(d: DossierData): Content[] {
  const e = d.evaluation;
  if (!e) {
    return [paragraph('尚无民主测评结果。')];
  }
  const n = e.participants;
  return [
    paragraph(`${formatLocalDate(e.heldOn)}进行民主测评，参加测评${n}人，结果如下：`),
    dataTable(
      ['优秀', '称职', '基本称职', '不称职'],
      [
        [
          c(`${e.excellent}票（${percent(e.excellent, n)}）`),
          c(`${e.competent}票（${percent(e.competent, n)}）`),
          c(`${e.basicallyCompetent}票（${percent(e.basicallyCompetent, n)}）`),
          c(`${e.incompetent}票（${percent(e.incompetent, n)}）`),
        ],
      ],
    ),
  ];
}

/**
 * 考察材料: the inspection report on one candidate, section by section in the order the
 * domain lists them, ending with the rule checklist (with evidence), waivers and the team.
 * Headings are numbered as they are emitted, so the numbering has no gaps.
 */
export function dossierDefinition(d: DossierData): TDocumentDefinitions {
  const s = new SectionCounter();
  const body: Content[] = [
    s.next('基本情况'),
    basicInfo(d),
    s.next('工作经历'),
    dataTable(
      ['起止时间', '单位', '职务'],
      d.postsHeld.map((p) => [
        c(`${formatYearMonthDot(p.from)}—${p.to ? formatYearMonthDot(p.to) : '至今'}`),
        p.unit,
        p.title,
      ]),
      [110, '*', '*'],
    ),
    s.next('民主推荐情况'),
    ...recommendation(d),
    s.next('民主测评情况'),
    ...evaluation(d),
    s.next('个别谈话情况'),
    dataTable(
      ['谈话类别', '人数', '主要反映'],
      d.interviews.map((i) => [i.label, c(String(i.count)), i.summary]),
      [130, 36, '*'],
    ),
    s.next('征求意见情况'),
    dataTable(
      ['征求单位', '意见', '具体情况', '回复时间'],
      d.consultations.map((x) => [
        x.label,
        c(x.opinion ? OPINION_ZH[x.opinion] : OPINION_MISSING_ZH),
        x.details ?? '—',
        c(x.answeredAt ? formatInstantDate(x.answeredAt) : '—'),
      ]),
      [90, 70, '*', 80],
    ),
    s.next('六必查情况'),
    dataTable(
      ['核查事项', '核查结果', '依据材料'],
      d.checks.map((x) => [x.label, x.finding, x.evidence ?? '—']),
      [90, '*', 120],
    ),
    s.next('延伸考察情况'),
    ...(d.extendedInspections.length > 0
      ? [
          dataTable(
            ['原任职单位', '时间', '考察情况'],
            d.extendedInspections.map((x) => [x.unit, c(x.heldOn ? formatLocalDate(x.heldOn) : '—'), x.summary]),
            [110, 80, '*'],
          ),
        ]
      : [paragraph('该同志未在多个单位任职，无需延伸考察。')]),
    s.next('信访举报调查情况'),
    ...(d.reportInvestigations.length > 0
      ? [
          dataTable(
            ['反映问题', '调查结论', '处理意见'],
            d.reportInvestigations.map((x) => [x.summary, c(REPORT_FINDING_ZH[x.finding]), x.conclusion]),
            ['*', 76, '*'],
          ),
        ]
      : [paragraph('考察期间未收到反映该同志问题的信访举报。')]),
    s.next('主要优点'),
    ...numberedParagraphs(d.strengths),
    s.next('主要不足'),
    ...numberedParagraphs(d.shortcomings),
    s.next('考察结论'),
    paragraph(d.conclusion),
    s.next('程序规则核查清单'),
    dataTable(
      ['规则', '状态', '依据'],
      d.ruleChecklist.map((r) => [
        // The canonical id under the label: readers see Chinese, auditors can match the id.
        { stack: [r.zh, { text: r.ruleId, fontSize: 8, color: '#555555' }] },
        c(CHECK_STATUS_ZH[r.status]),
        r.evidence ?? '—',
      ]),
      ['*', 44, '*'],
    ),
    s.next('豁免事项'),
    ...(d.waivers.length > 0
      ? [
          dataTable(
            ['规则', '理由', '申请人', '批准人及时间'],
            d.waivers.map((w) => [
              `${w.zh}\n${w.ruleId}`,
              w.reason,
              c(w.requestedBy),
              c(`${w.approvedBy}\n${formatInstantDateTime(w.approvedAt)}`),
            ]),
            [110, '*', 56, 90],
          ),
        ]
      : [paragraph('无。')]),
    s.next('考察组成员及参与监督人员'),
    dataTable(
      ['姓名', '单位及职务', '职责'],
      [
        ...d.teamMembers.map((m) => [c(m.name), m.title, c(m.role ?? '成员')]),
        ...d.supervisors.map((v) => [
          c(v.name),
          v.activities && v.activities.length > 0 ? `${v.affiliation ?? '—'}\n参加：${v.activities.join('、')}` : (v.affiliation ?? '—'),
          c('义务监督员'),
        ]),
      ],
      [64, '*', 72],
    ),
    ...(d.supervisorsNote ? [paragraph(d.supervisorsNote)] : []),
    paragraph(`考察组成员签名：${'　'.repeat(16)}`),
  ];
  return officialDocument({
    meta: d.meta,
    kind: '考察材料',
    title: `关于${d.candidate.name}同志的考察材料`,
    body,
  });
}
