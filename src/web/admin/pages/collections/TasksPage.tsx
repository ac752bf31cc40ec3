import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { formatDate } from '../../../../domain/i18n';
import { api } from '../../api';
import { ErrorAlert } from '../../errors';
import { useI18n } from '../../i18n';
import type { TTask } from './types';

function useTasks(enabled = true) {
  return useQuery({ queryKey: ['collections', 'tasks'], queryFn: () => api<{ items: TTask[] }>('/collections/tasks'), enabled });
}

/** `/tasks`: what I have to fill, newest first, with the school's reminders. */
export function TasksPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const q = useTasks();
  if (q.isError) return <ErrorAlert error={q.error} />;
  return (
    <Card title={t('collections.tasks.title')} loading={q.isPending} data-testid="tasks-page" styles={{ body: { padding: 12 } }}>
      {q.data?.items.length ? (
        <List
          dataSource={q.data.items}
          renderItem={(task) => (
            <List.Item
              data-testid={`task-${task.responseId}`}
              actions={[
                <Button key="fill" type={task.status === 'pending' ? 'primary' : 'default'} onClick={() => void navigate(`/fill/${task.responseId}`)} data-testid={`task-fill-${task.responseId}`}>
                  {t('collections.tasks.fill')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={<Typography.Text style={{ whiteSpace: 'normal' }}>{task.title}</Typography.Text>}
                description={
                  <Space wrap size={[8, 2]}>
                    <Tag color={task.status === 'submitted' ? 'green' : 'default'}>{t(`collections.response.status.${task.status}`)}</Tag>
                    {task.admissionNo && <span>{task.admissionNo}</span>}
                    {task.windowEnd && <span>{formatDate(task.windowEnd, lang)}</span>}
                    {task.status === 'pending' && task.remindCount > 0 && <Tag icon={<BellOutlined />} color="orange">{task.remindCount}</Tag>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty description={t('collections.tasks.empty')} />
      )}
    </Card>
  );
}

/** On the home page: the forms still to fill that the school reminded me about. */
export function TaskReminders() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useTasks();
  const reminded = (q.data?.items ?? []).filter((x) => x.status === 'pending' && x.open);
  if (!reminded.length) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="home-task-reminders">
      {reminded.map((x) => (
        <Alert
          key={x.responseId}
          type={x.remindCount > 0 ? 'warning' : 'info'}
          showIcon
          icon={<BellOutlined />}
          title={x.title}
          description={x.remindCount > 0 ? t('collections.tasks.reminded', { n: x.remindCount }) : undefined}
          action={
            <Button size="small" type="primary" onClick={() => void navigate(`/fill/${x.responseId}`)}>
              {t('collections.tasks.fill')}
            </Button>
          }
        />
      ))}
    </Space>
  );
}
