import { App as AntApp, Alert, Button, Card, Col, Descriptions, List, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, blobUrl } from '../api';
import { useAuth } from '../auth';
import { Link } from '../router';
import { asApiError, ErrorAlert, fmtTime, Loading, useLoad } from '../ui';
import type { Doc } from './CandidatePage';

/** The PDF behind the bearer token, shown from a blob URL (an iframe cannot send the header). */
export function PdfViewer({ path, title }: { path: string; title: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<ReturnType<typeof asApiError> | null>(null);
  useEffect(() => {
    let created: string | null = null;
    blobUrl(path)
      .then((r) => {
        created = r.url;
        setUrl(r.url);
      })
      .catch((e: unknown) => setError(asApiError(e)));
    return () => {
      if (created) URL.revokeObjectURL(created);
    };
  }, [path]);
  if (error) return <ErrorAlert error={error} />;
  if (!url) return <Typography.Text type="secondary">正在载入 PDF…</Typography.Text>;
  return (
    <>
      <iframe src={url} title={title} style={{ width: '100%', height: '78vh', border: '1px solid #ddd' }} data-testid="pdf-frame" />
      <a href={url} download={`${title}.pdf`}>
        下载 PDF
      </a>
    </>
  );
}

export function DocumentPage({ id }: { id: string }) {
  const { user, has } = useAuth();
  const { message } = AntApp.useApp();
  const { data: doc, error, loading, reload } = useLoad(() => api.get<Doc>(`/api/documents/${id}`), [id]);
  const [signError, setSignError] = useState<ReturnType<typeof asApiError> | null>(null);
  const [busy, setBusy] = useState(false);
  const [finalId, setFinalId] = useState<string | null>(null);
  const sealing = !!finalId && !doc?.finalDocumentId;
  useEffect(() => {
    if (!sealing) return;
    const t = setInterval(reload, 1000);
    return () => clearInterval(t);
  }, [sealing, reload]);
  const signOff = async () => {
    if (!doc?.sha256) return;
    setBusy(true);
    setSignError(null);
    try {
      const r = await api.post<Doc>(`/api/documents/${doc.id}/sign-offs`, { sha256: doc.sha256 });
      void message.success('已签署');
      if (r.pendingFinalDocumentId) setFinalId(r.pendingFinalDocumentId);
      reload();
    } catch (e) {
      setSignError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const mine = !!doc?.team && !!user && doc.team.pending.includes(user.id);
  const signed = !!doc?.team && !!user && doc.team.signedBy.includes(user.id);
  return (
    <Loading loading={loading && !doc} error={error}>
      {doc && (
        <Row gutter={16}>
          <Col xs={24} lg={16}>
            <Card title={`${doc.kindLabel}（第 ${doc.version} 版）`} extra={doc.candidateId && <Link to={`/candidates/${doc.candidateId}`}>返回人选</Link>}>
              {doc.sha256 ? <PdfViewer path={`/api/documents/${doc.id}/pdf`} title={`${doc.kindLabel}-v${doc.version}`} /> : <Alert type="info" title={doc.statusLabel} />}
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card title="文档信息">
              <Descriptions column={1} size="small">
                <Descriptions.Item label="状态">
                  <Tag color={doc.status === 'final' ? 'green' : 'default'} data-testid="document-status">
                    {doc.statusLabel}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label="SHA-256">
                  <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 11 }} data-testid="document-sha256">
                    {doc.sha256}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="核验码">
                  <a href={`/verify/${doc.verificationCode}`} target="_blank" rel="noreferrer">
                    {doc.verificationCode}
                  </a>
                </Descriptions.Item>
                <Descriptions.Item label="生成时间">{fmtTime(doc.renderedAt)}</Descriptions.Item>
              </Descriptions>
              <List
                header="考察组签署"
                size="small"
                dataSource={doc.signOffs}
                locale={{ emptyText: '尚无人签署' }}
                renderItem={(s) => (
                  <List.Item data-testid="sign-off">
                    {s.name} · {fmtTime(s.signedAt)}
                  </List.Item>
                )}
              />
              {doc.team && doc.team.pending.length > 0 && <Typography.Paragraph type="secondary">待签署：{doc.team.pending.length} 人</Typography.Paragraph>}
              <ErrorAlert error={signError} />
              {has('inspector') && doc.status === 'draft' && (
                <Space direction="vertical">
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                    签署即确认左侧 PDF 的内容（按上述 SHA-256 摘要签署）。
                  </Typography.Paragraph>
                  <Button type="primary" disabled={!mine} loading={busy} onClick={() => void signOff()} data-testid="sign-off-button">
                    {signed ? '您已签署' : '签署考察材料'}
                  </Button>
                </Space>
              )}
              {sealing && <Tag color="processing">全体成员已签署，正在盖章生成正式文本…</Tag>}
              {doc.finalDocumentId && (
                <Typography.Paragraph>
                  <Link to={`/documents/${doc.finalDocumentId}`} testId="final-document">
                    查看正式文本
                  </Link>
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
        </Row>
      )}
    </Loading>
  );
}
