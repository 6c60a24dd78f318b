import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Result, Space, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import type { Role } from '@app/common';
import { homeOf, useAuth } from './auth';
import { Account } from './pages/Account';
import { CandidatePage } from './pages/CandidatePage';
import { ConsultationsAdmin } from './pages/ConsultationsAdmin';
import { Dashboard } from './pages/Dashboard';
import { DocumentPage } from './pages/DocumentPage';
import { LoginPage } from './pages/LoginPage';
import { Portal, ReceiptLookup, VerifyPage } from './pages/PublicPages';
import { RecordPage } from './pages/RecordPage';
import { ReportsAdmin } from './pages/ReportsAdmin';
import { SelectionPage } from './pages/SelectionPage';
import { SelectionsList } from './pages/SelectionsList';
import { RemarksAdmin, SupervisorSelections } from './pages/Supervision';
import { UnitConsultations } from './pages/UnitConsultations';
import { VotesPage } from './pages/VotesPage';
import { match, navigate, useLocation } from './router';

/** Shown next to the user's name; keyed by the API's Role type so a new role fails to compile here. */
const ROLE_NAMES: Record<Role, string> = {
  org_admin: '组织部工作人员',
  inspector: '考察组成员',
  unit_respondent: '征求意见单位经办人',
  supervisor: '义务监督员',
  committee_member: '常委',
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '安全审计员',
};

interface MenuEntry {
  key: string;
  label: string;
  roles: Role[];
}

const MENU: MenuEntry[] = [
  { key: '/org/dashboard', label: '工作台', roles: ['org_admin'] },
  { key: '/org/selections', label: '选任工作', roles: ['org_admin', 'audit_admin'] },
  { key: '/org/consultations', label: '征求意见', roles: ['org_admin'] },
  { key: '/org/reports', label: '举报核查', roles: ['org_admin'] },
  { key: '/org/remarks', label: '监督意见', roles: ['org_admin', 'audit_admin'] },
  { key: '/inspector/selections', label: '我的考察任务', roles: ['inspector'] },
  { key: '/unit/consultations', label: '征求意见函', roles: ['unit_respondent'] },
  { key: '/supervisor/selections', label: '监督的选任工作', roles: ['supervisor'] },
  { key: '/votes', label: '电子票决', roles: ['committee_member'] },
];

type Route = { pattern: string; render: (p: Record<string, string>) => ReactNode; public?: boolean };

const ROUTES: Route[] = [
  { pattern: '/login', render: () => <LoginPage />, public: true },
  { pattern: '/portal', render: () => <Portal />, public: true },
  { pattern: '/portal/receipt', render: () => <ReceiptLookup />, public: true },
  { pattern: '/verify', render: () => <VerifyPage />, public: true },
  { pattern: '/verify/:code', render: (p) => <VerifyPage code={p.code} />, public: true },
  { pattern: '/org/selections', render: () => <SelectionsList title="选任工作" canCreate /> },
  { pattern: '/inspector/selections', render: () => <SelectionsList title="我的考察任务" /> },
  { pattern: '/supervisor/selections', render: () => <SupervisorSelections /> },
  { pattern: '/org/dashboard', render: () => <Dashboard /> },
  { pattern: '/org/remarks', render: () => <RemarksAdmin /> },
  { pattern: '/selections/:id', render: (p) => <SelectionPage id={p.id} /> },
  { pattern: '/selections/:id/record', render: (p) => <RecordPage id={p.id} /> },
  { pattern: '/org/selections/:id', render: (p) => <SelectionPage id={p.id} /> },
  { pattern: '/candidates/:id', render: (p) => <CandidatePage id={p.id} /> },
  { pattern: '/documents/:id', render: (p) => <DocumentPage id={p.id} /> },
  { pattern: '/org/consultations', render: () => <ConsultationsAdmin /> },
  { pattern: '/org/reports', render: () => <ReportsAdmin /> },
  { pattern: '/unit/consultations', render: () => <UnitConsultations /> },
  { pattern: '/unit/consultations/:id', render: (p) => <UnitConsultations id={p.id} /> },
  { pattern: '/votes', render: () => <VotesPage /> },
  { pattern: '/votes/:id', render: (p) => <VotesPage id={p.id} /> },
  { pattern: '/account', render: () => <Account /> },
];

function PublicShell({ children }: { children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="gov-header">
        <a href="/portal" className="gov-title">
          干部选拔任用公示与监督
        </a>
        <Space>
          <a href="/public/notices">公示栏</a>
          <a href="/portal/receipt">举报查询</a>
          <a href="/verify">文件核验</a>
          <a href="/login">工作人员登录</a>
        </Space>
      </Layout.Header>
      <Layout.Content className="page">{children}</Layout.Content>
    </Layout>
  );
}

function Shell({ children, path }: { children: ReactNode; path: string }) {
  const { user, logout } = useAuth();
  if (!user) return null;
  const items = MENU.filter((m) => m.roles.some((r) => user.roles.includes(r))).map((m) => ({ key: m.key, label: m.label }));
  const selected = items.filter((i) => path.startsWith(i.key)).map((i) => i.key);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <a href={homeOf(user.roles)} className="app-title" onClick={(e) => (e.preventDefault(), navigate(homeOf(user.roles)))}>
          干部考察工作平台
        </a>
        <Menu
          theme="dark"
          mode="horizontal"
          items={items}
          selectedKeys={selected}
          onClick={(e) => navigate(e.key)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Space className="app-user">
          <UserOutlined />
          <span data-testid="current-user">{user.displayName}</span>
          <Typography.Text className="app-roles">{user.roles.map((r) => ROLE_NAMES[r]).join('、')}</Typography.Text>
          <Button size="small" icon={<LogoutOutlined />} onClick={logout} data-testid="logout">
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="page">{children}</Layout.Content>
    </Layout>
  );
}

export function App() {
  const { path } = useLocation();
  const { user } = useAuth();
  const found = ROUTES.map((r) => ({ r, params: match(r.pattern, path) })).find((x) => x.params);

  useEffect(() => {
    if (path === '/' || (!found && user)) navigate(user ? homeOf(user.roles) : '/login', { replace: true });
    else if (found && !found.r.public && !user) navigate('/login', { replace: true });
  }, [path, found, user]);

  if (!found) return null;
  const page = found.r.render(found.params!);
  if (found.r.public) return path === '/login' ? page : <PublicShell>{page}</PublicShell>;
  if (!user) return null;
  return <Shell path={path}>{page}</Shell>;
}

export function NotFound() {
  return <Result status="404" title="页面不存在" />;
}
