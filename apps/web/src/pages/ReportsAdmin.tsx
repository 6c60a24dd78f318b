import { Button, Card, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { FindingResult, ReportPage, ReportRecordStatus, ReportView } from '@app/notices';
import type { ReportFinding } from '@app/rulebook';
import { api } from '../api';
import { navigate, useLocation, Link } from '../router';
import { fmtTime, Loading, required, useLoad, ErrorAlert } from '../ui';
import { useSubmit } from './SelectionForms';

const STATUS: Record<ReportRecordStatus, string> = { received: '已受理', investigating: '核查中', closed: '已办结' };
const FINDINGS: Record<ReportFinding, string> = { unfounded: '反映问题不实', minor: '问题轻微', serious: '问题严重', unverifiable: '一时难以查清' };

interface FindingForm {
  finding: ReportFinding;
  detail: string;
  referral?: string;
}

function FindingModal({ report, onClose, onSaved }: { report: ReportView | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<FindingForm>();
  const finding = Form.useWatch('finding', form);
  const [result, setResult] = useState<string | null>(null);
  const { submit, error, busy } = useSubmit<FindingForm>(
    form,
    (v) => api.post<FindingResult>(`/api/reports/${report!.id}/finding`, v),
    (r) => {
      setResult((r as FindingResult).message);
      form.resetFields();
      onSaved();
    },
    '核查结论已记录',
  );
  return (
    <Modal open={!!report} title="记录核查结论" onCancel={() => (setResult(null), onClose())} onOk={() => form.submit()} confirmLoading={busy} okText="保存">
      {report && <Typography.Paragraph>举报内容：{report.content}</Typography.Paragraph>}
      {result && <Typography.Paragraph type="success">{result}</Typography.Paragraph>}
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="finding" label="结论" rules={required('结论')}>
          <Select options={(Object.keys(FINDINGS) as ReportFinding[]).map((f) => ({ value: f, label: FINDINGS[f] }))} />
        </Form.Item>
        <Form.Item name="detail" label="核查情况" rules={required('核查情况')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {finding === 'serious' && (
          <Form.Item name="referral" label="移交情况" rules={required('移交情况')}>
            <Input />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ReportsAdmin() {
  const { path, query } = useLocation();
  const status = (query.get('status') ?? undefined) as ReportRecordStatus | undefined;
  const selectionId = query.get('selectionId') ?? undefined;
  const candidateId = query.get('candidateId') ?? undefined;
  const unresolved = query.get('unresolved') ?? undefined;
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 20);
  const list = useLoad(
    () => api.get<ReportPage>('/api/reports', { status, selectionId, candidateId, unresolved, page, pageSize }),
    [status, selectionId, candidateId, unresolved, page, pageSize],
  );
  const [open, setOpen] = useState<ReportView | null>(null);
  const set = (next: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams(query);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '') q.delete(k);
      else q.set(k, String(v));
    }
    navigate(`${path}?${q.toString()}`);
  };
  return (
    <Card
      title="举报核查（两个一律）"
      extra={
        <Space wrap>
          {(selectionId || candidateId) && <Link to="/org/reports">全部选任工作</Link>}
          <Segmented
            value={unresolved === 'true' ? 'open' : 'all'}
            onChange={(v) => set({ unresolved: v === 'open' ? 'true' : undefined, page: 1 })}
            options={[
              { value: 'all', label: '全部' },
              { value: 'open', label: '未办结（人选暂停）' },
            ]}
            data-testid="reports-unresolved"
          />
          <Select
            allowClear
            placeholder="按状态筛选"
            style={{ width: 140 }}
            value={status}
            onChange={(v?: string) => set({ status: v, page: 1 })}
            options={(Object.keys(STATUS) as ReportRecordStatus[]).map((s) => ({ value: s, label: STATUS[s] }))}
          />
        </Space>
      }
    >
      <Loading loading={list.loading && !list.data} error={list.error}>
        <Table<ReportPage['items'][number]>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 项`, onChange: (p, ps) => set({ page: p, pageSize: ps }) }}
          columns={[
            { title: '受理时间', dataIndex: 'receivedAt', width: 170, render: (t: string) => fmtTime(t) },
            { title: '人选', width: 110, render: (_, r) => <Link to={`/candidates/${r.candidateId}`}>{r.candidateName ?? '查看人选'}</Link> },
            { title: '内容', dataIndex: 'content', ellipsis: true },
            {
              title: '状态',
              width: 170,
              render: (_, r) => (
                <Space size={4}>
                  <Tag color={r.unresolved ? 'orange' : 'green'}>{STATUS[r.status]}</Tag>
                  {r.late && <Tag>逾期举报</Tag>}
                </Space>
              ),
            },
            { title: '结论', width: 140, render: (_, r) => r.findingLabel ?? '—' },
            { title: '', width: 100, render: (_, r) => r.unresolved && <Button size="small" onClick={() => setOpen(r)}>记录结论</Button> },
          ]}
        />
      </Loading>
      <FindingModal report={open} onClose={() => setOpen(null)} onSaved={list.reload} />
    </Card>
  );
}
