import { App as AntApp, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Radio, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AttendanceActivity, AttendanceView, RemarkKind, RemarkView, RemarksService, SupervisorsService, SupervisorView } from '@app/supervision';
import { ALL_STAGES, STAGE_LABELS, type Stage } from '@app/rulebook';
import { api, fetchFile, saveAs, type ApiErrorBody, type Json } from '../api';
import { useAuth } from '../auth';
import { Link, navigate, useLocation } from '../router';
import { asApiError, ErrorAlert, fmtTime, Loading, required, StateTag, toInstant, useLoad } from '../ui';
import { useSubmit } from './SelectionForms';
import type { Selection } from './SelectionPage';

export type Remark = Json<RemarkView>;
type Attendance = Json<AttendanceView>;
type Assigned = Json<Awaited<ReturnType<SupervisorsService['assignedTo']>>>;
type RemarkPage = Json<Awaited<ReturnType<RemarksService['page']>>>;

const REMARK_KINDS: { value: RemarkKind; label: string }[] = [
  { value: 'question', label: '询问' },
  { value: 'objection', label: '异议' },
  { value: 'procedure', label: '程序意见' },
];
const KIND_COLORS: Record<RemarkKind, string> = { question: 'blue', objection: 'red', procedure: 'purple' };

const ACTIVITIES: { value: AttendanceActivity; label: string }[] = [
  { value: 'interview', label: '个别谈话' },
  { value: 'recommendation_meeting', label: '会议推荐' },
  { value: 'talk_recommendation', label: '谈话推荐' },
  { value: 'target_meeting', label: '确定考察对象会议' },
  { value: 'deliberation', label: '酝酿' },
  { value: 'vote_count', label: '计票' },
  { value: 'other', label: '其他' },
];

/** Query-string state of a list screen: filters and the page live in the URL, so a link opens the same list. */
export function useQueryState() {
  const { path, query } = useLocation();
  const set = (next: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams(query);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '') q.delete(k);
      else q.set(k, String(v));
    }
    navigate(`${path}?${q.toString()}`);
  };
  return { query, set };
}

// ---- a supervisor's assignments ----------------------------------------------------------------

export function SupervisorSelections() {
  const { query, set } = useQueryState();
  const stage = (query.get('stage') ?? undefined) as Stage | undefined;
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 20);
  const list = useLoad(() => api.get<Assigned>('/api/supervision/selections', { stage, page, pageSize }), [stage, page, pageSize]);
  type Row = Assigned['items'][number];
  return (
    <Card
      title="监督的选任工作"
      extra={
        <Select
          allowClear
          placeholder="按阶段筛选"
          style={{ width: 180 }}
          value={stage}
          onChange={(v?: Stage) => set({ stage: v, page: 1 })}
          options={ALL_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
          data-testid="stage-filter"
        />
      }
    >
      <Typography.Paragraph type="secondary">
        作为义务监督员，您可以查阅所分配选任工作的规则清单和考察材料（带水印的编号副本），并对人选或程序提出意见；组织部须逐条答复。
      </Typography.Paragraph>
      <Loading loading={list.loading && !list.data} error={list.error}>
        <Table<Row>
          rowKey="id"
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description="暂无分配给您的选任工作" /> }}
          pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 项`, onChange: (p, ps) => set({ page: p, pageSize: ps }) }}
          columns={[
            {
              title: '选任工作',
              dataIndex: 'title',
              render: (t: string, r) => (
                <Link to={`/selections/${r.id}`} testId="supervised-selection">
                  {t}
                </Link>
              ),
            },
            { title: '阶段', width: 130, render: (_, r) => <Tag color={r.stage === 'closed' ? 'default' : 'red'}>{r.stageLabel}</Tag> },
            {
              title: '人选',
              render: (_, r) => (
                <Space wrap size={4}>
                  {r.candidates.map((c) => (
                    <Space key={c.id} size={2}>
                      <Link to={`/candidates/${c.id}`}>{c.name ?? '—'}</Link>
                      <StateTag state={c.state} />
                    </Space>
                  ))}
                </Space>
              ),
            },
            {
              title: '监督意见',
              width: 150,
              render: (_, r) => (
                <Link to={`/selections/${r.id}?tab=supervision`}>
                  {r.remarks.total} 条{r.remarks.unanswered > 0 && <Tag color="orange" style={{ marginLeft: 6 }}>{r.remarks.unanswered} 条待答复</Tag>}
                </Link>
              ),
            },
            { title: '分配时间', width: 170, render: (_, r) => fmtTime(r.assignedAt) },
          ]}
        />
      </Loading>
    </Card>
  );
}

// ---- remarks -------------------------------------------------------------------------------------

interface RemarkForm {
  target: string;
  kind: RemarkKind;
  content: string;
}

/** A supervisor's remark on the selection as a whole or on one candidate. */
export function NewRemark({ selection, candidateId, onSaved }: { selection: Pick<Selection, 'id' | 'candidates'>; candidateId?: string; onSaved: () => void }) {
  const [form] = Form.useForm<RemarkForm>();
  const { submit, error, busy } = useSubmit<RemarkForm>(
    form,
    (v) => api.post<Remark>(v.target === 'selection' ? `/api/selections/${selection.id}/remarks` : `/api/candidates/${v.target}/remarks`, { kind: v.kind, content: v.content }),
    () => {
      form.resetFields(['content']);
      onSaved();
    },
    '意见已提交，组织部将逐条答复',
  );
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ target: candidateId ?? 'selection', kind: 'question' }} style={{ maxWidth: 760 }} data-testid="remark-form">
      <ErrorAlert error={error} />
      <Space wrap>
        <Form.Item name="target" label="针对" rules={required('对象')}>
          <Select
            style={{ width: 220 }}
            data-testid="remark-target"
            options={[{ value: 'selection', label: '选任工作（程序）' }, ...selection.candidates.map((c) => ({ value: c.id, label: `人选：${c.name ?? '—'}` }))]}
          />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Radio.Group options={REMARK_KINDS} optionType="button" data-testid="remark-kind" />
        </Form.Item>
      </Space>
      <Form.Item name="content" label="意见内容" rules={required('意见内容')}>
        <Input.TextArea rows={3} maxLength={4000} showCount placeholder="如：建议核实该同志在原单位期间的信访情况" data-testid="remark-content" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="remark-submit">
        提交意见
      </Button>
    </Form>
  );
}

/** One text box and a button: the department's answer or the supervisor's follow-up. */
function ReplyForm({ path, label, placeholder, testId, onSaved }: { path: string; label: string; placeholder: string; testId: string; onSaved: () => void }) {
  const [form] = Form.useForm<{ content: string }>();
  const { submit, error, busy } = useSubmit<{ content: string }>(form, (v) => api.post(path, v), onSaved, `${label}已提交`);
  return (
    <Form form={form} onFinish={submit} layout="vertical" style={{ marginTop: 8 }}>
      <ErrorAlert error={error} />
      <Form.Item name="content" rules={required(label)} style={{ marginBottom: 8 }}>
        <Input.TextArea rows={2} maxLength={4000} placeholder={placeholder} data-testid={`${testId}-input`} />
      </Form.Item>
      <Button type="primary" size="small" htmlType="submit" loading={busy} data-testid={`${testId}-submit`}>
        {label}
      </Button>
    </Form>
  );
}

function RemarkItem({ remark, byId, canAnswer, canFollowUp, onSaved, depth = 0 }: { remark: Remark; byId: Map<string, Remark>; canAnswer: boolean; canFollowUp: boolean; onSaved: () => void; depth?: number }) {
  const [following, setFollowing] = useState(false);
  const followUps = remark.followUpIds.map((id) => byId.get(id)).filter((r): r is Remark => !!r);
  return (
    <div className={`remark${depth > 0 ? ' remark-follow-up' : ''}`} data-testid="remark" data-remark-id={remark.id} data-answered={remark.answered ? 'yes' : 'no'}>
      <Space wrap size={6} style={{ marginBottom: 4 }}>
        {depth > 0 && <Tag>追问</Tag>}
        <Tag color={KIND_COLORS[remark.kind]}>{remark.kindLabel}</Tag>
        <Typography.Text strong>{remark.candidateName ? `人选：${remark.candidateName}` : '选任工作（程序）'}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {remark.filedBy.name} · {fmtTime(remark.filedAt)} · 提出时处于「{STAGE_LABELS[remark.stage as Stage] ?? remark.stage}」
        </Typography.Text>
        {!remark.answered && <Tag color="orange">待答复</Tag>}
      </Space>
      <Typography.Paragraph style={{ marginBottom: 6, whiteSpace: 'pre-wrap' }} data-testid="remark-text">
        {remark.content}
      </Typography.Paragraph>
      {remark.answer ? (
        <div className="remark-answer" data-testid="remark-answer">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            组织部答复（{remark.answer.answeredBy.name}，{fmtTime(remark.answer.answeredAt)}）
          </Typography.Text>
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{remark.answer.content}</Typography.Paragraph>
        </div>
      ) : (
        canAnswer && <ReplyForm path={`/api/remarks/${remark.id}/answer`} label="答复" placeholder="答复后不能修改；监督员可以追问" testId="remark-answer" onSaved={onSaved} />
      )}
      {canFollowUp && remark.answered && followUps.length === 0 && (
        <div style={{ marginTop: 6 }}>
          {following ? (
            <ReplyForm path={`/api/remarks/${remark.id}/follow-up`} label="追问" placeholder="对答复仍有疑问的，可以追问" testId="follow-up" onSaved={() => (setFollowing(false), onSaved())} />
          ) : (
            <Button size="small" onClick={() => setFollowing(true)} data-testid="follow-up">
              追问
            </Button>
          )}
        </div>
      )}
      {followUps.map((f) => (
        <RemarkItem key={f.id} remark={f} byId={byId} canAnswer={canAnswer} canFollowUp={canFollowUp} onSaved={onSaved} depth={depth + 1} />
      ))}
    </div>
  );
}

/** The remarks of a selection, each with its answer and follow-ups: supervisors file and follow up, the department answers. */
export function RemarksPanel({ selection }: { selection: Selection }) {
  const { has, user } = useAuth();
  const remarks = useLoad(() => api.get<{ items: Remark[] }>(`/api/selections/${selection.id}/remarks`), [selection.id]);
  const [only, setOnly] = useState<'all' | 'open'>('all');
  // Only a supervisor assigned to this selection files and follows up (the API answers 404 to others).
  const supervisor = has('supervisor') && selection.supervisors.some((s) => s.userId === user?.id);
  const canAnswer = has('org_admin');
  const items = remarks.data?.items ?? [];
  const byId = new Map(items.map((r) => [r.id, r]));
  // A thread is open while any remark in it awaits an answer.
  const open = (r: Remark): boolean => !r.answered || r.followUpIds.some((id) => byId.has(id) && open(byId.get(id)!));
  const roots = items.filter((r) => !r.followsUpId || !byId.has(r.followsUpId)).filter((r) => only === 'all' || open(r));
  const unanswered = items.filter((r) => !r.answered).length;
  const reload = () => remarks.reload();
  return (
    <>
      {supervisor && selection.stage !== 'closed' && (
        <Card size="small" title="提出监督意见" style={{ marginBottom: 16 }}>
          <NewRemark selection={selection} onSaved={reload} />
        </Card>
      )}
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented
          value={only}
          onChange={(v) => setOnly(v as 'all' | 'open')}
          options={[
            { value: 'all', label: `全部（${items.length}）` },
            { value: 'open', label: `待答复（${unanswered}）` },
          ]}
          data-testid="remark-filter"
        />
        {unanswered > 0 && <Typography.Text type="warning">有未答复的意见时，不能进入讨论前酝酿。</Typography.Text>}
      </Space>
      <Loading loading={remarks.loading && !remarks.data} error={remarks.error}>
        {roots.length === 0 ? (
          <Empty description={only === 'open' ? '没有待答复的意见' : '尚无监督意见'} />
        ) : (
          <div data-testid="remarks">
            {roots.map((r) => (
              <RemarkItem key={r.id} remark={r} byId={byId} canAnswer={canAnswer} canFollowUp={supervisor} onSaved={reload} />
            ))}
          </div>
        )}
      </Loading>
    </>
  );
}

// ---- supervisors of a selection and who attended what ----------------------------------------------

type SupervisorList = Json<{ items: SupervisorView[]; units: { id: string; name: string; supervisors: number }[] }>;

function AssignSupervisors({ selection, onSaved }: { selection: Selection; onSaved: () => void }) {
  const { message } = AntApp.useApp();
  const all = useLoad(() => api.get<SupervisorList>('/api/supervisors'), []);
  const [value, setValue] = useState<string[]>(selection.supervisors.map((s) => s.userId));
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/selections/${selection.id}/supervisors`, { userIds: value });
      void message.success('义务监督员已调整');
      onSaved();
    } catch (e) {
      const err = asApiError(e);
      const names = new Map((all.data?.items ?? []).map((s) => [s.id, s.displayName]));
      // `userIds.2` → the name of the third picked account.
      const fields = (err.body.errors ?? []).map((f) => {
        const i = /^userIds\.(\d+)$/.exec(f.field)?.[1];
        return i === undefined ? `${f.field}：${f.message}` : `${names.get(value[Number(i)]) ?? '所选账号'}：${f.message}`;
      });
      setError({ ...err.body, message: fields.length ? fields.join('；') : err.message });
    } finally {
      setBusy(false);
    }
  };
  const options = (all.data?.items ?? [])
    .filter((s) => s.active || value.includes(s.id))
    .map((s) => ({
      value: s.id,
      label: `${s.displayName}（${s.unit?.name ?? s.profile?.affiliation ?? '个人'}${s.openAssignments ? `，监督中 ${s.openAssignments} 项` : ''}）`,
    }));
  return (
    <div data-testid="assign-supervisors">
      <ErrorAlert error={error ?? all.error} onClose={() => setError(null)} />
      <Space.Compact style={{ width: '100%', maxWidth: 760 }}>
        <Select
          mode="multiple"
          style={{ width: '100%' }}
          value={value}
          onChange={setValue}
          loading={all.loading}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择义务监督员（可多选）"
          disabled={selection.stage === 'closed'}
          data-testid="supervisor-picker"
        />
        <Button type="primary" onClick={() => void save()} loading={busy} disabled={selection.stage === 'closed'} data-testid="supervisors-save">
          保存
        </Button>
      </Space.Compact>
    </div>
  );
}

interface AttendanceForm {
  supervisorUserIds: string[];
  activity: AttendanceActivity;
  recordId?: string;
  heldAt: Dayjs;
  note?: string;
}

/** The records of this selection an activity can point at (interviews are per candidate and stay unlinked here). */
function recordOptions(s: Selection, activity: AttendanceActivity | undefined): { value: string; label: string }[] {
  switch (activity) {
    case 'recommendation_meeting':
    case 'talk_recommendation':
      return s.recommendations
        .filter((r) => (activity === 'recommendation_meeting' ? r.kind === 'meeting' : r.kind === 'talk'))
        .map((r) => ({ value: r.id, label: `${r.kind === 'meeting' ? '会议推荐' : '谈话推荐'} ${fmtTime(r.heldAt)}` }));
    case 'target_meeting':
      return s.targetMeeting ? [{ value: s.targetMeeting.id, label: `确定考察对象会议 ${fmtTime(s.targetMeeting.heldAt)}` }] : [];
    case 'deliberation':
      return s.deliberation ? [{ value: s.deliberation.id, label: `酝酿 ${fmtTime(s.deliberation.heldAt)}` }] : [];
    case 'vote_count':
      return s.votes.map((v) => ({ value: v.id, label: `第 ${v.round} 轮票决 ${fmtTime(v.heldAt)}` }));
    default:
      return [];
  }
}

function AttendanceRecord({ selection, onSaved }: { selection: Selection; onSaved: () => void }) {
  const [form] = Form.useForm<AttendanceForm>();
  const activity = Form.useWatch('activity', form);
  const records = recordOptions(selection, activity);
  const { submit, error, busy } = useSubmit<AttendanceForm>(
    form,
    (v) => api.post<Attendance>(`/api/selections/${selection.id}/supervisor-attendance`, { ...v, heldAt: toInstant(v.heldAt) }),
    () => {
      form.resetFields();
      onSaved();
    },
    '参加情况已记录',
  );
  if (selection.supervisors.length === 0) return <Typography.Paragraph type="secondary">先分配义务监督员，再记录其参加情况。</Typography.Paragraph>;
  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 900 }} data-testid="attendance-form">
      <ErrorAlert error={error} />
      <Space wrap align="start">
        <Form.Item name="supervisorUserIds" label="参加的义务监督员" rules={required('义务监督员')}>
          <Select mode="multiple" style={{ minWidth: 240 }} options={selection.supervisors.map((s) => ({ value: s.userId, label: s.name }))} data-testid="attendance-supervisors" />
        </Form.Item>
        <Form.Item name="activity" label="活动" rules={required('活动')}>
          <Select style={{ width: 180 }} options={ACTIVITIES} onChange={() => form.setFieldValue('recordId', undefined)} data-testid="attendance-activity" />
        </Form.Item>
        {records.length > 0 && (
          <Form.Item name="recordId" label="对应记录（可选）">
            <Select allowClear style={{ width: 260 }} options={records} />
          </Form.Item>
        )}
        <Form.Item name="heldAt" label="时间" rules={required('时间')}>
          <DatePicker showTime data-testid="attendance-heldAt" />
        </Form.Item>
      </Space>
      <Form.Item name="note" label="备注">
        <Input placeholder="如：全程列席" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="attendance-submit">
        记录参加情况
      </Button>
    </Form>
  );
}

function AttendanceList({ selectionId, tick }: { selectionId: string; tick: number }) {
  const list = useLoad(() => api.get<{ items: Attendance[] }>(`/api/selections/${selectionId}/supervisor-attendance`), [selectionId, tick]);
  return (
    <Table<Attendance>
      size="small"
      rowKey="id"
      pagination={false}
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: list.error ? list.error.message : '尚无参加记录' }}
      scroll={{ x: 700 }}
      columns={[
        { title: '时间', width: 170, render: (_, a) => fmtTime(a.heldAt) },
        { title: '活动', width: 140, dataIndex: 'activityLabel' },
        { title: '义务监督员', render: (_, a) => a.supervisors.map((s) => s.name).join('、') },
        { title: '备注', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
        { title: '记录人', width: 140, render: (_, a) => a.recordedBy.name },
      ]}
    />
  );
}

/** The 监督 tab: remarks for everyone who may read them; assignment and attendance for the department. */
export function SupervisionTab({ selection, onSaved }: { selection: Selection; onSaved: () => void }) {
  const { has } = useAuth();
  const [tick, setTick] = useState(0);
  const admin = has('org_admin');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {admin && (
        <Card size="small" title="义务监督员">
          <AssignSupervisors key={selection.supervisors.map((s) => s.userId).join()} selection={selection} onSaved={onSaved} />
        </Card>
      )}
      {!admin && selection.supervisors.length > 0 && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="义务监督员">{selection.supervisors.map((s) => s.name).join('、')}</Descriptions.Item>
        </Descriptions>
      )}
      <Card size="small" title="监督意见与答复">
        <RemarksPanel selection={selection} />
      </Card>
      <Card size="small" title="义务监督员参加情况">
        <AttendanceList selectionId={selection.id} tick={tick} />
        {admin && selection.stage !== 'closed' && (
          <div style={{ marginTop: 16 }}>
            <Typography.Title level={5}>记录参加情况</Typography.Title>
            <AttendanceRecord selection={selection} onSaved={() => setTick((n) => n + 1)} />
          </div>
        )}
      </Card>
    </Space>
  );
}

// ---- the watermarked dossier copy ----------------------------------------------------------------

/** Downloads a numbered, watermarked copy of the candidate's dossier (rendered for this reader). */
export function DossierCopy({ candidateId, name }: { candidateId: string; name: string | null }) {
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<{ url: string; filename: string; copy: string | null } | null>(null);
  const { message } = AntApp.useApp();
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await fetchFile(`/api/supervision/candidates/${candidateId}/dossier.pdf`);
      if (last) URL.revokeObjectURL(last.url);
      const filename = file.filename ?? `考察材料-${name ?? ''}-副本.pdf`;
      setLast({ url: file.url, filename, copy: file.headers.get('x-copy-number') });
      saveAs(file.url, filename);
      void message.success('副本已生成并下载');
    } catch (e) {
      setError(asApiError(e).body);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="dossier-copy">
      <Typography.Paragraph type="secondary">
        副本按您的姓名、时间和份号逐页加水印，并登记在案；正式文本及其签章不受影响。
      </Typography.Paragraph>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Space wrap>
        <Button type="primary" onClick={() => void download()} loading={busy} data-testid="dossier-copy-download">
          下载考察材料（水印副本）
        </Button>
        {last && (
          <>
            <Tag color="blue" data-testid="dossier-copy-number">
              第 {last.copy ?? '?'} 份副本
            </Tag>
            <a href={last.url} target="_blank" rel="noreferrer">
              在新窗口打开
            </a>
          </>
        )}
      </Space>
    </div>
  );
}

// ---- the department's list of remarks across selections --------------------------------------------

export function RemarksAdmin() {
  const { query, set } = useQueryState();
  const answered = query.get('answered') ?? 'false';
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 20);
  const list = useLoad(
    () => api.get<RemarkPage>('/api/remarks', { answered: answered === 'all' ? undefined : answered, page, pageSize }),
    [answered, page, pageSize],
  );
  type Row = RemarkPage['items'][number];
  return (
    <Card
      title="义务监督意见"
      extra={
        <Segmented
          value={answered}
          onChange={(v) => set({ answered: String(v), page: 1 })}
          options={[
            { value: 'false', label: '待答复' },
            { value: 'true', label: '已答复' },
            { value: 'all', label: '全部' },
          ]}
          data-testid="remarks-filter"
        />
      }
    >
      <Loading loading={list.loading && !list.data} error={list.error}>
        <Table<Row>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 960 }}
          pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 条`, onChange: (p, ps) => set({ page: p, pageSize: ps }) }}
          columns={[
            { title: '提出时间', width: 170, render: (_, r) => fmtTime(r.filedAt) },
            { title: '选任工作', width: 220, render: (_, r) => <Link to={`/selections/${r.selectionId}?tab=supervision`}>{r.selectionTitle}</Link> },
            { title: '针对', width: 140, render: (_, r) => (r.candidateId ? <Link to={`/candidates/${r.candidateId}`}>{r.candidateName ?? '人选'}</Link> : '程序') },
            { title: '类型', width: 90, render: (_, r) => <Tag color={KIND_COLORS[r.kind]}>{r.kindLabel}</Tag> },
            { title: '内容', dataIndex: 'content', ellipsis: true },
            { title: '监督员', width: 100, render: (_, r) => r.filedBy.name },
            {
              title: '答复',
              width: 110,
              render: (_, r) => (r.answered ? <Tag color="green">已答复</Tag> : <Link to={`/selections/${r.selectionId}?tab=supervision`}>去答复</Link>),
            },
          ]}
        />
      </Loading>
    </Card>
  );
}

