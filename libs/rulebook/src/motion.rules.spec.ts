import { checkMotion } from './motion.rules';

const KNOWN = ['王建国', '李红梅', '欧阳振华', '周'];

function rulesOf(text: string, field: 'direction' | 'criteria' | 'requirements' = 'direction') {
  const motion = { direction: '', criteria: '', requirements: '', [field]: text };
  return checkMotion(motion, KNOWN).map((v) => v.rule);
}

describe(checkMotion.name, () => {
  it.each([
    '选拔一名熟悉经济工作的正科级领导干部',
    '选拔一名政治过硬、敢于担当、善于抓落实的年轻干部',
    '为乡镇领导班子选配一名懂农业、爱农村、爱农民的副科级干部',
    '政治坚定，具有两年以上乡镇党委书记任职经历',
    '曾任县直部门主要负责人者优先',
    '具有在县财政局局长岗位锻炼的经历',
    '选拔一名一级主任科员',
    '年龄在35至45岁范围内，全日制大学本科以上学历',
    '坚持民主、公开、竞争、择优，严格执行“十有”“七必谈”',
    '周密部署，严格程序', // a one-character name is never matched
  ])('should pass when the motion says 「%s」', (text) => {
    expect(rulesOf(text)).toEqual([]);
  });

  it.each([
    ['拟任县财政局局长', 'three_nots.no_specific_post'],
    ['担任县发改委主任职务', 'three_nots.no_specific_post'],
    ['为县财政局选拔一名副局长', 'three_nots.no_specific_post'],
    ['选拔一名副县长人选', 'three_nots.no_specific_post'],
    ['选配城关镇党委书记', 'three_nots.no_specific_post'],
    ['选拔县委办公室副主任一名', 'three_nots.no_specific_post'],
    ['补齐县人民医院院长', 'three_nots.no_specific_post'],
    ['王建国同志可作为考虑人选', 'three_nots.no_specific_person'],
    ['欧阳振华同志表现突出', 'three_nots.no_specific_person'],
    ['从全县乡镇党委书记中选拔', 'three_nots.no_candidate_pool'],
    ['在全县副科级干部范围内选拔', 'three_nots.no_candidate_pool'],
    ['人选限于财政系统内', 'three_nots.no_candidate_pool'],
    ['在教育系统内产生', 'three_nots.no_candidate_pool'],
    ['面向全县乡镇公开选拔', 'three_nots.no_candidate_pool'],
    ['原则上由单位内部产生', 'three_nots.no_candidate_pool'],
  ])('should fail when the motion says 「%s」 with %s', (text, rule) => {
    expect(rulesOf(text)).toEqual([rule]);
  });

  it('should check every field of the motion', () => {
    expect(rulesOf('拟任县财政局局长', 'requirements')).toEqual(['three_nots.no_specific_post']);
    expect(rulesOf('李红梅', 'criteria')).toEqual(['three_nots.no_specific_person']);
  });

  it('should list every violated rule, with the matched text, when several are broken', () => {
    const violations = checkMotion(
      {
        direction: '拟任县财政局局长',
        criteria: '王建国同志',
        requirements: '从县直单位副职中选拔',
      },
      KNOWN,
    );
    expect(violations.map((v) => v.rule)).toEqual([
      'three_nots.no_specific_post',
      'three_nots.no_specific_person',
      'three_nots.no_candidate_pool',
    ]);
    expect(violations[1]).toMatchObject({ matches: ['王建国'], zh: '只提人选标准，不提具体人选' });
    expect(violations[0].matches).toEqual(['拟任县财政局局长']);
  });
});
