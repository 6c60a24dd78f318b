import { App as AntApp, Alert, Button, Card, Col, Collapse, Descriptions, Input, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { DocumentaryRecord } from '@app/supervision';
import { api, fetchFile, saveAs, type ApiErrorBody, type Json } from '../api';
import { Link } from '../router';
import { asApiError, ErrorAlert, fmtTime, Loading, RULE_STATUS, useLoad } from '../ui';

type Rec = Json<DocumentaryRecord>;
type Step = Rec['steps'][number];

/** 纪实表 as PDF: rendered and issued on request (numbered, verifiable by its printed code). */
function RecordPdf({ selectionId, title }: { selectionId: string; title: string }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [issued, setIssued] = useState<{ code: string | null; url: string; filename: string } | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await fetchFile(`/api/selections/${selectionId}/record.pdf`);
      if (issued) URL.revokeObjectURL(issued.url);
      const filename = file.filename ?? `纪实表-${title}.pdf`;
      setIssued({ code: file.headers.get('x-verification-code'), url: file.url, filename });
      saveAs(file.url, filename);
      void message.success('纪实表已生成');
    } catch (e) {
      setError(asApiError(e).body);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size={4} data-testid="record-pdf">
      <Button type="primary" onClick={() => void download()} loading={busy} data-testid="record-pdf-download">
        下载纪实表（PDF）
      </Button>
      {issued && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="record-pdf-issued">
          已生成 {issued.filename}，核验码{' '}
          <a href={`/verify/${issued.code ?? ''}`} target="_blank" rel="noreferrer">
            {issued.code}
          </a>
        </Typography.Text>
      )}
      <ErrorAlert error={error} onClose={() => setError(null)} />
    </Space>
  );
}

function Steps({ steps }: { steps: Rec['steps'] }) {
  const [q, setQ] = useState('');
  const shown = q ? steps.filter((s) => `${s.description}${s.actor.name}${s.stageLabel}`.includes(q)) : steps;
  return (
    <>
      <Input.Search allowClear placeholder="在记录中查找（人名、事项）" onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} style={{ maxWidth: 360, marginBottom: 12 }} />
      <Table<Step>
        size="small"
        rowKey="seq"
        dataSource={shown}
        pagination={{ defaultPageSize: 20, showTotal: (t) => `共 ${t} 条`, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
        scroll={{ x: 800 }}
        data-testid="record-steps"
        columns={[
          { title: '序号', dataIndex: 'seq', width: 64 },
          { title: '时间', width: 168, render: (_, s) => fmtTime(s.at) },
          { title: '环节', width: 120, dataIndex: 'stageLabel' },
          { title: '经办人', width: 120, render: (_, s) => s.actor.name },
          { title: '事项', dataIndex: 'description' },
        ]}
      />
    </>
  );
}

/** 纪实: the whole story of a selection from its audit chain, as a page and as the PDF 纪实表. */
export function RecordPage({ id }: { id: string }) {
  const { data: r, error, loading } = useLoad(() => api.get<Rec>(`/api/selections/${id}/record`), [id]);
  return (
    <Loading loading={loading && !r} error={error}>
      {r && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="record">
          <Card
            title={
              <Space wrap>
                <span>纪实：{r.selection.title}</span>
                <Tag color="red">{r.selection.stageLabel}</Tag>
              </Space>
            }
            extra={<Link to={`/selections/${id}`}>返回选任工作</Link>}
          >
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={16}>
                <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label="职位">{r.posts.map((p) => `${p.title}（${p.count}名）`).join('、') || '—'}</Descriptions.Item>
                  <Descriptions.Item label="规则版本">{r.selection.rulebookVersion}</Descriptions.Item>
                  <Descriptions.Item label="考察组">{r.team.map((m) => m.name).join('、') || '—'}</Descriptions.Item>
                  <Descriptions.Item label="义务监督员">{r.supervisors.map((s) => `${s.name}（参加 ${s.activities} 次）`).join('、') || '—'}</Descriptions.Item>
                  <Descriptions.Item label="建立时间">{fmtTime(r.selection.createdAt)}</Descriptions.Item>
                  <Descriptions.Item label="生成时间">{fmtTime(r.generatedAt)}</Descriptions.Item>
                  {r.selection.closedReason && <Descriptions.Item label="结束原因">{r.selection.closedReason}</Descriptions.Item>}
                </Descriptions>
              </Col>
              <Col xs={24} lg={8}>
                <RecordPdf selectionId={id} title={r.selection.title} />
              </Col>
            </Row>
            {r.auditChain.verified ? (
              <Alert type="success" showIcon style={{ marginTop: 12 }} title={`审计链校验通过：共 ${r.auditChain.eventCount} 条记录，未被篡改`} data-testid="record-chain" />
            ) : (
              <Alert type="error" showIcon style={{ marginTop: 12 }} title="审计链校验未通过：记录可能被改动，请联系安全审计员" data-testid="record-chain" />
            )}
          </Card>

          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card size="small" title="各环节" style={{ height: '100%' }}>
                <Timeline
                  items={r.stages.map((s) => ({
                    color: s.leftAt ? 'green' : 'red',
                    content: (
                      <div>
                        <Typography.Text strong>{s.label}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                          {fmtTime(s.enteredAt)}
                          {s.leftAt ? ` 至 ${fmtTime(s.leftAt)}` : ' 起'}
                        </Typography.Text>
                        <div style={{ fontSize: 13 }}>{s.summary}</div>
                      </div>
                    ),
                  }))}
                />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title="人选" style={{ marginBottom: 16 }}>
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={r.candidates}
                  columns={[
                    { title: '姓名', render: (_, c) => <Link to={`/candidates/${c.id}`}>{c.name}</Link> },
                    { title: '状态', dataIndex: 'stateLabel', render: (t: string) => <Tag>{t}</Tag> },
                    { title: '说明', render: (_, c) => [c.stateReason, c.stateRuleZh ? `（${c.stateRuleZh}）` : ''].filter(Boolean).join('') || '—' },
                  ]}
                />
              </Card>
              <Card size="small" title="规则清单">
                <Typography.Paragraph>{r.checklist.summary}</Typography.Paragraph>
                <Space wrap>
                  {(Object.keys(r.checklist.counts) as (keyof Rec['checklist']['counts'])[]).map((k) => (
                    <Tag key={k} color={RULE_STATUS[k].color}>
                      {RULE_STATUS[k].label} {r.checklist.counts[k]}
                    </Tag>
                  ))}
                </Space>
              </Card>
            </Col>
          </Row>

          {r.votes.length > 0 && (
            <Card size="small" title="票决">
              {r.votes.map((v) => (
                <div key={v.id} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>
                    第 {v.round} 轮（{v.mode === 'electronic' ? '电子票决' : '现场计票'}，应到 {v.shouldAttend} 人，实到 {v.present} 人，{v.status === 'void' ? '无效' : v.status === 'open' ? '进行中' : '已结束'}）
                  </Typography.Text>
                  <Table
                    size="small"
                    rowKey="candidateId"
                    pagination={false}
                    dataSource={v.results}
                    columns={[
                      { title: '人选', dataIndex: 'candidateName' },
                      { title: '同意', dataIndex: 'agree', width: 80 },
                      { title: '不同意', dataIndex: 'disagree', width: 80 },
                      { title: '缓议', dataIndex: 'defer', width: 80 },
                      { title: '结果', width: 100, render: (_, x) => (x.elected ? <Tag color="green">当选</Tag> : x.approved === false ? <Tag>未通过</Tag> : '—') },
                    ]}
                  />
                </div>
              ))}
            </Card>
          )}

          <Card size="small" title={`义务监督意见（${r.remarks.length} 条）与参加情况（${r.attendance.length} 次）`}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={r.remarks}
              locale={{ emptyText: '无监督意见' }}
              scroll={{ x: 800 }}
              columns={[
                { title: '时间', width: 168, render: (_, m) => fmtTime(m.filedAt) },
                { title: '监督员', width: 140, render: (_, m) => m.filedBy.name },
                { title: '针对', width: 120, render: (_, m) => m.candidateName ?? '程序' },
                { title: '意见', dataIndex: 'content' },
                { title: '答复', render: (_, m) => m.answer?.content ?? <Tag color="orange">待答复</Tag> },
              ]}
            />
            {r.attendance.length > 0 && (
              <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
                参加情况：{r.attendance.map((a) => `${fmtTime(a.heldAt)} ${a.activityLabel}（${a.supervisors.map((s) => s.name).join('、')}）`).join('；')}
              </Typography.Paragraph>
            )}
          </Card>

          <Card size="small" title="全程记录（按时间顺序，来自审计链）">
            <Steps steps={r.steps} />
          </Card>

          <Collapse
            items={[
              {
                key: 'json',
                label: '原始数据（JSON）',
                children: (
                  <pre className="record-json" data-testid="record-json">
                    {JSON.stringify(r, null, 2)}
                  </pre>
                ),
              },
            ]}
          />
        </Space>
      )}
    </Loading>
  );
}
