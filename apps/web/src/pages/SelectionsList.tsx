import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { SelectionListView, SelectionView } from '@app/workflow';
import { ALL_STAGES, STAGE_LABELS, type Stage } from '@app/rulebook';
import { api, type ApiErrorBody, type Json } from '../api';
import { Link, navigate, useLocation } from '../router';
import { applyApiError, ErrorAlert, fmtTime, Loading, required, useLoad } from '../ui';

type Row = Json<SelectionListView>['items'][number];

export function SelectionsList({ title, canCreate = false }: { title: string; canCreate?: boolean }) {
  const { path, query } = useLocation();
  const stage = (query.get('stage') ?? undefined) as Stage | undefined;
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 20);
  const { data, error, loading } = useLoad(() => api.get<Json<SelectionListView>>('/api/selections', { stage, page, pageSize }), [stage, page, pageSize]);
  const setQuery = (next: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams(query);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '') q.delete(k);
      else q.set(k, String(v));
    }
    navigate(`${path}?${q.toString()}`);
  };
  const [creating, setCreating] = useState(false);

  return (
    <Card
      title={title}
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder="按阶段筛选"
            style={{ width: 180 }}
            value={stage}
            onChange={(v?: Stage) => setQuery({ stage: v, page: 1 })}
            options={ALL_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
            data-testid="stage-filter"
          />
          {canCreate && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-selection">
              新建选任工作
            </Button>
          )}
        </Space>
      }
    >
      <Loading loading={loading && !data} error={error}>
        <Table<Row>
          rowKey="id"
          dataSource={data?.items ?? []}
          loading={loading}
          pagination={{
            current: data?.page ?? page,
            pageSize: data?.pageSize ?? pageSize,
            total: data?.total ?? 0,
            showTotal: (t) => `共 ${t} 项`,
            onChange: (p, ps) => setQuery({ page: p, pageSize: ps }),
          }}
          columns={[
            { title: '选任工作', dataIndex: 'title', render: (t: string, r) => <Link to={`/selections/${r.id}`}>{t}</Link> },
            { title: '阶段', dataIndex: 'stage', width: 140, render: (s: Stage) => <Tag color={s === 'closed' ? 'default' : 'red'}>{STAGE_LABELS[s]}</Tag> },
            {
              title: '人选',
              width: 140,
              render: (_, r) => (
                <span>
                  {r.candidatesInPlay} / {r.candidates}
                  {r.candidatesInPlay < r.candidates && <Tag style={{ marginLeft: 6 }}>{r.candidates - r.candidatesInPlay} 人已不在程序中</Tag>}
                </span>
              ),
            },
            { title: '规则版本', dataIndex: 'rulebookVersion', width: 100 },
            { title: '进入本阶段', dataIndex: 'stageChangedAt', width: 180, render: (t: string | null) => fmtTime(t) },
          ]}
        />
      </Loading>
      {canCreate && <CreateSelection open={creating} onClose={() => setCreating(false)} />}
    </Card>
  );
}

function CreateSelection({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ title: string }>();
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const submit = async (v: { title: string }) => {
    try {
      const s = await api.post<Json<Pick<SelectionView, 'id'>>>('/api/selections', v);
      onClose();
      navigate(`/selections/${s.id}?tab=motion`);
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };
  return (
    <Modal open={open} title="新建选任工作" onCancel={onClose} onOk={() => form.submit()} okText="创建" okButtonProps={{ 'data-testid': 'create-selection-ok' } as Record<string, string>}>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label="名称" rules={required('名称')}>
          <Input placeholder="如：2026年乡镇领导班子补充配备" data-testid="selection-title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
