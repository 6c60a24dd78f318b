import { Button, Card, Descriptions, Space, Table, Tabs, Tag, Typography, App as AntApp } from 'antd';
import { Fragment, useState } from 'react';
import type { AdvanceResult, ChecklistView, RulebookView, SelectionView } from '@app/workflow';
import { OPEN_STAGES, STAGE_LABELS, type GateUnmet, type OpenStage, type RuleId, type Stage } from '@app/rulebook';
import { api, type Json } from '../api';
import { useAuth } from '../auth';
import { navigate, useLocation, Link } from '../router';
import { groupScores, RuleChip, ruleHref, UnmetList, type SelectionTab } from '../rules';
import { asApiError, ErrorAlert, fmtTime, Loading, StateTag, useLoad } from '../ui';
import { CandidatesTab, DecisionTab, MotionTab, NoticesTab, RecommendationTab, TargetsTab, WaiversTab, WorkPlanTab } from './SelectionForms';
import { SupervisionTab } from './Supervision';

export type Selection = Json<SelectionView>;
export type Checklist = Json<ChecklistView>;
export type Rulebook = Json<RulebookView>;

/** The stages in order (from the selection's rulebook), the current one highlighted, the next gate green or red. */
export function StageFlow({ stage, rulebook, gateOk }: { stage: Stage; rulebook: Rulebook | undefined; gateOk: boolean | null }) {
  const labels: Record<string, string> = rulebook?.stages ?? STAGE_LABELS;
  const order = (Object.keys(labels).filter((s) => s !== 'closed') as OpenStage[]).sort((a, b) => OPEN_STAGES.indexOf(a) - OPEN_STAGES.indexOf(b));
  const current = stage === 'closed' ? order.length : order.indexOf(stage as OpenStage);
  return (
    <div className="flow" data-testid="stage-flow">
      {order.map((s, i) => {
        const cls = i < current ? 'done' : i === current ? 'current' : '';
        const gate = i === current + 1 ? (gateOk ? 'gate-ok' : 'gate-blocked') : '';
        return (
          <Fragment key={s}>
            {i > 0 && (
              <span className={`flow-arrow ${gate}`} data-testid={gate ? 'next-gate' : undefined} data-gate={gate || undefined} title={gate ? (gateOk ? '条件已满足' : '条件未满足') : undefined}>
                {gate ? (gateOk ? '✔ →' : '✖ →') : '→'}
              </span>
            )}
            <span className={`flow-stage ${cls}`} data-testid={i === current ? 'current-stage' : undefined}>
              {labels[s]}
            </span>
          </Fragment>
        );
      })}
      {stage === 'closed' && <Tag>{labels.closed ?? '已结束'}</Tag>}
    </div>
  );
}

function AdvancePanel({ selection, checklist, onDone }: { selection: Selection; checklist: Checklist; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const [unmet, setUnmet] = useState<readonly Json<GateUnmet>[] | null>(null);
  const [error, setError] = useState<ReturnType<typeof asApiError> | null>(null);
  const [busy, setBusy] = useState(false);
  const next = checklist.next;
  if (!next) return null;
  const names = new Map(selection.candidates.map((c) => [c.id, c.name]));
  const advance = async () => {
    setBusy(true);
    setError(null);
    setUnmet(null);
    try {
      const r = await api.post<Json<AdvanceResult>>(`/api/selections/${selection.id}/advance`, { to: next, expectedVersion: selection.version });
      void message.success(`已进入「${STAGE_LABELS[r.stage]}」`);
      onDone();
    } catch (e) {
      const err = asApiError(e);
      if (err.code === 'GATE_UNMET' && err.body.unmet) setUnmet(err.body.unmet);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ marginBottom: 16 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button type="primary" onClick={() => void advance()} loading={busy} data-testid="advance">
          进入下一环节：{STAGE_LABELS[next]}
        </Button>
        {checklist.gate.ok ? (
          <Tag color="green" data-testid="gate-status">
            进入条件已满足
          </Tag>
        ) : (
          <Tag color="red" data-testid="gate-status">
            尚有 {checklist.gate.unmet.length} 项未满足
          </Tag>
        )}
      </Space>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {unmet && <UnmetList unmet={unmet} selectionId={selection.id} names={names} title={`不能进入「${STAGE_LABELS[next]}」：以下 ${unmet.length} 项未满足`} />}
    </div>
  );
}

export function ChecklistTab({ selection, checklist }: { selection: Selection; checklist: Checklist }) {
  const selectionRules = checklist.selectionRules as { rule: RuleId; status: Json<ChecklistView>['selectionRules'][number]['status']; evidence: readonly string[] }[];
  return (
    <>
      <Typography.Title level={5}>选任工作事项</Typography.Title>
      <div style={{ marginBottom: 16 }}>
        {selectionRules.map((r) => (
          <RuleChip key={r.rule} rule={r.rule} status={r.status} href={ruleHref(r.rule, selection.id, undefined, r.evidence)} />
        ))}
      </div>
      <Typography.Title level={5}>各人选</Typography.Title>
      <Table
        rowKey="id"
        pagination={false}
        dataSource={checklist.candidates}
        scroll={{ x: true }}
        columns={[
          {
            title: '人选',
            width: 160,
            render: (_, c) => (
              <Space direction="vertical" size={2}>
                <Link to={`/candidates/${c.id}`} testId="candidate-link">
                  {c.name ?? '—'}
                </Link>
                <StateTag state={c.state} />
              </Space>
            ),
          },
          {
            title: '进度',
            width: 220,
            render: (_, c) => {
              const all = [...selectionRules, ...c.rules].filter((r, i, a) => a.findIndex((x) => x.rule === r.rule) === i);
              return (
                <div data-testid="group-scores">
                  {groupScores(all)
                    .filter((g) => ['ten_haves', 'seven_talks', 'six_consultations', 'six_checks', 'three_notices', 'five_competitions'].includes(g.group))
                    .map((g) => (
                      <Tag key={g.group} color={g.done === g.total ? 'green' : 'red'} className="group-score">
                        {g.label} {g.done}/{g.total}
                      </Tag>
                    ))}
                </div>
              );
            },
          },
          {
            title: '规则（点击查看依据或录入）',
            render: (_, c) => (
              <div>
                {c.rules.map((r) => (
                  <RuleChip key={r.rule} rule={r.rule} status={r.status} href={ruleHref(r.rule, selection.id, c.id, r.evidence)} />
                ))}
              </div>
            ),
          },
        ]}
      />
    </>
  );
}

export function SelectionPage({ id }: { id: string }) {
  const { has } = useAuth();
  const { path, query } = useLocation();
  const tab = (query.get('tab') ?? 'checklist') as SelectionTab;
  const sel = useLoad(() => api.get<Selection>(`/api/selections/${id}`), [id]);
  const chk = useLoad(() => api.get<Checklist>(`/api/selections/${id}/checklist`), [id]);
  const version = sel.data?.rulebookVersion;
  const rb = useLoad(() => (version ? api.get<Rulebook>(`/api/rulebooks/${encodeURIComponent(version)}`) : Promise.resolve(undefined)), [version]);
  const reload = () => {
    sel.reload();
    chk.reload();
  };
  const admin = has('org_admin');
  // The record and the remarks: the department, the auditors and the supervisors (the API checks the assignment).
  const recordReader = has('org_admin', 'audit_admin', 'supervisor');
  const s = sel.data;
  const c = chk.data;
  const setTab = (t: string) => navigate(`${path}?tab=${t}`);

  return (
    <Loading loading={(sel.loading && !s) || (chk.loading && !c)} error={sel.error ?? chk.error}>
      {s && c && (
        <Card
          title={
            <Space wrap>
              <span data-testid="selection-title">{s.title}</span>
              <Tag color="red" data-testid="selection-stage">
                {STAGE_LABELS[s.stage]}
              </Tag>
            </Space>
          }
          extra={
            <Space wrap>
              {!admin && has('supervisor') && <Tag color="gold">义务监督（只读）</Tag>}
              {recordReader && (
                <Link to={`/selections/${s.id}/record`} testId="open-record">
                  纪实
                </Link>
              )}
              <Typography.Text type="secondary">规则版本 {s.rulebookVersion}</Typography.Text>
            </Space>
          }
        >
          <StageFlow stage={c.stage} rulebook={rb.data} gateOk={c.next ? c.gate.ok : null} />
          {admin && <AdvancePanel selection={s} checklist={c} onDone={reload} />}
          <Tabs
            // A tab this role does not have (a link from a rule chip) falls back to the checklist.
            activeKey={tab === 'checklist' || tab === 'overview' || (tab === 'supervision' && recordReader) || admin ? tab : 'checklist'}
            onChange={setTab}
            items={[
              { key: 'checklist', label: '规则清单', children: <ChecklistTab selection={s} checklist={c} /> },
              { key: 'overview', label: '概况', children: <Overview selection={s} /> },
              ...(recordReader ? [{ key: 'supervision', label: '义务监督', children: <SupervisionTab selection={s} onSaved={reload} /> }] : []),
              ...(admin
                ? [
                    { key: 'motion', label: '动议', children: <MotionTab selection={s} onSaved={reload} /> },
                    { key: 'workplan', label: '工作方案与考察组', children: <WorkPlanTab selection={s} onSaved={reload} /> },
                    { key: 'candidates', label: '提名人选', children: <CandidatesTab selection={s} onSaved={reload} /> },
                    { key: 'recommendation', label: '民主推荐', children: <RecommendationTab selection={s} onSaved={reload} /> },
                    { key: 'targets', label: '确定考察对象', children: <TargetsTab selection={s} onSaved={reload} /> },
                    { key: 'notices', label: '公示', children: <NoticesTab selection={s} onSaved={reload} /> },
                    { key: 'waivers', label: '豁免', children: <WaiversTab selection={s} rulebook={rb.data} onSaved={reload} /> },
                    { key: 'decision', label: '酝酿与票决', children: <DecisionTab selection={s} onSaved={reload} /> },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
    </Loading>
  );
}

function Overview({ selection: s }: { selection: Selection }) {
  return (
    <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
      <Descriptions.Item label="阶段">{STAGE_LABELS[s.stage]}</Descriptions.Item>
      <Descriptions.Item label="进入本阶段">{fmtTime(s.stageChangedAt)}</Descriptions.Item>
      <Descriptions.Item label="职位">{s.posts.map((p) => `${p.title}（${p.count}名）`).join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label="考察组">{s.team.map((t) => t.name).join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label="动议" span={2}>
        {s.motion ? `${s.motion.direction}（${s.motion.proposedBy}）` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label="人选" span={2}>
        {s.candidates.map((c) => (
          <Space key={c.id} style={{ marginRight: 12 }}>
            <Link to={`/candidates/${c.id}`}>{c.name}</Link>
            <StateTag state={c.state} />
          </Space>
        ))}
      </Descriptions.Item>
    </Descriptions>
  );
}
