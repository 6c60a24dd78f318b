import { ACTION_LABELS, describeEvent, stageSummary, stageTimeline, type ChainEvent } from './record-lines';

let seq = 0;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 1, minute));
const ev = (action: string, entity: string, after: unknown = {}, before: unknown = null, minute = seq): ChainEvent => ({
  seq: ++seq,
  occurredAt: at(minute),
  action,
  entity,
  entityId: 'c1',
  actorId: 'u1',
  actorUsername: 'clerk',
  before,
  after,
});

const ctx = {
  candidateName: (id: string | null | undefined) => (id === 'c1' ? '王鑫珺' : undefined),
  userName: (id: string | null | undefined) => (id === 's1' ? '孙赟' : id === 's2' ? '周彧' : undefined),
};

describe('record lines', () => {
  beforeEach(() => {
    seq = 0;
  });

  it('should name the stage entered when a selection advances', () => {
    const line = describeEvent(ev('selection.advanced', 'selection', { stage: 'deliberation' }, { stage: 'inspection' }), ctx);
    expect(line).toBe('由「组织考察」进入「讨论前酝酿」环节（各项进入条件经系统核验）');
  });

  it('should name the candidate and the new state when a candidate changes state', () => {
    const line = describeEvent(ev('candidate.on_hold', 'candidate', { state: 'on_hold', stateReason: '公示期间收到举报', stateRule: 'two_withouts.report_unverified' }), ctx);
    expect(line).toContain('王鑫珺');
    expect(line).toContain('暂缓');
    expect(line).toContain('公示期间收到举报');
  });

  it('should give the talk category of an interview and the candidate', () => {
    expect(describeEvent(ev('interview.recorded', 'interview', { candidateId: 'c1', category: 'npc_deputies' }), ctx)).toBe('录入个别谈话记录（王鑫珺）：人大代表');
  });

  it('should quote the remark and list attending supervisors by name', () => {
    expect(describeEvent(ev('supervision.remark_filed', 'supervision_remark', { candidateId: 'c1', kind: 'objection', content: '请核实信访件' }), ctx)).toBe(
      '义务监督员提出意见（王鑫珺）〔异议〕：请核实信访件',
    );
    expect(describeEvent(ev('supervision.attendance_recorded', 'supervisor_attendance', { activity: 'vote_count', supervisorUserIds: ['s1', 's2'] }), ctx)).toBe(
      '孙赟、周彧参加计票',
    );
  });

  it('should never print a report’s content', () => {
    const line = describeEvent(ev('report.received', 'report', { candidateId: 'c1', content: '机密内容', late: true }), ctx);
    expect(line).not.toContain('机密内容');
    expect(line).toContain('公示期满后收到');
  });

  it('should fall back to the entity and the action code when an action is unknown', () => {
    expect(describeEvent(ev('notice.translated', 'notice'), ctx)).toBe('公示：notice.translated');
    expect(describeEvent(ev('zzz.happened', 'zzz'), ctx)).toBe('zzz：zzz.happened');
  });

  it('should describe every action of the table without falling back', () => {
    for (const action of Object.keys(ACTION_LABELS)) {
      expect(describeEvent(ev(action, 'x'), ctx)).not.toContain(action);
    }
  });

  it('should split the chain into stages at each advance and closing', () => {
    const events = [
      ev('selection.created', 'selection', { title: '选任' }, null, 0),
      ev('motion.recorded', 'motion', {}, null, 1),
      ev('selection.advanced', 'selection', { stage: 'nomination' }, { stage: 'motion' }, 2),
      ev('candidate.nominated', 'candidate', {}, null, 3),
      ev('candidate.nominated', 'candidate', {}, null, 4),
      ev('selection.closed', 'selection', { stage: 'closed' }, { stage: 'nomination' }, 5),
    ];
    const spans = stageTimeline(events, { stage: 'closed', createdAt: at(0) });
    expect(spans.map((s) => [s.stage, s.eventSeqs])).toEqual([
      ['motion', [1, 2, 3]],
      ['nomination', [4, 5, 6]],
      ['closed', []],
    ]);
    expect(spans[0].leftAt).toEqual(at(2));
    expect(spans[2].leftAt).toBeNull();
    expect(stageSummary(events.slice(3, 5))).toBe('提名人选2项');
  });

  it('should start at the stage the first move left when the chain lacks the creation', () => {
    const events = [ev('interview.recorded', 'interview', {}, null, 1), ev('selection.advanced', 'selection', { stage: 'deliberation' }, { stage: 'inspection' }, 2)];
    const spans = stageTimeline(events, { stage: 'deliberation', createdAt: at(0) });
    expect(spans.map((s) => s.stage)).toEqual(['inspection', 'deliberation']);
  });
});
