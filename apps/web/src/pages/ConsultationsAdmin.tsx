import { Button, Card, Select, Space, Table, Tag } from 'antd';
import type { RequestStatus } from '@app/consultations';
import { api, type Page } from '../api';
import { Link, navigate, useLocation } from '../router';
import { ErrorAlert, Loading, useLoad } from '../ui';
import type { Consultation } from './UnitConsultations';
import { useState } from 'react';
import { asApiError } from '../ui';

const LABELS: Record<RequestStatus, string> = { pending: '待答复', answered: '已答复', overdue: '已逾期', delivery_failed: '送达失败', undeliverable: '无法送达', stopped: '已停止' };

export function ConsultationsAdmin() {
  const { path, query } = useLocation();
  const status = query.get('status') ?? undefined;
  const candidateId = query.get('candidateId') ?? undefined;
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 20);
  const list = useLoad(() => api.get<Page<Consultation>>('/api/consultations', { status, candidateId, page, pageSize }), [status, candidateId, page, pageSize]);
  const [error, setError] = useState<ReturnType<typeof asApiError> | null>(null);
  const set = (next: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams(query);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined) q.delete(k);
      else q.set(k, String(v));
    }
    navigate(`${path}?${q.toString()}`);
  };
  const resend = async (id: string) => {
    try {
      await api.post(`/api/consultations/${id}/resend`);
      list.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  };
  return (
    <Card
      title="征求意见（六征求）"
      extra={
        <Space>
          <Button danger={status === 'overdue'} onClick={() => set({ status: 'overdue', page: 1 })} data-testid="overdue-list">
            逾期未复
          </Button>
          <Select allowClear placeholder="按状态筛选" style={{ width: 150 }} value={status} onChange={(v?: string) => set({ status: v, page: 1 })} options={(Object.keys(LABELS) as RequestStatus[]).map((s) => ({ value: s, label: LABELS[s] }))} />
        </Space>
      }
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Loading loading={list.loading && !list.data} error={list.error}>
        <Table<Consultation>
          rowKey="id"
          size="small"
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 项`, onChange: (p, ps) => set({ page: p, pageSize: ps }) }}
          columns={[
            { title: '人选', render: (_, c) => <Link to={`/candidates/${c.candidateId}`}>{c.candidateName}</Link> },
            { title: '选任工作', dataIndex: 'selectionTitle' },
            { title: '征求单位', render: (_, c) => c.unitName ?? `${c.unitKindLabel}（未配置）` },
            { title: '状态', render: (_, c) => <Tag color={c.status === 'answered' ? 'green' : c.status === 'pending' ? 'orange' : 'red'}>{c.statusLabel}</Tag> },
            { title: '期限', dataIndex: 'dueOn' },
            { title: '意见', render: (_, c) => c.opinion?.verdictLabel ?? '—' },
            { title: '', render: (_, c) => ['pending', 'overdue', 'delivery_failed'].includes(c.status) && <Button size="small" onClick={() => void resend(c.id)}>重新送达</Button> },
          ]}
        />
      </Loading>
    </Card>
  );
}
