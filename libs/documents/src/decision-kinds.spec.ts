import { buildDefinition } from './document-kinds';
import { renderPdf } from './render';
import { DOCUMENT_FIXTURES } from './testing/fixtures';
import { pdfToText } from './testing/poppler';

jest.setTimeout(60_000);

const squash = (s: string) => s.replace(/\s+/g, '');

/** The optional parts of the 票决结果, 任免通知, 征求意见函 and dossier the registry fills from real records. */
describe('issued documents’ optional parts', () => {
  const voteWith = () => {
    const base = DOCUMENT_FIXTURES.vote_result();
    return {
      ...base,
      round: 2,
      seats: 1,
      quorumRequired: 8,
      quorumMet: true,
      presentMembers: ['甲某', '乙某（书记）'],
      results: base.results.map((r, i) => ({ ...r, elected: i === 0, ...(i === 1 ? { recusedMembers: ['丁某'] } : {}) })),
    };
  };

  it('should print the round, quorum, recusals and who was elected when the vote result has them', async () => {
    const text = squash(pdfToText(await renderPdf(buildDefinition('vote_result', voteWith()))));
    expect(text).toContain('（第2轮）');
    expect(text).toContain('符合规定人数（不少于8名）');
    expect(text).toContain('到会成员：甲某、乙某（书记）');
    expect(text).toContain('对李赟燊同志的表决，丁某回避');
    expect(text.match(/当选/g)).toHaveLength(2);
    expect(text).toContain('未当选');
  });

  it('should say the round decides nothing when the quorum was not met', async () => {
    const text = squash(pdfToText(await renderPdf(buildDefinition('vote_result', { ...voteWith(), quorumMet: false }))));
    expect(text).toContain('未达到规定人数（不少于8名）');
    expect(text).toContain('本轮表决无效，不形成任何决定');
    expect(text).not.toContain('同意票数达到');
    expect(text).not.toContain('当选');
  });

  it('should name the tied candidates when the last seat is tied', async () => {
    const data = { ...voteWith(), tie: { names: ['王鑫珺', '李赟燊'], seats: 1 } };
    const text = squash(pdfToText(await renderPdf(buildDefinition('vote_result', data))));
    expect(text).toContain('王鑫珺、李赟燊同志得票相同，争取最后1个名额');
  });

  it('should print the remarks after the items when an appointment notice has them', async () => {
    const data = { ...DOCUMENT_FIXTURES.appointment_notice(), remarks: ['以上任职自2026年12月16日起生效。'] };
    const text = squash(pdfToText(await renderPdf(buildDefinition('appointment_notice', data))));
    expect(text).toContain('以上任职自2026年12月16日起生效。');
  });

  it('should print the working days and a later deadline for a candidate added later when a letter has them', async () => {
    const base = DOCUMENT_FIXTURES.consultation_letter();
    const data = {
      ...base,
      contact: undefined,
      replyWorkingDays: 5,
      candidates: base.candidates.map((c, i) => (i === 2 ? { ...c, replyBy: '2026-06-05' } : c)),
    };
    const text = squash(pdfToText(await renderPdf(buildDefinition('consultation_letter', data))));
    expect(text).toContain('请于2026年5月29日前（5个工作日内）书面回复');
    expect(text).toContain('其中，对张彧同志的意见请于2026年6月5日前回复。');
    expect(text).not.toContain('联系人');
  });

  it('should print what each supervisor attended and the note when a dossier has them', async () => {
    const data = {
      ...DOCUMENT_FIXTURES.dossier(),
      supervisors: [{ name: '孙赟', affiliation: '县人大代表', activities: ['个别谈话', '会议推荐'] }],
      supervisorsNote: '注：以上为指派的义务监督员。',
    };
    const text = squash(pdfToText(await renderPdf(buildDefinition('dossier', data))));
    expect(text).toContain('参加：个别谈话、会议推荐');
    expect(text).toContain('注：以上为指派的义务监督员。');
  });
});
