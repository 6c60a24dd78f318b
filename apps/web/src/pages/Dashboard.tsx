import { Button, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Dashboard as DashboardView } from '@app/supervision';
import { api, type Json } from '../api';
import { Link, navigate } from '../router';
import { fmtTime, Loading, useLoad } from '../ui';

type Dash = Json<DashboardView>;

/** `closingBy` is 24:00 of the last working day, i.e. 00:00 the day after: say it the way a notice does. */
const endOfDayLabel = (iso: string) => `${new Date(new Date(iso).getTime() - 1).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })} 24:00`;

/** One figure as a card; the whole card opens the list behind the figure. */
function Figure({ title, value, to, testId, hint, warn }: { title: string; value: number; to: string; testId: string; hint: string; warn?: boolean }) {
  // `#id`: the list is on this page.
  const open = () => (to.startsWith('#') ? document.getElementById(to.slice(1))?.scrollIntoView({ behavior: 'smooth' }) : navigate(to));
  return (
    <Card hoverable size="small" onClick={open} data-testid={testId} className="dash-figure">
      <Statistic title={title} value={value} styles={{ content: { color: warn && value > 0 ? '#cf1322' : undefined } }} />
      <Typography.Link className="dash-link">{hint} →</Typography.Link>
    </Card>
  );
}

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

/** The organization department's home: what needs attention today, each figure a link to its list. */
export function Dashboard() {
  const { data, error, loading, reload } = useLoad(() => api.get<Dash>('/api/dashboard'), []);
  return (
    <Loading loading={loading && !data} error={error}>
      {data && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
          <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              工作台
            </Typography.Title>
            <Space>
              <Typography.Text type="secondary">统计时间 {fmtTime(data.generatedAt)}</Typography.Text>
              <Button size="small" onClick={reload}>
                刷新
              </Button>
            </Space>
          </Space>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={8} xl={4}>
              <Figure title="进行中的选任工作" value={data.openSelections.total} to="/org/selections" hint="全部选任工作" testId="dash-open-selections" />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Figure title="暂停的人选（举报待核）" value={data.candidatesOnHold} to="/org/reports?unresolved=true" hint="待办结的举报" testId="dash-on-hold" warn />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Figure title="逾期未复的征求意见" value={data.overdueConsultations} to="/org/consultations?status=overdue" hint="逾期清单" testId="dash-overdue" warn />
            </Col>
            <Col xs={12} md={12} xl={5}>
              <Figure title="3个工作日内截止的公示" value={data.noticesClosingSoon.count} to="#notices-closing" hint="见下方清单" testId="dash-notices" />
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Figure
                title="未答复的监督意见"
                value={data.unansweredRemarks.count}
                to="/org/remarks?answered=false"
                hint={`涉及 ${data.unansweredRemarks.selections} 项选任工作`}
                testId="dash-remarks"
                warn
              />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Section title="进行中的选任工作（按阶段）">
                <List
                  size="small"
                  dataSource={data.openSelections.byStage}
                  data-testid="dash-by-stage"
                  renderItem={(s) => (
                    <List.Item data-stage={s.stage} extra={<Tag color={s.count ? 'red' : 'default'}>{s.count}</Tag>}>
                      <Link to={`/org/selections?stage=${s.stage}`}>{s.label}</Link>
                    </List.Item>
                  )}
                />
              </Section>
            </Col>
            <Col xs={24} lg={14}>
              <div id="notices-closing" />
              <Section title="3个工作日内截止的公示" extra={<Typography.Text type="secondary">截至 {endOfDayLabel(data.noticesClosingSoon.closingBy)}</Typography.Text>}>
                {data.noticesClosingSoon.items.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近期没有截止的公示" />
                ) : (
                  <List
                    size="small"
                    dataSource={data.noticesClosingSoon.items}
                    data-testid="dash-notice-list"
                    renderItem={(n) => (
                      <List.Item extra={<Typography.Text type="secondary">{n.endsOn} 24:00 截止</Typography.Text>}>
                        <Space wrap size={4}>
                          <Tag>{n.kindLabel}</Tag>
                          <Link to={`/selections/${n.selectionId}?tab=notices`}>{n.selectionTitle}</Link>
                        </Space>
                      </List.Item>
                    )}
                  />
                )}
              </Section>
            </Col>
          </Row>
        </Space>
      )}
    </Loading>
  );
}
