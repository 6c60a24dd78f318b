import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { ApiErrorBody } from '../api';
import { homeOf, useAuth } from '../auth';
import { navigate } from '../router';
import { applyApiError, ErrorAlert } from '../ui';

export function LoginPage() {
  const { login } = useAuth();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(v.username.trim(), v.password);
      navigate(homeOf(user.roles), { replace: true });
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(#8b0000 0 180px, #f5f5f5 180px)' }}>
      <Card style={{ width: 380, maxWidth: '92vw' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          干部考察工作平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          组织部、考察组、征求意见单位、常委、义务监督员登录
        </Typography.Paragraph>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            登录
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          <a href="/public/notices">公示栏</a> · <a href="/portal/receipt">举报受理查询</a> · <a href="/verify">文件核验</a>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
