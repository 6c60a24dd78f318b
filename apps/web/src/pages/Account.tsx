import { Card, Descriptions } from 'antd';
import { useAuth } from '../auth';

export function Account() {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Card title="我的账号">
      <Descriptions column={1}>
        <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
        <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
