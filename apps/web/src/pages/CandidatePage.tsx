import { App as AntApp, Button, Card, Collapse, DatePicker, Descriptions, Empty, Form, Input, InputNumber, List, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import type { DocumentView } from '@app/document-registry';
import type { CandidateRecordsView } from '@app/workflow';
import { CHECK_ITEM_LABELS, CONSULTATION_UNIT_LABELS, TALK_CATEGORY_LABELS, type CheckItem, type RuleId, type TalkCategory } from '@app/rulebook';
import { api, type Json } from '../api';
import { useAuth } from '../auth';
import { Link, useLocation } from '../router';
import { groupScores, RuleChip, ruleHref } from '../rules';
import { asApiError, ErrorAlert, fmtTime, Loading, required, StateTag, toInstant, useLoad } from '../ui';
import { useSubmit } from './SelectionForms';
import { DossierCopy, NewRemark } from './Supervision';

type Candidate = Json<CandidateRecordsView>;
export type Doc = Json<DocumentView>;

type RecordForm = 'interview' | 'check' | 'evaluation' | 'extended' | 'personal';

const FORM_TITLES: Record<RecordForm, string> = {
  interview: '个别谈话（七必谈）',
  check: '查核（六必查）',
  evaluation: '民主测评',
  extended: '延伸考察',
  personal: '个人有关事项报告核查',
};

function RecordEntry({ candidate, kind, preset, onSaved }: { candidate: Candidate; kind: RecordForm; preset: Record<string, string>; onSaved: () => void }) {
  const [form] = Form.useForm();
  const path = { interview: 'interviews', check: 'checks', evaluation: 'evaluations', extended: 'extended-inspections', personal: 'personal-matters' }[kind];
  const { submit, error, busy } = useSubmit<Record<string, unknown>>(
    form,
    (v) => api.post(`/api/candidates/${candidate.id}/${path}`, { ...v, ...(v.heldAt ? { heldAt: toInstant(v.heldAt as Dayjs) } : {}) }),
    () => {
      form.resetFields();
      onSaved();
    },
    '记录已保存',
  );
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={preset} style={{ maxWidth: 760 }} data-testid={`record-${kind}-form`}>
      <ErrorAlert error={error} />
      {kind === 'interview' && (
        <>
          <Form.Item name="category" label="谈话类别" rules={required('谈话类别')}>
            <Select options={(Object.keys(TALK_CATEGORY_LABELS) as TalkCategory[]).map((k) => ({ value: k, label: TALK_CATEGORY_LABELS[k] }))} data-testid="interview-category" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="intervieweeName" label="谈话对象" rules={required('谈话对象')}>
              <Input data-testid="interview-name" />
            </Form.Item>
            <Form.Item name="intervieweePost" label="职务" rules={required('职务')}>
              <Input data-testid="interview-post" />
            </Form.Item>
            <Form.Item name="heldAt" label="谈话时间" rules={required('谈话时间')}>
              <DatePicker showTime data-testid="interview-heldAt" />
            </Form.Item>
          </Space>
          <Form.Item name="summary" label="谈话内容" rules={required('谈话内容')}>
            <Input.TextArea rows={3} data-testid="interview-summary" />
          </Form.Item>
        </>
      )}
      {kind === 'check' && (
        <>
          <Form.Item name="item" label="查核事项" rules={required('查核事项')}>
            <Select options={(Object.keys(CHECK_ITEM_LABELS) as CheckItem[]).map((k) => ({ value: k, label: CHECK_ITEM_LABELS[k] }))} data-testid="check-item" />
          </Form.Item>
          <Form.Item name="finding" label="查核结果" rules={required('查核结果')}>
            <Input.TextArea rows={2} data-testid="check-finding" />
          </Form.Item>
          <Form.Item name="evidence" label="查核依据" rules={required('查核依据')}>
            <Input data-testid="check-evidence" />
          </Form.Item>
        </>
      )}
      {kind === 'evaluation' && (
        <Space wrap>
          <Form.Item name="heldAt" label="测评时间" rules={required('测评时间')}>
            <DatePicker showTime />
          </Form.Item>
          {(
            [
              ['participants', '参加人数'],
              ['excellent', '优秀'],
              ['competent', '称职'],
              ['basicallyCompetent', '基本称职'],
              ['incompetent', '不称职'],
            ] as const
          ).map(([name, label]) => (
            <Form.Item key={name} name={name} label={label} rules={required(label)}>
              <InputNumber min={0} data-testid={`evaluation-${name}`} />
            </Form.Item>
          ))}
        </Space>
      )}
      {kind === 'extended' && (
        <>
          <Form.Item name="unitId" label="此前任职单位" rules={required('单位')}>
            {/* The cadre's earlier units, from the candidate view: inspectors may not list every unit. */}
            <Select
              placeholder={candidate.earlierUnits.length ? '选择此前任职单位' : '该干部没有此前任职单位'}
              options={candidate.earlierUnits.map((u) => ({ value: u.id, label: u.name ?? u.id }))}
              data-testid="extended-unit"
            />
          </Form.Item>
          <Form.Item name="summary" label="延伸考察情况" rules={required('情况')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      )}
      {kind === 'personal' && (
        <Form.Item name="finding" label="核查结果" rules={required('核查结果')}>
          <Input.TextArea rows={3} data-testid="personal-finding" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={busy} data-testid={`record-${kind}-submit`}>
        保存记录
      </Button>
    </Form>
  );
}

/** A heading and its table, or one line when there is nothing yet (an empty table is half a screen of nothing). */
function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <>
      <Typography.Title level={5}>
        {title}
        {count === 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 8 }}>
            尚无记录
          </Typography.Text>
        )}
      </Typography.Title>
      {count > 0 && children}
    </>
  );
}

function Records({ c, focus }: { c: Candidate; focus: string | null }) {
  const row = (id: string) => ({ className: id === focus ? 'record-focus' : undefined, id: `rec-${id}` });
  useEffect(() => {
    if (focus) document.getElementById(`rec-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [focus]);
  return (
    <>
      <Section title="个别谈话" count={c.interviews.length}>
        <Table size="small" rowKey="id" pagination={false} dataSource={c.interviews} onRow={(r) => row(r.id)}
          columns={[
            { title: '类别', dataIndex: 'category', render: (k: TalkCategory) => TALK_CATEGORY_LABELS[k] },
            { title: '对象', render: (_, r) => `${r.intervieweeName}（${r.intervieweePost}）` },
            { title: '时间', dataIndex: 'heldAt', render: (t: string) => fmtTime(t) },
            { title: '内容', dataIndex: 'summary' },
          ]}
        />
      </Section>
      <Section title="查核" count={c.checks.length}>
        <Table size="small" rowKey="id" pagination={false} dataSource={c.checks} onRow={(r) => row(r.id)}
          columns={[
            { title: '事项', dataIndex: 'item', render: (k: CheckItem) => CHECK_ITEM_LABELS[k] },
            { title: '结果', dataIndex: 'finding' },
            { title: '依据', dataIndex: 'evidence' },
          ]}
        />
      </Section>
      <Section title="民主测评" count={c.evaluations.length}>
        <Table size="small" rowKey="id" pagination={false} dataSource={c.evaluations} onRow={(r) => row(r.id)}
          columns={[
            { title: '时间', dataIndex: 'heldAt', render: (t: string) => fmtTime(t) },
            { title: '参加', dataIndex: 'participants' },
            { title: '优秀', dataIndex: 'excellent' },
            { title: '称职', dataIndex: 'competent' },
            { title: '基本称职', dataIndex: 'basicallyCompetent' },
            { title: '不称职', dataIndex: 'incompetent' },
          ]}
        />
      </Section>
      <Section title="征求意见（六征求）" count={c.consultations.length}>
        <Table size="small" rowKey="id" pagination={false} dataSource={[...c.consultations].sort((a, b) => a.unit.localeCompare(b.unit))} onRow={(r) => row(r.id)}
          columns={[
            { title: '单位', dataIndex: 'unit', render: (u: keyof typeof CONSULTATION_UNIT_LABELS) => CONSULTATION_UNIT_LABELS[u] },
            { title: '状态', dataIndex: 'status', render: (st: string) => ({ pending: '待答复', answered: '已答复', overdue: '已逾期' })[st] ?? st },
            { title: '意见', dataIndex: 'verdict', render: (v?: string) => ({ no_adverse: '无不良反映', adverse: '有问题', under_investigation: '正在立案调查' })[v ?? ''] ?? '—' },
          ]}
        />
      </Section>
    </>
  );
}

/** The candidate's documents; a requested dossier is polled until rendered, without reloading the page. */
function Documents({ c, canRequest }: { c: Candidate; canRequest: boolean }) {
  const docs = useLoad(() => api.get<Doc[]>(`/api/candidates/${c.id}/documents`), [c.id]);
  const [error, setError] = useState<ReturnType<typeof asApiError> | null>(null);
  const [busy, setBusy] = useState(false);
  const rendering = (docs.data ?? []).some((d) => d.status === 'rendering');
  useEffect(() => {
    if (!rendering) return;
    const t = setInterval(docs.reload, 1000);
    return () => clearInterval(t);
  }, [rendering, docs.reload]);
  const request = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/candidates/${c.id}/dossier`);
      docs.reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {canRequest && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => void request()} loading={busy} data-testid="request-dossier">
            生成考察材料
          </Button>
          {rendering && <Tag color="processing" data-testid="rendering">正在生成…</Tag>}
        </Space>
      )}
      <ErrorAlert error={error} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={docs.loading && !docs.data}
        dataSource={docs.data ?? []}
        columns={[
          { title: '文档', dataIndex: 'kindLabel' },
          { title: '版本', dataIndex: 'version' },
          { title: '状态', dataIndex: 'statusLabel', render: (t: string, d) => <Tag color={d.status === 'final' ? 'green' : d.status === 'failed' ? 'red' : 'default'} data-testid="doc-status">{t}</Tag> },
          { title: '签署', render: (_, d) => (d.team ? `${d.team.signedBy.length}/${d.team.memberIds.length}` : d.signOffs.length) },
          { title: '生成时间', dataIndex: 'renderedAt', render: (t: string | null) => fmtTime(t) },
          { title: '', render: (_, d) => d.sha256 && <Link to={`/documents/${d.id}`} testId="open-document">查看</Link> },
        ]}
      />
    </>
  );
}

export function CandidatePage({ id }: { id: string }) {
  const { has } = useAuth();
  const { query } = useLocation();
  const { data: c, error, loading, reload } = useLoad(() => api.get<Candidate>(`/api/candidates/${id}`), [id]);
  const requested = query.get('form');
  const writer = has('org_admin', 'inspector');
  const formKind: RecordForm | null = requested && requested in FORM_TITLES ? (requested as RecordForm) : null;
  const [open, setOpen] = useState<string[]>(formKind ? [formKind] : []);
  useEffect(() => {
    if (formKind) setOpen([formKind]);
  }, [formKind]);
  const preset: Record<string, string> = {};
  if (query.get('category')) preset.category = query.get('category')!;
  if (query.get('item')) preset.item = query.get('item')!;
  const unitName = (uid: string) => c?.earlierUnits.find((u) => u.id === uid)?.name ?? uid;
  const supervisor = has('supervisor') && !has('org_admin', 'inspector');
  const { message } = AntApp.useApp();

  return (
    <Loading loading={loading && !c} error={error}>
      {c && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Card
            title={
              <Space wrap>
                <span data-testid="candidate-name">{c.name}</span>
                <StateTag state={c.state} />
              </Space>
            }
            extra={<Link to={`/selections/${c.selection.id}`}>{c.selection.title}</Link>}
          >
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="现任职务">{c.cadre?.currentPost}</Descriptions.Item>
              <Descriptions.Item label="出生年月">{c.cadre?.birthDate?.slice(0, 7)}</Descriptions.Item>
              <Descriptions.Item label="初始提名责任人">{`${c.nominator.name}（${c.nominator.post}）`}</Descriptions.Item>
              {c.earlierUnitIds.length > 0 && <Descriptions.Item label="此前任职单位">{c.earlierUnitIds.map(unitName).join('、')}</Descriptions.Item>}
              {c.stateReason && <Descriptions.Item label="状态说明">{c.stateReason}</Descriptions.Item>}
            </Descriptions>
            <div style={{ margin: '8px 0' }}>
              {groupScores(c.rules as { rule: RuleId; status: Candidate['rules'][number]['status'] }[]).map((g) => (
                <Tag key={g.group} color={g.done === g.total ? 'green' : 'red'} className="group-score">
                  {g.label} {g.done}/{g.total}
                </Tag>
              ))}
            </div>
            <div data-testid="candidate-rules">
              {c.rules.map((r) => (
                <RuleChip key={r.rule} rule={r.rule} status={r.status} href={ruleHref(r.rule, c.selection.id, c.id, r.evidence)} />
              ))}
            </div>
          </Card>
          {supervisor && (
            <Card title="义务监督" data-testid="supervisor-card">
              <DossierCopy candidateId={c.id} name={c.name} />
              {c.selection.stage !== 'closed' && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    对该人选提出意见
                  </Typography.Title>
                  <NewRemark
                    selection={{ id: c.selection.id, candidates: [{ ...c, name: c.name }] }}
                    candidateId={c.id}
                    onSaved={() => void message.info('可在选任工作的「义务监督」页查看答复')}
                  />
                </>
              )}
            </Card>
          )}
          {writer && c.selection.stage === 'inspection' && (
            <Card title="录入考察记录">
              <Collapse
                activeKey={open}
                onChange={(k) => setOpen(k)}
                items={(Object.keys(FORM_TITLES) as RecordForm[]).map((k) => ({
                  key: k,
                  label: FORM_TITLES[k],
                  children: <RecordEntry candidate={c} kind={k} preset={k === formKind ? preset : {}} onSaved={() => (reload(), void message.info('清单已更新'))} />,
                }))}
              />
            </Card>
          )}
          <Card title="考察记录">
            {c.interviews.length + c.checks.length + c.evaluations.length + c.consultations.length === 0 ? <Empty description="尚无记录" /> : <Records c={c} focus={query.get('focus')} />}
            {c.extendedInspections.length > 0 && (
              <List header="延伸考察" dataSource={c.extendedInspections} renderItem={(e) => <List.Item id={`rec-${e.id}`}>{unitName(e.unitId)}：{e.summary}</List.Item>} />
            )}
            {c.personalMatters.length > 0 && (
              <List header="个人有关事项报告核查" dataSource={c.personalMatters} renderItem={(e) => <List.Item id={`rec-${e.id}`}>{e.finding}</List.Item>} />
            )}
          </Card>
          <Card title="考察材料">
            <Documents c={c} canRequest={writer && c.selection.stage === 'inspection'} />
          </Card>
        </Space>
      )}
    </Loading>
  );
}
