import { Alert, App as AntApp, Button, Checkbox, DatePicker, Divider, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Switch, Table, Tag, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { UnitResponseDto, UserDirectoryEntry } from '@app/identity';
import type { NoticeView } from '@app/notices';
import type { CadreListView, CadreResponse, MotionDto, VoteCloseResult, VoteView, WaiverView } from '@app/workflow';
import { isInPlay, NOTICE_KIND_LABELS, NOTICE_KINDS, RULES, type GateUnmet, type NoticeKind } from '@app/rulebook';
import { api, type ApiErrorBody, type Json, type Page } from '../api';
import { UnmetList } from '../rules';
import { applyApiError, asApiError, ErrorAlert, fmtTime, required, StateTag, toInstant, useLoad } from '../ui';
import type { Rulebook, Selection } from './SelectionPage';

interface TabProps {
  selection: Selection;
  onSaved: () => void;
}

/** Submits a form to the API; field errors go on the fields, the rest above the form. */
export function useSubmit<V>(form: FormInstance, send: (v: V) => Promise<unknown>, done: (r: unknown) => void, okText = '已保存', aliases: Record<string, string> = {}) {
  const { message } = AntApp.useApp();
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: V) => {
    setBusy(true);
    setError(null);
    try {
      const r = await send(v);
      void message.success(okText);
      done(r);
    } catch (e) {
      setError(applyApiError(form, e, aliases));
    } finally {
      setBusy(false);
    }
  };
  return { submit, error, setError, busy };
}

const inPlay = (s: Selection) => s.candidates.filter((c) => isInPlay(c.state));

export function MotionTab({ selection, onSaved }: TabProps) {
  const [form] = Form.useForm<MotionDto>();
  const [violations, setViolations] = useState<Json<GateUnmet>[] | null>(null);
  const { submit, error, busy } = useSubmit<MotionDto>(
    form,
    async (v) => {
      setViolations(null);
      try {
        return await api.post(`/api/selections/${selection.id}/motion`, v);
      } catch (e) {
        const err = asApiError(e);
        if (err.code === 'THREE_NOTS_VIOLATED' && err.body.unmet) setViolations(err.body.unmet);
        throw e;
      }
    },
    onSaved,
    '动议已记录',
  );
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={selection.motion ?? undefined} style={{ maxWidth: 760 }} data-testid="motion-form">
      <Typography.Paragraph type="secondary">三提三不提：只提选拔方向、人选标准和选拔要求，不提具体职位、具体人选和选拔范围。</Typography.Paragraph>
      <ErrorAlert error={error} />
      {violations && (
        <UnmetList unmet={violations} selectionId={selection.id} names={new Map()} title="动议不符合「三提三不提」" />
      )}
      <Form.Item name="direction" label="选拔方向" rules={required('选拔方向')}>
        <Input.TextArea rows={2} data-testid="motion-direction" />
      </Form.Item>
      <Form.Item name="criteria" label="人选标准" rules={required('人选标准')}>
        <Input.TextArea rows={2} data-testid="motion-criteria" />
      </Form.Item>
      <Form.Item name="requirements" label="选拔要求" rules={required('选拔要求')}>
        <Input.TextArea rows={2} data-testid="motion-requirements" />
      </Form.Item>
      <Form.Item name="proposedBy" label="动议提出人" rules={required('动议提出人')}>
        <Input placeholder="如：县委书记 赵某" data-testid="motion-proposedBy" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="motion-submit">
        记录动议
      </Button>
    </Form>
  );
}

/** Active accounts with a role, searched on the server. */
export function UserPicker({ role, value, onChange, multiple, testId }: { role: 'inspector' | 'committee_member'; value?: string | string[]; onChange?: (v: string | string[]) => void; multiple?: boolean; testId?: string }) {
  const [q, setQ] = useState('');
  const { data, loading } = useLoad(() => api.get<Page<UserDirectoryEntry>>('/api/users/directory', { role, q, pageSize: 50 }), [role, q]);
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={loading}
      placeholder="输入姓名查找"
      options={(data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
      data-testid={testId}
    />
  );
}

export function UnitSelect({
  value,
  onChange,
  testId,
  kind,
  allowClear,
}: {
  value?: string;
  onChange?: (v: string) => void;
  testId?: string;
  /** Only units of this kind (e.g. `community` for 居住地社区). */
  kind?: UnitResponseDto['kind'];
  allowClear?: boolean;
}) {
  const { data } = useLoad(() => api.get<Json<UnitResponseDto>[]>('/api/units'), []);
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      placeholder="选择单位"
      options={(data ?? []).filter((u) => !kind || u.kind === kind).map((u) => ({ value: u.id, label: u.name }))}
      data-testid={testId}
    />
  );
}

interface WorkPlanForm {
  posts: { id?: string; title: string; unitId: string; count: number }[];
  conditions: string;
  pool: string;
  method: string;
  timetable: string;
  teamUserIds: string[];
}

export function WorkPlanTab({ selection: s, onSaved }: TabProps) {
  const [form] = Form.useForm<WorkPlanForm>();
  const { submit, error, busy } = useSubmit<WorkPlanForm>(form, (v) => api.put(`/api/selections/${s.id}/work-plan`, v), onSaved, '工作方案已保存');
  const initial: Partial<WorkPlanForm> = {
    posts: s.posts.length ? s.posts.map((p) => ({ id: p.id, title: p.title, unitId: p.unitId, count: p.count })) : [{ title: '', unitId: '', count: 1 }],
    conditions: s.workPlan?.conditions,
    pool: s.workPlan?.pool,
    method: s.workPlan?.method,
    timetable: s.workPlan?.timetable,
    teamUserIds: s.team.map((t) => t.userId),
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} style={{ maxWidth: 900 }} data-testid="workplan-form">
      <ErrorAlert error={error} />
      <Typography.Title level={5}>职位</Typography.Title>
      <Form.List name="posts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item name={[f.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[f.name, 'title']} label="职位名称" rules={required('职位名称')}>
                  <Input style={{ width: 220 }} data-testid={`post-title-${f.name}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'unitId']} label="单位" rules={required('单位')}>
                  <UnitSelect testId={`post-unit-${f.name}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'count']} label="职数" rules={required('职数')}>
                  <InputNumber min={1} max={50} data-testid={`post-count-${f.name}`} />
                </Form.Item>
                {fields.length > 1 && (
                  <Button danger type="link" onClick={() => remove(f.name)} style={{ marginTop: 30 }}>
                    删除
                  </Button>
                )}
              </Space>
            ))}
            <Button onClick={() => add({ count: 1 })} style={{ marginBottom: 16 }}>
              增加职位
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="conditions" label="任职条件" rules={required('任职条件')}>
        <Input.TextArea rows={2} data-testid="wp-conditions" />
      </Form.Item>
      <Form.Item name="pool" label="选拔范围" rules={required('选拔范围')}>
        <Input.TextArea rows={2} data-testid="wp-pool" />
      </Form.Item>
      <Form.Item name="method" label="方法步骤" rules={required('方法步骤')}>
        <Input.TextArea rows={2} data-testid="wp-method" />
      </Form.Item>
      <Form.Item name="timetable" label="时间安排" rules={required('时间安排')}>
        <Input data-testid="wp-timetable" />
      </Form.Item>
      <Form.Item name="teamUserIds" label="考察组成员（至少 2 人）">
        <UserPicker role="inspector" multiple testId="wp-team" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="workplan-submit">
        保存工作方案
      </Button>
    </Form>
  );
}

interface NominateForm {
  cadreId: string;
  nominator: { name: string; post: string; team: string };
  responsibilityStatement: string;
  proposedPostId?: string;
}

/** The cadre registry, searched by name on the server. */
function CadreSearch({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const [q, setQ] = useState('');
  const { data, loading } = useLoad(() => api.get<Json<CadreListView>>('/api/cadres', { q, pageSize: 20 }), [q]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={loading}
      placeholder="输入姓名查找干部库"
      notFoundContent={loading ? '查找中…' : '干部库中没有匹配的干部'}
      options={(data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}　${c.currentPost}（${c.birthDate.slice(0, 7)}）` }))}
      data-testid="cadre-search"
    />
  );
}

export function CandidatesTab({ selection: s, onSaved }: TabProps) {
  const [form] = Form.useForm<NominateForm>();
  const [newCadre, setNewCadre] = useState(false);
  const { submit, error, busy } = useSubmit<NominateForm>(
    form,
    (v) => api.post(`/api/selections/${s.id}/candidates`, v),
    () => {
      form.resetFields(['cadreId']);
      onSaved();
    },
    '已提名',
  );
  const [reason, setReason] = useState('');
  const act = async (cid: string, what: 'withdraw' | 'drop') => {
    await api.post(`/api/selections/${s.id}/candidates/${cid}/${what}`, { reason });
    onSaved();
  };
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={s.candidates}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '状态', render: (_, c) => <StateTag state={c.state} /> },
          { title: '初始提名责任人', render: (_, c) => `${c.nominator.name}（${c.nominator.post}，${c.nominator.team}）` },
          { title: '说明', dataIndex: 'stateReason' },
          {
            title: '操作',
            render: (_, c) =>
              isInPlay(c.state) && (
                <Space>
                  {(['withdraw', 'drop'] as const).map((what) => (
                    <Popconfirm
                      key={what}
                      title={what === 'withdraw' ? '记录人选退出' : '列为未入选'}
                      description={<Input placeholder="理由（必填）" onChange={(e) => setReason(e.target.value)} />}
                      onConfirm={() => act(c.id, what)}
                    >
                      <Button size="small">{what === 'withdraw' ? '退出' : '未入选'}</Button>
                    </Popconfirm>
                  ))}
                </Space>
              ),
          },
        ]}
      />
      <Divider />
      <Typography.Title level={5}>提名人选（初始提名责任制）</Typography.Title>
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 760 }} data-testid="nominate-form" initialValues={{ nominator: { team: '' } }}>
        <ErrorAlert error={error} />
        <Form.Item label="干部" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="cadreId" noStyle rules={required('干部')}>
              <CadreSearch />
            </Form.Item>
            <Button onClick={() => setNewCadre(true)}>登记新干部</Button>
          </Space.Compact>
        </Form.Item>
        <Space wrap>
          <Form.Item name={['nominator', 'name']} label="初始提名责任人" rules={required('责任人姓名')}>
            <Input data-testid="nominator-name" />
          </Form.Item>
          <Form.Item name={['nominator', 'post']} label="职务" rules={required('职务')}>
            <Input data-testid="nominator-post" />
          </Form.Item>
          <Form.Item name={['nominator', 'team']} label="提名班子" rules={required('提名班子')}>
            <Input data-testid="nominator-team" />
          </Form.Item>
        </Space>
        {s.posts.length > 0 && (
          <Form.Item name="proposedPostId" label="拟任职位">
            <Select allowClear options={s.posts.map((p) => ({ value: p.id, label: p.title }))} />
          </Form.Item>
        )}
        <Form.Item name="responsibilityStatement" label="责任承诺" rules={required('责任承诺')}>
          <Input.TextArea rows={2} placeholder="本人对提名人选的政治素质、廉洁自律情况负责" data-testid="nominator-statement" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="nominate-submit">
          提名
        </Button>
      </Form>
      <NewCadre open={newCadre} onClose={() => setNewCadre(false)} onCreated={(c) => form.setFieldValue('cadreId', c.id)} />
    </>
  );
}

interface CadreForm {
  name: string;
  gender: 'male' | 'female';
  birthDate: Dayjs;
  idNumber: string;
  currentPost: string;
  unitId: string;
  communityUnitId?: string;
  posts: { unitId: string; title: string; from: Dayjs; to?: Dayjs }[];
}

function NewCadre({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (c: Json<CadreResponse>) => void }) {
  const [form] = Form.useForm<CadreForm>();
  const { submit, error, busy } = useSubmit<CadreForm>(
    form,
    (v) =>
      api.post<Json<CadreResponse>>('/api/cadres', {
        ...v,
        birthDate: v.birthDate?.format('YYYY-MM-DD'),
        posts: (v.posts ?? []).map((p) => ({ ...p, from: p.from?.format('YYYY-MM-DD'), to: p.to ? p.to.format('YYYY-MM-DD') : null })),
      }),
    (c) => {
      onCreated(c as Json<CadreResponse>);
      form.resetFields();
      onClose();
    },
    '已登记入干部库',
  );
  return (
    <Modal open={open} title="登记干部" onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} width={720}>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ gender: 'male', posts: [] }}>
        <Space wrap>
          <Form.Item name="name" label="姓名" rules={required('姓名')}>
            <Input />
          </Form.Item>
          <Form.Item name="gender" label="性别">
            <Select style={{ width: 90 }} options={[{ value: 'male', label: '男' }, { value: 'female', label: '女' }]} />
          </Form.Item>
          <Form.Item name="birthDate" label="出生日期" rules={required('出生日期')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="idNumber" label="身份证号码" rules={required('身份证号码')}>
            <Input style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="currentPost" label="现任职务" rules={required('现任职务')}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="unitId" label="所在单位" rules={required('所在单位')}>
            <UnitSelect />
          </Form.Item>
          <Form.Item name="communityUnitId" label="居住地社区" extra="征求意见时只征求该社区；未登记则征求全部社区">
            <UnitSelect kind="community" allowClear />
          </Form.Item>
        </Space>
        <Form.List name="posts">
          {(fields, { add, remove }) => (
            <>
              <Typography.Text strong>任职经历（此前单位各需一次延伸考察）</Typography.Text>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start">
                  <Form.Item name={[f.name, 'unitId']} rules={required('单位')}>
                    <UnitSelect />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={required('职务')}>
                    <Input placeholder="职务" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'from']} rules={required('开始日期')}>
                    <DatePicker placeholder="开始" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'to']}>
                    <DatePicker placeholder="结束（现任可空）" />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <div>
                <Button onClick={() => add()}>增加任职经历</Button>
              </div>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

interface CountsForm {
  heldAt: Dayjs;
  participants?: number;
  rows: { candidateId: string; n: number }[];
}

function CountsRecord({ selection: s, kind, onSaved }: TabProps & { kind: 'meeting' | 'talk' }) {
  const [form] = Form.useForm<CountsForm>();
  const list = inPlay(s);
  const alias = Object.fromEntries(list.map((_, i) => [kind === 'meeting' ? `tallies.${i}.candidateId` : `results.${i}.candidateId`, `rows.${i}.n`]));
  const { submit, error, busy } = useSubmit<CountsForm>(
    form,
    (v) =>
      kind === 'meeting'
        ? api.post(`/api/selections/${s.id}/recommendations/meeting`, { heldAt: toInstant(v.heldAt), participants: v.participants, tallies: v.rows.map((r) => ({ candidateId: r.candidateId, votes: r.n })) })
        : api.post(`/api/selections/${s.id}/recommendations/talk`, { heldAt: toInstant(v.heldAt), results: v.rows.map((r) => ({ candidateId: r.candidateId, mentions: r.n })) }),
    onSaved,
    '推荐结果已记录',
    alias,
  );
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ rows: list.map((c) => ({ candidateId: c.id, n: 0 })) }}
      data-testid={`rec-${kind}-form`}
      style={{ maxWidth: 640 }}
      key={list.map((c) => c.id).join()}
    >
      <Typography.Title level={5}>{kind === 'meeting' ? '会议推荐（大会民主推荐）' : '谈话推荐'}</Typography.Title>
      <ErrorAlert error={error} />
      <Space wrap>
        <Form.Item name="heldAt" label="时间" rules={required('时间')}>
          <DatePicker showTime data-testid={`rec-${kind}-heldAt`} />
        </Form.Item>
        {kind === 'meeting' && (
          <Form.Item name="participants" label="参会人数" rules={required('参会人数')}>
            <InputNumber min={1} data-testid="rec-meeting-participants" />
          </Form.Item>
        )}
      </Space>
      {list.map((c, i) => (
        <Space key={c.id} style={{ display: 'flex' }}>
          <Form.Item name={['rows', i, 'candidateId']} hidden>
            <Input />
          </Form.Item>
          <Form.Item name={['rows', i, 'n']} label={`${c.name}：${kind === 'meeting' ? '得票' : '被推荐次数'}`} rules={required('数字')}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
      ))}
      <Button htmlType="submit" type="primary" loading={busy} data-testid={`rec-${kind}-submit`}>
        记录
      </Button>
    </Form>
  );
}

export function RecommendationTab(props: TabProps) {
  return (
    <>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={props.selection.recommendations}
        columns={[
          { title: '方式', dataIndex: 'kind', render: (k: string) => (k === 'meeting' ? '会议推荐' : '谈话推荐') },
          { title: '时间', dataIndex: 'heldAt', render: (t: string) => fmtTime(t) },
          { title: '参会人数', dataIndex: 'participants' },
          {
            title: '结果',
            render: (_, r) => r.results.map((x) => `${props.selection.candidates.find((c) => c.id === x.candidateId)?.name ?? ''} ${x.count}`).join('，'),
          },
        ]}
      />
      <Divider />
      <CountsRecord {...props} kind="meeting" />
      <Divider />
      <CountsRecord {...props} kind="talk" />
    </>
  );
}

interface MeetingListForm {
  heldAt: Dayjs;
  minutes: string;
  candidateIds: string[];
}

function MeetingList({ selection: s, onSaved, path, title, testId }: TabProps & { path: 'target-meeting' | 'deliberation'; title: string; testId: string }) {
  const [form] = Form.useForm<MeetingListForm>();
  const { submit, error, busy } = useSubmit<MeetingListForm>(form, (v) => api.post(`/api/selections/${s.id}/${path}`, { ...v, heldAt: toInstant(v.heldAt) }), onSaved, '会议已记录');
  const list = inPlay(s);
  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 760 }} data-testid={testId} initialValues={{ candidateIds: list.map((c) => c.id) }}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <ErrorAlert error={error} />
      <Form.Item name="heldAt" label="会议时间" rules={required('会议时间')}>
        <DatePicker showTime />
      </Form.Item>
      <Form.Item name="minutes" label="会议记录" rules={required('会议记录')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="candidateIds" label="人选（未勾选者列为未入选）" rules={required('人选')}>
        <Checkbox.Group options={list.map((c) => ({ value: c.id, label: c.name ?? c.id }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        记录
      </Button>
    </Form>
  );
}

export function TargetsTab(props: TabProps) {
  const tm = props.selection.targetMeeting;
  return (
    <>
      {tm && (
        <Typography.Paragraph>
          已于 {fmtTime(tm.heldAt)} 确定考察对象：{tm.candidateIds.map((id) => props.selection.candidates.find((c) => c.id === id)?.name).join('、')}
        </Typography.Paragraph>
      )}
      <MeetingList {...props} path="target-meeting" title="确定考察对象的会议" testId="targets-form" />
    </>
  );
}

interface NoticeForm {
  kind: NoticeKind;
  candidateIds: string[];
  startsOn: Dayjs;
  inspectionStartsOn?: Dayjs;
  workingDays?: number;
}

export function NoticesTab({ selection: s, onSaved }: TabProps) {
  const notices = useLoad(() => api.get<NoticeView[]>(`/api/selections/${s.id}/notices`), [s.id, s.version]);
  const [form] = Form.useForm<NoticeForm>();
  const kind = Form.useWatch('kind', form);
  const { submit, error, busy } = useSubmit<NoticeForm>(
    form,
    (v) =>
      api.post(`/api/selections/${s.id}/notices`, {
        kind: v.kind,
        candidateIds: v.candidateIds,
        startsOn: v.startsOn?.format('YYYY-MM-DD'),
        ...(v.inspectionStartsOn ? { inspectionStartsOn: v.inspectionStartsOn.format('YYYY-MM-DD') } : {}),
        ...(v.workingDays ? { workingDays: v.workingDays } : {}),
      }),
    () => {
      notices.reload();
      onSaved();
    },
    '公示已发布',
  );
  const list = inPlay(s);
  return (
    <>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={notices.data ?? []}
        loading={notices.loading}
        columns={[
          { title: '类别', dataIndex: 'kindLabel' },
          { title: '状态', dataIndex: 'statusLabel', render: (t: string) => <Tag>{t}</Tag> },
          { title: '公示期', render: (_, n) => `${n.startsOn} 至 ${n.endsOnLabel}（${n.workingDays} 个工作日）` },
          { title: '人选', render: (_, n) => n.candidates.map((c) => c.name).join('、') },
          { title: '未办结举报', dataIndex: 'unresolvedReports' },
          { title: '', render: (_, n) => <a href={`/public/notices/${n.id}?format=html`} target="_blank" rel="noreferrer">公示页</a> },
        ]}
      />
      <Divider />
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 760 }} data-testid="notice-form" initialValues={{ candidateIds: list.map((c) => c.id) }}>
        <Typography.Title level={5}>发布公示</Typography.Title>
        <ErrorAlert error={error} />
        <Space wrap>
          <Form.Item name="kind" label="类别" rules={required('类别')}>
            <Select style={{ width: 160 }} options={NOTICE_KINDS.map((k) => ({ value: k, label: NOTICE_KIND_LABELS[k] }))} data-testid="notice-kind" />
          </Form.Item>
          <Form.Item name="startsOn" label="开始日期" rules={required('开始日期')}>
            <DatePicker data-testid="notice-startsOn" />
          </Form.Item>
          {kind === 'advance' && (
            <Form.Item name="inspectionStartsOn" label="考察开始日期" rules={required('考察开始日期')}>
              <DatePicker />
            </Form.Item>
          )}
          <Form.Item name="workingDays" label="公示期（工作日，默认按规则）">
            <InputNumber min={1} max={60} />
          </Form.Item>
        </Space>
        <Form.Item name="candidateIds" label="人选" rules={required('人选')}>
          <Checkbox.Group options={list.map((c) => ({ value: c.id, label: c.name ?? c.id }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="notice-submit">
          发布
        </Button>
      </Form>
    </>
  );
}

interface WaiverForm {
  rule: string;
  candidateId?: string;
  reason: string;
}

export function WaiversTab({ selection: s, rulebook, onSaved }: TabProps & { rulebook: Rulebook | undefined }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<WaiverForm>();
  const rule = Form.useWatch('rule', form);
  const [approveError, setApproveError] = useState<ApiErrorBody | null>(null);
  const { submit, error, busy } = useSubmit<WaiverForm>(form, (v) => api.post<Json<WaiverView>>(`/api/selections/${s.id}/waivers`, v), onSaved, '豁免申请已提交，待另一名工作人员批准');
  const waivable = (rulebook?.rules ?? []).filter((r) => r.waivable);
  const scope = waivable.find((r) => r.id === rule)?.scope;
  const approve = async (id: string) => {
    setApproveError(null);
    try {
      await api.post(`/api/waivers/${id}/approve`);
      void message.success('已批准');
      onSaved();
    } catch (e) {
      setApproveError(asApiError(e).body);
    }
  };
  return (
    <>
      <ErrorAlert error={approveError} onClose={() => setApproveError(null)} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={s.waivers}
        columns={[
          { title: '规则', dataIndex: 'rule', render: (r: string) => (r in RULES ? RULES[r as keyof typeof RULES].zh : r) },
          { title: '人选', dataIndex: 'candidateId', render: (id: string | null) => (id ? s.candidates.find((c) => c.id === id)?.name : '—') },
          { title: '理由', dataIndex: 'reason' },
          { title: '申请时间', dataIndex: 'requestedAt', render: (t: string) => fmtTime(t) },
          {
            title: '状态',
            render: (_, w) =>
              w.status === 'approved' ? (
                <Tag color="blue">已批准</Tag>
              ) : (
                <Button size="small" onClick={() => void approve(w.id)} data-testid="approve-waiver">
                  批准
                </Button>
              ),
          },
        ]}
      />
      <Divider />
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 760 }} data-testid="waiver-form">
        <Typography.Title level={5}>申请豁免（仅限可豁免的规则，须另一名工作人员批准）</Typography.Title>
        <ErrorAlert error={error} />
        <Form.Item name="rule" label="规则" rules={required('规则')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={waivable.map((r) => ({ value: r.id, label: `${r.zh}（${r.id}）` }))} />
        </Form.Item>
        {scope === 'candidate' && (
          <Form.Item name="candidateId" label="人选" rules={required('人选')}>
            <Select options={s.candidates.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
        <Form.Item name="reason" label="理由" rules={required('理由')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交申请
        </Button>
      </Form>
    </>
  );
}

interface VoteForm {
  heldAt: Dayjs;
  mode: 'electronic' | 'tally';
  members: { userId: string; present: boolean; isSecretary: boolean }[];
  tallies: { candidateId: string; agree: number; disagree: number; defer: number }[];
}

type Vote = Selection['votes'][number];

const VOTE_STATUS: Record<string, { label: string; color: string }> = {
  open: { label: '进行中', color: 'processing' },
  closed: { label: '已结束', color: 'default' },
  void: { label: '无效（未达法定人数）', color: 'red' },
};

/** The agenda of the next round: the candidates tied in the last decided round, else the deliberation list (still in play). */
function nextAgenda(s: Selection): { ids: string[]; seats: number | null } {
  const decided = s.votes.filter((v) => v.status === 'closed').at(-1);
  if (decided?.tie) return { ids: [...decided.tie.candidateIds], seats: decided.tie.seats };
  const inPlayIds = new Set(inPlay(s).map((c) => c.id));
  return { ids: (s.deliberation?.candidateIds ?? []).filter((id) => inPlayIds.has(id)), seats: null };
}

/** What closing a round decided, in words: who was elected, or that a tie needs a new round. */
function CloseSummary({ result, name }: { result: Json<VoteCloseResult>; name: (id: string) => string }) {
  if (result.void) {
    return <Alert type="warning" showIcon title={`未达到法定人数（应到 ${result.shouldAttend} 人，实到 ${result.present} 人，须 ${result.quorumRequired} 人），本轮无效，请另行组织票决`} data-testid="vote-result" />;
  }
  const elected = result.elected.map(name);
  return (
    <Alert
      type={result.tie ? 'warning' : 'success'}
      showIcon
      data-testid="vote-result"
      title={elected.length ? `当选：${elected.join('、')}` : '本轮无人当选'}
      description={
        <>
          <div>
            应到 {result.shouldAttend} 人，实到 {result.present} 人；同意票超过应到会成员半数（{result.approvalThreshold} 票及以上）为通过。
          </div>
          {result.tie && (
            <div data-testid="vote-tie">
              {result.tie.candidateIds.map(name).join('、')} 得票相同，竞争剩余 {result.tie.seats} 个职位：须就并列人选另行票决（新一轮）。
            </div>
          )}
          {!result.tie && result.openSeats > 0 && <div>尚有 {result.openSeats} 个职位空缺。</div>}
        </>
      }
    />
  );
}

function VoteResults({ vote, name }: { vote: Vote; name: (id: string) => string }) {
  if (vote.results.length === 0) {
    return <Typography.Text type="secondary">{vote.mode === 'electronic' && vote.status === 'open' ? '投票进行中，结束后计票' : '—'}</Typography.Text>;
  }
  return (
    <Space wrap size={4}>
      {vote.results.map((r) => (
        <Tag key={r.candidateId} color={r.elected ? 'green' : r.approved === false ? 'default' : vote.tie?.candidateIds.includes(r.candidateId) ? 'orange' : 'default'}>
          {name(r.candidateId)} 同意{r.agree}/不同意{r.disagree}/缓议{r.defer}
          {r.elected ? ' 当选' : vote.tie?.candidateIds.includes(r.candidateId) ? ' 并列' : ''}
        </Tag>
      ))}
    </Space>
  );
}

export function DecisionTab(props: TabProps) {
  const { selection: s, onSaved } = props;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<VoteForm>();
  const mode = Form.useWatch('mode', form) ?? 'electronic';
  const member = useLoad(() => api.get<Page<UserDirectoryEntry>>('/api/users/directory', { role: 'committee_member', pageSize: 200 }), []);
  const names = Object.fromEntries((member.data?.items ?? []).map((u) => [u.id, u.displayName]));
  const name = (id: string) => s.candidates.find((c) => c.id === id)?.name ?? '人选';
  const agenda = nextAgenda(s);
  const aliases = Object.fromEntries(agenda.ids.map((_, i) => [`tallies.${i}.candidateId`, `tallies.${i}.agree`]));
  const { submit, error, busy } = useSubmit<VoteForm>(
    form,
    (v) =>
      api.post<Json<VoteView>>(`/api/selections/${s.id}/votes`, {
        heldAt: toInstant(v.heldAt),
        mode: v.mode,
        members: (v.members ?? []).map((m) => ({ userId: m.userId, name: names[m.userId] ?? '常委', present: m.present, isSecretary: m.isSecretary })),
        ...(v.mode === 'tally' ? { tallies: v.tallies } : { candidateIds: agenda.ids }),
      }),
    onSaved,
    '票决已开始',
    aliases,
  );
  const [closeResult, setCloseResult] = useState<Json<VoteCloseResult> | null>(null);
  const [closeError, setCloseError] = useState<ApiErrorBody | null>(null);
  const [closing, setClosing] = useState<string | null>(null);
  const close = async (id: string) => {
    setCloseError(null);
    setClosing(id);
    try {
      const r = await api.post<Json<VoteCloseResult>>(`/api/votes/${id}/close`);
      setCloseResult(r);
      void message.success('票决已结束');
      onSaved();
    } catch (e) {
      setCloseError(asApiError(e).body);
    } finally {
      setClosing(null);
    }
  };
  const agendaKey = agenda.ids.join();
  // The form's store outlives a remount: put the directory's members and the new agenda in it once known.
  useEffect(() => {
    if (member.data) form.resetFields();
  }, [member.data, agendaKey, form]);
  const open = s.votes.find((v) => v.status === 'open');
  const decided = s.votes.filter((v) => v.status === 'closed').at(-1);
  const canStart = s.stage === 'decision' && !open && (!decided || !!decided.tie) && agenda.ids.length > 0;
  return (
    <>
      {s.deliberation && (
        <Typography.Paragraph>
          酝酿名单：{s.deliberation.candidateIds.map(name).join('、')}（{fmtTime(s.deliberation.heldAt)}）
        </Typography.Paragraph>
      )}
      {s.stage === 'deliberation' && <MeetingList {...props} path="deliberation" title="讨论前酝酿" testId="deliberation-form" />}
      <Divider />
      <Table<Vote>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={s.votes}
        locale={{ emptyText: '尚未票决' }}
        scroll={{ x: 760 }}
        data-testid="votes-table"
        columns={[
          { title: '轮次', dataIndex: 'round', width: 60 },
          { title: '方式', dataIndex: 'mode', width: 100, render: (m: string) => (m === 'electronic' ? '电子票决' : '现场计票') },
          { title: '时间', width: 170, render: (_, v) => fmtTime(v.heldAt) },
          { title: '状态', width: 150, render: (_, v) => <Tag color={VOTE_STATUS[v.status]?.color}>{VOTE_STATUS[v.status]?.label ?? v.status}</Tag> },
          { title: '结果', render: (_, v) => <VoteResults vote={v} name={name} /> },
          {
            title: '',
            width: 140,
            render: (_, v) =>
              v.status === 'open' && (
                <Popconfirm title="结束本轮票决并计票？" description="结束后不能再投票。" onConfirm={() => close(v.id)}>
                  <Button size="small" type="primary" loading={closing === v.id} data-testid="close-vote">
                    结束票决并计票
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <ErrorAlert error={closeError} onClose={() => setCloseError(null)} />
        {closeResult && <CloseSummary result={closeResult} name={name} />}
        {!closeResult && decided?.tie && (
          <Alert type="warning" showIcon title={`第 ${decided.round} 轮中 ${decided.tie.candidateIds.map(name).join('、')} 得票相同，须就并列人选另行票决（竞争 ${decided.tie.seats} 个职位）`} />
        )}
      </div>
      {canStart && member.data && (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          style={{ maxWidth: 820, marginTop: 16 }}
          initialValues={{
            mode: 'electronic',
            members: (member.data?.items ?? []).map((u) => ({ userId: u.id, present: true, isSecretary: false })),
            tallies: agenda.ids.map((candidateId) => ({ candidateId, agree: 0, disagree: 0, defer: 0 })),
          }}
          data-testid="vote-form"
        >
          <Typography.Title level={5}>
            {decided?.tie ? `组织第 ${(s.votes.at(-1)?.round ?? 0) + 1} 轮票决（仅就并列人选，竞争 ${agenda.seats} 个职位）` : '组织票决（议程为酝酿名单）'}
          </Typography.Title>
          <Typography.Paragraph type="secondary">议程：{agenda.ids.map(name).join('、')}</Typography.Paragraph>
          <ErrorAlert error={error} />
          <Space wrap align="start">
            <Form.Item name="mode" label="方式">
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'electronic', label: '电子票决' },
                  { value: 'tally', label: '现场计票（纸质票）' },
                ]}
                data-testid="vote-mode"
              />
            </Form.Item>
            <Form.Item name="heldAt" label="会议时间" rules={required('会议时间')}>
              <DatePicker showTime data-testid="vote-heldAt" />
            </Form.Item>
          </Space>
          <div className="form-subtitle">应到会成员（{member.data?.items.length ?? 0} 人）</div>
          <Form.List name="members">
            {(fields) => (
              <div className="vote-members">
                {fields.map((f, i) => (
                  <Space key={f.key} wrap className="vote-member">
                    {/* Hidden inputs render nothing, but inside the Space they would leave a gap. */}
                    <span className="vote-member-name">
                      {member.data?.items[i]?.displayName}
                      <Form.Item name={[f.name, 'userId']} hidden noStyle>
                        <Input />
                      </Form.Item>
                    </span>
                    <Form.Item name={[f.name, 'present']} valuePropName="checked" label="到会">
                      <Switch />
                    </Form.Item>
                    <Form.Item name={[f.name, 'isSecretary']} valuePropName="checked" label="书记">
                      <Switch />
                    </Form.Item>
                  </Space>
                ))}
              </div>
            )}
          </Form.List>
          {mode === 'tally' && (
            <>
              <div className="form-subtitle">计票结果（现场清点的纸质票）</div>
              <Form.List name="tallies">
                {(fields) =>
                  fields.map((f, i) => (
                    <Space key={f.key} wrap align="end" data-testid="tally-row" className="tally-row">
                      <span className="vote-member-name">
                        {name(agenda.ids[i])}
                        <Form.Item name={[f.name, 'candidateId']} hidden noStyle>
                          <Input />
                        </Form.Item>
                      </span>
                      {(
                        [
                          ['agree', '同意'],
                          ['disagree', '不同意'],
                          ['defer', '缓议'],
                        ] as const
                      ).map(([k, label]) => (
                        <Form.Item key={k} name={[f.name, k]} label={label} rules={required(`${label}票数`)}>
                          <InputNumber min={0} max={1000} precision={0} data-testid={`tally-${k}-${i}`} />
                        </Form.Item>
                      ))}
                    </Space>
                  ))
                }
              </Form.List>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="vote-start">
            {mode === 'tally' ? '录入计票结果' : '开始电子票决'}
          </Button>
        </Form>
      )}
    </>
  );
}
