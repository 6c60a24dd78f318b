import { noticeEnd } from '@app/rulebook';
import { candidateLine, formatEndDateZh, PROVISIONAL_MARK, renderNoticeText, type NoticeTextInput } from './notice-text';
import { toNoticeView, toPublicNoticeView } from './notice.mapper';
import type { NoticeCandidateEntity, NoticeEntity } from './notice.entity';

const reporting = { url: 'https://example.gov.cn/public/notices/n1', phone: '0000-12380', address: '示范县行政中心3楼' };

function input(overrides: Partial<NoticeTextInput> = {}): NoticeTextInput {
  const period = noticeEnd(overrides.startsOn ?? '2026-09-30', 5);
  return {
    kind: 'inspection',
    selectionTitle: '2026年县直部门正科级领导干部选拔',
    issuer: '中共示范县委组织部',
    candidates: [
      { name: '王鑫珺', gender: 'female', birthDate: '1985-03-17', currentPost: '示范县财政局副局长', proposedPost: '示范县审计局局长' },
      { name: '周彧', gender: 'male', birthDate: '1982-11-02', currentPost: '示范县发改局副局长' },
    ],
    startsOn: '2026-09-30',
    endsOn: period.endsOn,
    workingDays: 5,
    provisional: period.provisional,
    reporting,
    issuedOn: '2026-09-30',
    ...overrides,
  };
}

describe('renderNoticeText', () => {
  it('should name each candidate with gender, month of birth, current and proposed post when known', () => {
    const { body } = renderNoticeText(input());
    expect(body).toContain('1. 王鑫珺，女，1985年3月生，现任示范县财政局副局长，拟任示范县审计局局长。');
    expect(body).toContain('2. 周彧，男，1982年11月生，现任示范县发改局副局长。');
    expect(body).not.toContain('1985年3月17日');
  });

  it('should end a notice starting the day before National Day on the fifth working day after the holiday', () => {
    const { body, title } = renderNoticeText(input());
    expect(title).toBe('2026年县直部门正科级领导干部选拔考察对象公示');
    expect(body).toContain('公示时间：2026年9月30日至2026年10月12日（5个工作日），截止时间为2026年10月12日24时。');
    expect(body).not.toContain(PROVISIONAL_MARK);
  });

  it('should say how to report: the public page, the phone and the address', () => {
    const { body } = renderNoticeText(input());
    expect(body).toContain(`网上举报：${reporting.url}`);
    expect(body).toContain('举报电话：0000-12380');
    expect(body).toContain('来信来访地址：示范县行政中心3楼');
    expect(body.trim().endsWith('中共示范县委组织部\n2026年9月30日')).toBe(true);
  });

  it('should mark the end date provisional when the calendar does not know the year', () => {
    const { body } = renderNoticeText(input({ startsOn: '2027-01-04', issuedOn: '2026-12-30' }));
    expect(body).toContain('2027年1月4日至2027年1月8日（暂定）（5个工作日）');
    expect(body).toContain('以国务院公布的安排为准');
  });

  it('should give the inspection date and the team in an advance notice', () => {
    const { body, title } = renderNoticeText(
      input({ kind: 'advance', inspectionStartsOn: '2026-10-13', teamMembers: ['李明', '赵华'] }),
    );
    expect(title).toContain('考察预告');
    expect(body).toContain('将于2026年10月13日起');
    expect(body).toContain('考察组成员：李明、赵华。');
    expect(body).toContain('预告时间：');
  });

  it('should title each kind of notice', () => {
    expect(renderNoticeText(input({ kind: 'performance' })).title).toContain('政绩公示');
    expect(renderNoticeText(input({ kind: 'pre_appointment' })).title).toContain('任前公示');
  });
});

describe('candidateLine and formatEndDateZh', () => {
  it('should omit the proposed post when unknown', () => {
    expect(candidateLine({ name: '甲', gender: 'male', birthDate: '1990-01-01', currentPost: '科员' }, 0)).toBe(
      '1. 甲，男，1990年1月生，现任科员。',
    );
  });

  it('should add （暂定） only to provisional dates', () => {
    expect(formatEndDateZh('2027-01-08', true)).toBe('2027年1月8日（暂定）');
    expect(formatEndDateZh('2026-10-12', false)).toBe('2026年10月12日');
  });
});

describe('notice views', () => {
  const period = noticeEnd('2027-01-04', 5);
  const notice = {
    id: 'n1',
    selectionId: 's1',
    kind: 'inspection',
    status: 'open',
    startsOn: '2027-01-04',
    workingDays: 5,
    endsOn: period.endsOn,
    closesAt: period.closesAt,
    provisional: period.provisional,
    inspectionStartsOn: null,
    title: 't',
    body: 'b',
    publishedAt: new Date('2027-01-04T01:00:00Z'),
    closedAt: null,
    verificationCode: null,
  } as NoticeEntity;
  const candidates = [
    { noticeId: 'n1', candidateId: 'c1', position: 0, name: '甲', gender: 'male', birthDate: '1990-06-01', currentPost: '科员', proposedPost: null },
  ] as NoticeCandidateEntity[];

  it('should flag a period in an unknown year as provisional in JSON', () => {
    const view = toNoticeView(notice, candidates, new Date('2027-01-05T02:00:00Z'), 0);
    expect(view).toMatchObject({ provisional: true, endsOn: '2027-01-08', endsOnLabel: '2027年1月8日（暂定）', status: 'open' });
    const pub = toPublicNoticeView(notice, candidates, new Date('2027-01-05T02:00:00Z'), {
      retentionDays: 30,
      reporting: { baseUrl: 'https://example.gov.cn/', phone: '1', address: 'a' },
    });
    expect(pub).toMatchObject({ provisional: true, inPeriod: true, publicUntil: '2027-02-07' });
    expect(pub.reporting.url).toBe('https://example.gov.cn/public/notices/n1');
    expect(pub.candidates[0]).toEqual({ id: 'c1', name: '甲', gender: '男', birthMonth: '1990-06', currentPost: '科员', proposedPost: null });
  });
});
