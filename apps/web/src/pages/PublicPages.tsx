import { Button, Card, Descriptions, Form, Input, Result, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { VerifyResult } from '@app/document-registry';
import type { PublicReportStatusView } from '@app/notices';
import { api, type Json } from '../api';
import { navigate } from '../router';
import { asApiError, ErrorAlert, fmtTime, Loading, useLoad } from '../ui';

export function Portal() {
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="干部任前公示与群众监督">
        <Typography.Paragraph>
          公示期间，任何单位和个人均可对公示对象反映情况。反映问题应实事求是，提倡署真实姓名并提供联系方式，以便核实。
        </Typography.Paragraph>
        <Space wrap>
          <Button type="primary" size="large" href="/public/notices" data-testid="portal-notices">
            查看公示栏并反映情况
          </Button>
          <Button size="large" onClick={() => navigate('/portal/receipt')}>
            查询举报受理情况
          </Button>
          <Button size="large" onClick={() => navigate('/verify')}>
            核验文件真伪
          </Button>
        </Space>
      </Card>
    </Space>
  );
}

export function ReceiptLookup() {
  const [result, setResult] = useState<PublicReportStatusView | null>(null);
  const [error, setError] = useState<ReturnType<typeof asApiError> | null>(null);
  const lookup = async ({ code }: { code: string }) => {
    setError(null);
    setResult(null);
    try {
      setResult(await api.get<PublicReportStatusView>(`/public/reports/${encodeURIComponent(code.trim())}`));
    } catch (e) {
      setError(asApiError(e));
    }
  };
  return (
    <Card title="举报受理查询" style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Paragraph type="secondary">请输入提交举报时获得的受理编号。出于保护，只显示办理状态。</Typography.Paragraph>
      <Form layout="vertical" onFinish={lookup}>
        <Form.Item name="code" label="受理编号" rules={[{ required: true, message: '请输入受理编号' }]}>
          <Input size="large" data-testid="receipt-code" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="receipt-submit">
          查询
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={error} />
        {result && (
          <Descriptions bordered column={1} data-testid="receipt-result">
            <Descriptions.Item label="受理编号">{result.receiptCode}</Descriptions.Item>
            <Descriptions.Item label="办理状态">{result.statusLabel}</Descriptions.Item>
          </Descriptions>
        )}
      </div>
    </Card>
  );
}

function VerifyOutcome({ r }: { r: Json<VerifyResult> }) {
  return r.valid ? (
    <Result
      status="success"
      title="文件真实有效"
      subTitle={`${r.kindLabel ?? ''}，出具于 ${fmtTime(r.issuedAt)}`}
      extra={
        <Descriptions column={1} size="small" data-testid="verify-result">
          <Descriptions.Item label="状态">{r.statusLabel}</Descriptions.Item>
          <Descriptions.Item label="SHA-256">
            <Typography.Text code style={{ wordBreak: 'break-all' }}>
              {r.sha256}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      }
    />
  ) : (
    <Result status="error" title="未找到该文件" subTitle="核验码不存在，或文件已被修改。请向出具单位核实。" data-testid="verify-result" />
  );
}

export function VerifyPage({ code }: { code?: string }) {
  const byCode = useLoad(() => (code ? api.get<Json<VerifyResult>>(`/public/verify/${encodeURIComponent(code)}`) : Promise.resolve(null)), [code]);
  const [uploaded, setUploaded] = useState<Json<VerifyResult> | null>(null);
  const [error, setError] = useState<ReturnType<typeof asApiError> | null>(null);
  const upload = async (file: File) => {
    setError(null);
    const fd = new FormData();
    fd.append('file', file, file.name);
    try {
      setUploaded(await api.postForm<Json<VerifyResult>>('/public/verify', fd));
    } catch (e) {
      setError(asApiError(e));
    }
    return false;
  };
  return (
    <Card title="文件核验" style={{ maxWidth: 720, margin: '0 auto' }}>
      {code ? (
        <Loading loading={byCode.loading} error={byCode.error}>
          {byCode.data && <VerifyOutcome r={byCode.data} />}
        </Loading>
      ) : (
        <Form layout="inline" onFinish={({ c }: { c: string }) => navigate(`/verify/${encodeURIComponent(c.trim())}`)}>
          <Form.Item name="c" label="核验码" rules={[{ required: true, message: '请输入文件上的核验码' }]}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            核验
          </Button>
        </Form>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        或上传 PDF 核验
      </Typography.Title>
      <Upload accept="application/pdf" beforeUpload={(f) => upload(f)} showUploadList={false}>
        <Button>选择 PDF 文件</Button>
      </Upload>
      <ErrorAlert error={error} />
      {uploaded && <VerifyOutcome r={uploaded} />}
    </Card>
  );
}
