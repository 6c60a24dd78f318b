import { RULE_DEFINITIONS, RULE_GROUPS, RULE_GROUP_LABELS, type RuleGate } from './rules.catalogue';
import { NOTICE_KIND_LABELS, NOTICE_KINDS, type Rulebook } from './rulebooks';
import { OPEN_STAGES, STAGE_LABELS, transitionLabel } from './stages';
import { knownCalendarYears } from './working-days';

/**
 * The rules page an organization department reads (docs/rules.md), rendered from the catalogue
 * and a rulebook so that the page can never drift from the code: `scripts/gen-rules-doc.ts`
 * writes it and, with `--check`, fails when the committed page is stale.
 */

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function gateLabel(gate: RuleGate): string {
  return gate === 'every' ? '每个环节' : transitionLabel(gate);
}

function yearsLabel(years: number[]): string {
  return years.length === 0 ? '（无）' : `${years[0]}–${years[years.length - 1]} 年`;
}

export function renderRulesDoc(rulebook: Rulebook): string {
  const p = rulebook.parameters;
  const inForce = new Set(rulebook.ruleIds);
  const lines: string[] = [
    '<!-- 本文件由 scripts/gen-rules-doc.ts 根据 libs/rulebook 生成，请勿手工编辑。',
    '     修改规则后运行 `npx tsx scripts/gen-rules-doc.ts`；`--check` 检查本文件是否最新。 -->',
    '',
    '# 干部考察规则清单',
    '',
    `规则库版本：**${rulebook.version}**（自 ${rulebook.effectiveFrom} 起新开启的选任工作适用；已开启的选任工作沿用开启时的版本）。共 ${inForce.size} 条规则。`,
    '',
    '规则编号是系统、接口、文书和测试共用的唯一标识。标为「可豁免」的规则，可由一名组织部管理员说明理由提出豁免，经另一名管理员批准后生效，豁免情况记入考察材料和纪实；其余规则一律不得豁免。',
    '',
    '## 工作流程',
    '',
    `${OPEN_STAGES.map((s) => STAGE_LABELS[s]).join(' → ')}；任何阶段均可结束（${STAGE_LABELS.closed}：办结或终止，须说明理由）。`,
    '',
    '每进入下一阶段前，系统检查该环节的全部规则（「把关环节」一栏），并列出所有未满足的规则。',
    '',
    `## 规则库参数（${rulebook.version}）`,
    '',
    '| 参数 | 取值 | 含义 |',
    '|---|---|---|',
    `| \`inspectionRatio\` | ${p.inspectionRatio} | 差额考察：考察对象人数不少于职位数的 ${p.inspectionRatio} 倍 |`,
    ...NOTICE_KINDS.map(
      (kind) =>
        `| \`noticeWorkingDays.${kind}\` | ${p.noticeWorkingDays[kind]} 个工作日 | ${NOTICE_KIND_LABELS[kind]}期${kind === 'pre_appointment' ? '（不少于全国规定的 5 个工作日）' : ''} |`,
    ),
    `| \`advanceNoticeLeadWorkingDays\` | ${p.advanceNoticeLeadWorkingDays} 个工作日 | 考察预告至少在考察开始前发布的时间 |`,
    `| \`consultationDeadlineWorkingDays\` | ${p.consultationDeadlineWorkingDays} 个工作日 | 征求意见单位书面答复期限（逾期催办，不答复不视为无意见） |`,
    `| \`recommendationValidityYears\` | ${p.recommendationValidityYears} 年 | 民主推荐结果有效期，超过不得使用 |`,
    `| \`reportUnverifiableLimitMonths\` | ${p.reportUnverifiableLimitMonths} 个月 | 举报「一时难以查清」的，暂缓期限 |`,
    `| \`quorum\` | ${p.quorum.numerator}/${p.quorum.denominator} | 票决时到会成员不少于应到会成员的比例 |`,
    '',
    `工作日按国务院办公厅公布的节假日安排（含调休上班日）计算，时间以北京时间为准，公示期至最后一个工作日 24 时止。日历已收录 ${yearsLabel(knownCalendarYears())}；尚未公布安排的年份暂按周一至周五计算，结果标注为「暂定」。`,
    '',
  ];

  for (const group of RULE_GROUPS) {
    const rules = RULE_DEFINITIONS.filter((r) => r.group === group && inForce.has(r.id));
    if (rules.length === 0) {
      continue;
    }
    lines.push(
      `## ${RULE_GROUP_LABELS[group].zh}（${group}）`,
      '',
      '| 规则编号 | 中文 | English | 把关环节 | 适用 | 可豁免 |',
      '|---|---|---|---|---|---|',
      ...rules.map(
        (r) =>
          `| \`${r.id}\` | ${cell(r.zh)} | ${cell(r.en)} | ${gateLabel(r.gate)} | ${r.scope === 'selection' ? '每项选任' : '每名人选'} | ${r.waivable ? '是' : '否'} |`,
      ),
      '',
    );
  }
  return lines.join('\n');
}
