import { App as AntApp, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { OpenVoteView } from '@app/workflow';
import { api, type Json } from '../api';
import { Link } from '../router';
import { asApiError, ErrorAlert, Loading, useLoad } from '../ui';

type OpenVote = Json<OpenVoteView>;

const CHOICES = [
  { value: 'agree', label: '同意', type: 'primary' as const },
  { value: 'disagree', label: '不同意', type: 'default' as const },
  { value: 'defer', label: '缓议', type: 'default' as const },
];

/** One screen per candidate, phone-sized: the name, three big buttons, then the next candidate. */
function Ballot({ vote, onCast }: { vote: OpenVote; onCast: () => void }) {
  const { message } = AntApp.useApp();
  const pending = vote.agenda.filter((a) => !a.voted && !a.recused);
  const [error, setError] = useState<ReturnType<typeof asApiError> | null>(null);
  const [busy, setBusy] = useState(false);
  const current = pending[0];
  const cast = async (choice: string) => {
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/votes/${vote.id}/ballots`, { candidateId: current.candidateId, choice });
      void message.success('已投票');
      onCast();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  if (!vote.present) return <Typography.Paragraph>您未列为到会成员，不能投票。</Typography.Paragraph>;
  if (!current) return <Typography.Paragraph data-testid="vote-done">本轮议程您已全部表决，谢谢。</Typography.Paragraph>;
  const index = vote.agenda.findIndex((a) => a.candidateId === current.candidateId) + 1;
  return (
    <div className="vote-card" data-testid="ballot">
      <Typography.Text type="secondary">
        第 {index} / {vote.agenda.length} 名
      </Typography.Text>
      <Typography.Title level={2} style={{ margin: '8px 0' }} data-testid="ballot-candidate">
        {current.name}
      </Typography.Title>
      <Typography.Paragraph>{current.currentPost}</Typography.Paragraph>
      {vote.isSecretary && <Tag color="gold">书记末位表态：其他到会成员表决后方可投票</Tag>}
      <ErrorAlert error={error} />
      <Space direction="vertical" style={{ width: '100%' }} className="vote-buttons">
        {CHOICES.map((c) => (
          <Button key={c.value} block type={c.type} danger={c.value === 'disagree'} loading={busy} onClick={() => void cast(c.value)} data-testid={`ballot-${c.value}`}>
            {c.label}
          </Button>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        无记名投票：系统只记录您已投票，不记录您投了什么。
      </Typography.Paragraph>
    </div>
  );
}

export function VotesPage({ id }: { id?: string }) {
  const votes = useLoad(() => api.get<OpenVote[]>('/api/votes'), []);
  const shown = id ? votes.data?.filter((v) => v.id === id) : votes.data;
  return (
    <Loading loading={votes.loading && !votes.data} error={votes.error}>
      {(shown ?? []).length === 0 ? (
        <Card>
          <Empty description="当前没有进行中的电子票决" />
        </Card>
      ) : (
        <List
          dataSource={shown}
          renderItem={(v) => (
            <Card key={v.id} title={`${v.selectionTitle}（第 ${v.round} 轮）`} style={{ marginBottom: 12 }} extra={!id && <Link to={`/votes/${v.id}`}>单独打开</Link>}>
              <Ballot vote={v} onCast={votes.reload} />
            </Card>
          )}
        />
      )}
    </Loading>
  );
}
