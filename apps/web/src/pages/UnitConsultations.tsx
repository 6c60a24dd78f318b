import { App as AntApp, Button, Card, Descriptions, Empty, Form, Input, List, Pagination, Radio, Segmented, Space, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import type { ConsultationView, RequestStatus } from '@app/consultations';
import { api, type Json, type Page } from '../api';
import { Link, navigate, useLocation } from '../router';
import { fmtTime, Loading, required, useLoad, ErrorAlert } from '../ui';
import { useSubmit } from './SelectionForms';

export type Consultation = Json<ConsultationView>;

const STATUS_COLORS: Partial<Record<RequestStatus, string>> = { pending: 'orange', answered: 'green', overdue: 'red', delivery_failed: 'red' };

interface OpinionForm {
  verdict: 'no_adverse' | 'adverse' | 'under_investigation';
  detail?: string;
  attachment?: UploadFile[];
}

function OpinionEntry({ c, onSaved }: { c: Consultation; onSaved: () => void }) {
  const [form] = Form.useForm<OpinionForm>();
  const verdict = Form.useWatch('verdict', form);
  const { submit, error, busy } = useSubmit<OpinionForm>(
    form,
    (v) => {
      const file = v.attachment?.[0]?.originFileObj;
      if (!file) return api.post(`/api/consultations/${c.id}/opinion`, { verdict: v.verdict, ...(v.detail ? { detail: v.detail } : {}) });
      const fd = new FormData();
      fd.append('verdict', v.verdict);
      if (v.detail) fd.append('detail', v.detail);
      fd.append('attachment', file, file.name);
      return api.postForm(`/api/consultations/${c.id}/opinion`, fd);
    },
    onSaved,
    '意见已提交',
  );
  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 760 }} data-testid="opinion-form">
      <ErrorAlert error={error} />
      <Form.Item name="verdict" label="意见" rules={required('意见')}>
        <Radio.Group
          options={[
            { value: 'no_adverse', label: '无不良反映' },
            { value: 'adverse', label: '有问题' },
            { value: 'under_investigation', label: '正在立案调查' },
          ]}
          data-testid="opinion-verdict"
        />
      </Form.Item>
      <Form.Item name="detail" label="具体情况" rules={verdict && verdict !== 'no_adverse' ? required('具体情况') : []}>
        <Input.TextArea rows={3} placeholder={verdict === 'no_adverse' ? '可不填' : '有问题或正在立案调查时必须说明'} data-testid="opinion-detail" />
      </Form.Item>
      <Form.Item name="attachment" label="盖章意见（PDF，可选）" valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}>
        <Upload accept="application/pdf" beforeUpload={() => false} maxCount={1}>
          <Button>选择 PDF</Button>
        </Upload>
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        意见提交后不可修改；如需更正，须说明理由另行提交。
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="opinion-submit">
        提交意见
      </Button>
    </Form>
  );
}

export function ConsultationCard({ c, onSaved, canAnswer }: { c: Consultation; onSaved: () => void; canAnswer: boolean }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="consultation-card"
      title={
        <Space wrap>
          <span>{c.candidateName}</span>
          <Tag color={STATUS_COLORS[c.status]}>{c.statusLabel}</Tag>
        </Space>
      }
      extra={<span>答复期限：{c.dueOn}</span>}
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="性别">{c.candidateGender === 'female' ? '女' : c.candidateGender === 'male' ? '男' : '—'}</Descriptions.Item>
        <Descriptions.Item label="出生年月">{c.candidateBirthDate?.slice(0, 7) ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="现任职务">{c.candidatePost ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="选任工作">{c.selectionTitle}</Descriptions.Item>
        <Descriptions.Item label="征求单位">{c.unitName ?? c.unitKindLabel}</Descriptions.Item>
        <Descriptions.Item label="发函日期">{c.requestedOn}</Descriptions.Item>
      </Descriptions>
      {c.opinion ? (
        <Typography.Paragraph data-testid="opinion-given">
          已答复：<Tag>{c.opinion.verdictLabel}</Tag>
          {c.opinion.detail} <Typography.Text type="secondary">（{fmtTime(c.opinion.answeredAt)}）</Typography.Text>
          {c.opinion.attachment && <Tag>附件 {c.opinion.attachment.filename}</Tag>}
        </Typography.Paragraph>
      ) : (
        canAnswer && ['pending', 'overdue'].includes(c.status) && <OpinionEntry c={c} onSaved={onSaved} />
      )}
    </Card>
  );
}

const FILTERS: { value: string; label: string }[] = [
  { value: 'pending', label: '待答复' },
  { value: 'overdue', label: '已逾期' },
  { value: 'answered', label: '已答复' },
  { value: 'all', label: '全部' },
];

export function UnitConsultations({ id }: { id?: string }) {
  const { path, query } = useLocation();
  const status = query.get('status') ?? 'pending';
  const page = Number(query.get('page') ?? 1);
  const { message } = AntApp.useApp();
  const list = useLoad(
    () => (id ? api.get<Consultation>(`/api/consultations/${id}`).then((c) => ({ items: [c], total: 1, page: 1, pageSize: 1 })) : api.get<Page<Consultation>>('/api/consultations', { status: status === 'all' ? undefined : status, page, pageSize: 10 })),
    [id, status, page],
  );
  const set = (s: string, p = 1) => navigate(`${path}?status=${s}&page=${p}`);
  return (
    <Card
      title="征求意见函"
      extra={
        !id && <Segmented value={status} onChange={(v) => set(String(v))} options={FILTERS} data-testid="consultation-filter" />
      }
    >
      {id && <Link to="/unit/consultations">返回列表</Link>}
      <Loading loading={list.loading && !list.data} error={list.error}>
        {list.data?.items.length === 0 ? (
          <Empty description={status === 'pending' ? '没有待答复的征求意见' : '没有记录'} />
        ) : (
          <List
            dataSource={list.data?.items ?? []}
            renderItem={(c) => <ConsultationCard key={c.id} c={c} canAnswer onSaved={() => (list.reload(), void message.success('已提交，感谢配合'))} />}
          />
        )}
        {!id && (list.data?.total ?? 0) > 10 && <Pagination current={page} pageSize={10} total={list.data?.total} onChange={(p) => set(status, p)} />}
      </Loading>
    </Card>
  );
}
