import { RULES, type RuleId } from './rules.catalogue';
import type { MotionText } from './snapshot';

/**
 * 三提三不提: the party secretary's motion may state a direction, criteria and requirements
 * only. These are heuristics over free Chinese text; they are deliberately conservative about
 * what they flag so that an ordinary direction passes, and every hit is reported with the
 * matched text so that a person can judge it.
 *
 * no_specific_person — any registered cadre's name (≥ 2 characters) appearing in any field.
 *   One-character strings are skipped: they would match everywhere.
 *
 * no_specific_post — the text names the post to fill:
 *   1. 「拟任…」, 「拟提拔为…」, 「拟推荐…担任…」: proposing someone for something;
 *   2. 「担任…职务」 (but not 「担任过…职务」, which describes experience);
 *   3. a title bound to an organisation: 「县财政局局长」, 「城关镇党委书记」,
 *      「县发改委主任」, 「县委办公室副主任」 (an organisation suffix such as 局/委/办/镇/
 *      中心 right before 局长/书记/主任/…), or with the unit earlier in the clause:
 *      「为县财政局选拔一名副局长」;
 *   4. titles that are specific posts on their own: 「副县长」, 「县长」, 「镇长」, 「乡长」,
 *      「党委书记」, 「党组书记」, 「县委常委」, 「…副书记」. A bare 「副局长」 or 「主任」
 *      without an organisation is a kind of post, not a post, and passes.
 *   A title followed by 经历/经验 or preceded by 曾任/担任过/任过 is experience, i.e. a
 *   criterion (「具有两年以上乡镇党委书记任职经历」 passes), and a title inside a pool phrase
 *   (「从乡镇党委书记中选拔」) describes the pool, which no_candidate_pool reports. Ranks are not posts: 正科级,
 *   副科级, 领导干部, 正职, 副职 and 主任科员 (a 职级) pass.
 *
 * no_candidate_pool — the text restricts who may be chosen:
 *   「从…中选拔/产生/推荐/遴选」, 「在…范围内」 (unless the span is a number, e.g. an age
 *   range), 「限于…」/「仅限…」/「限定…」, 「…系统内」/「本系统」, 「面向…选拔」,
 *   「内部产生/内部选拔」.
 */

export interface MotionViolation {
  readonly rule: RuleId;
  readonly zh: string;
  readonly en: string;
  readonly detail: string;
  /** The fragments of text that triggered the rule. */
  readonly matches: readonly string[];
}

const CLAUSE = '[^，。；、,.;！？!?\\s]';

const ORG_SUFFIX =
  '(?:局|委员会|委|办公室|办|院|所|中心|站|馆|队|镇|乡|街道|社区|村|部|厅|处|科|公司|集团|学校|医院|银行|政府|人大|政协|法院)';
const TITLE =
  '(?:党委|党组|党工委|党总支|党支部)?(?:常务)?副?(?:局长|书记|主任(?!科员)|镇长|乡长|部长|院长|所长|主席|秘书长|处长|科长|站长|行长|校长|经理|董事长|检察长|庭长|队长|社长|馆长)';

const SPECIFIC_POST_PATTERNS: readonly RegExp[] = [
  new RegExp(`拟(?:任|提拔为|推荐为|提名为|推荐${CLAUSE}{0,12}担任)${CLAUSE}{0,16}`, 'g'),
  new RegExp(`担任(?!过)${CLAUSE}{1,20}?职务`, 'g'),
  new RegExp(`${CLAUSE}{0,10}${ORG_SUFFIX}${TITLE}`, 'g'),
  // 「为县财政局选拔一名副局长」: the unit and the title are apart but together name the post.
  new RegExp(
    `为${CLAUSE}{1,12}?${ORG_SUFFIX}${CLAUSE}{0,8}?(?:选拔|选配|配备|推荐|物色)${CLAUSE}{0,6}?${TITLE}`,
    'g',
  ),
  /(?:常务)?副?(?:县长|镇长|乡长)|县委常委|(?:党委|党组|党工委)(?:副)?书记|(?:县委|政府|人大|政协)副书记/g,
];

/** Context that turns a title into a described experience, i.e. a criterion. */
const EXPERIENCE_AFTER = /^.{0,4}(?:经历|经验|岗位锻炼)/;
const EXPERIENCE_BEFORE = /(?:曾任|担任过|任过|历任)[^，。；]{0,20}$/;

const POOL_PATTERNS: readonly { pattern: RegExp; ignore?: RegExp }[] = [
  { pattern: new RegExp(`从${CLAUSE}{1,30}?中(?:选拔|产生|推荐|遴选|选任|挑选|选配|择优)`, 'g') },
  // "年龄在35至45岁范围内" states a criterion, not a pool: spans with numbers are ignored.
  { pattern: new RegExp(`在${CLAUSE}{1,30}?范围(?:之)?内`, 'g'), ignore: /[0-9０-９岁周年]/ },
  { pattern: new RegExp(`(?:限于|仅限|限定在|限定于|只限)${CLAUSE}{0,20}`, 'g') },
  { pattern: new RegExp(`${CLAUSE}{0,12}(?:系统内|系统内部|本系统)`, 'g') },
  { pattern: new RegExp(`面向${CLAUSE}{1,20}?(?:选拔|遴选|选任|选配)`, 'g') },
  { pattern: /(?:单位)?内部(?:产生|选拔|推荐)/g },
];

function fields(motion: MotionText): string[] {
  return [motion.direction, motion.criteria, motion.requirements].map((t) => t ?? '');
}

function violation(rule: RuleId, detail: string, matches: string[]): MotionViolation {
  return { rule, zh: RULES[rule].zh, en: RULES[rule].en, detail, matches };
}

export function findCadreNames(motion: MotionText, knownCadreNames: readonly string[]): string[] {
  const text = fields(motion).join('\n');
  const names = new Set(
    knownCadreNames.map((n) => n.trim()).filter((n) => [...n].length >= 2 && text.includes(n)),
  );
  return [...names];
}

/** Spans of text that state a pool; a title inside one describes the pool, not the post. */
function poolSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const { pattern, ignore } of POOL_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      if (!ignore || !ignore.test(m[0])) {
        spans.push([m.index, m.index + m[0].length]);
      }
    }
  }
  return spans;
}

/** Keeps the longest fragments: 「担任县发改委主任」 inside 「担任县发改委主任职务」 is one hit. */
function distinct(hits: Iterable<string>): string[] {
  const all = [...new Set(hits)];
  return all.filter((h) => !all.some((other) => other !== h && other.includes(h)));
}

export function findSpecificPosts(motion: MotionText): string[] {
  const hits: string[] = [];
  for (const text of fields(motion)) {
    const pools = poolSpans(text);
    for (const pattern of SPECIFIC_POST_PATTERNS) {
      for (const m of text.matchAll(pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        // The experience words may sit inside the match (its prefix is loose), so the text
        // up to the end of the match is searched, not only what precedes it.
        if (EXPERIENCE_AFTER.test(text.slice(end)) || EXPERIENCE_BEFORE.test(text.slice(0, end))) {
          continue;
        }
        // The title's own position (the match may start early) must not lie in a pool span.
        const titleAt = end - 1;
        if (pools.some(([a, b]) => titleAt >= a && titleAt < b)) {
          continue;
        }
        hits.push(m[0]);
      }
    }
  }
  return distinct(hits);
}

export function findCandidatePools(motion: MotionText): string[] {
  return distinct(
    fields(motion).flatMap((text) => poolSpans(text).map(([a, b]) => text.slice(a, b))),
  );
}

/**
 * Checks a motion against 三提三不提. Returns one entry per violated rule, in catalogue order;
 * an empty list means the motion may be recorded.
 */
export function checkMotion(
  motion: MotionText,
  knownCadreNames: readonly string[],
): MotionViolation[] {
  const unmet: MotionViolation[] = [];
  const posts = findSpecificPosts(motion);
  if (posts.length > 0) {
    unmet.push(
      violation('three_nots.no_specific_post', `names a specific post: ${posts.join(' / ')}`, posts),
    );
  }
  const names = findCadreNames(motion, knownCadreNames);
  if (names.length > 0) {
    unmet.push(
      violation('three_nots.no_specific_person', `names a cadre: ${names.join(' / ')}`, names),
    );
  }
  const pools = findCandidatePools(motion);
  if (pools.length > 0) {
    unmet.push(
      violation('three_nots.no_candidate_pool', `restricts the pool: ${pools.join(' / ')}`, pools),
    );
  }
  return unmet;
}
