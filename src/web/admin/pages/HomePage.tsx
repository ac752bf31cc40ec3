import { ApartmentOutlined, AuditOutlined, BankOutlined, LockOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { TAbility } from '../../../domain/abilities';
import type { TLabelKey } from '../../../domain/i18n';
import { api } from '../api';
import { ErrorAlert } from '../errors';
import { useI18n } from '../i18n';
import { useCan, useMe } from '../queries';
import { TaskReminders } from './collections/TasksPage';
import type { THomeStats } from '../types';

/** Account and audit counts only for the roles that work with them. */
const CARDS: { key: keyof THomeStats; label: TLabelKey; icon: ReactNode; ability?: TAbility }[] = [
  { key: 'orgs', label: 'home.stats.orgs', icon: <ApartmentOutlined /> },
  { key: 'schools', label: 'home.stats.schools', icon: <BankOutlined /> },
  { key: 'teachers', label: 'home.stats.teachers', icon: <TeamOutlined /> },
  { key: 'users', label: 'home.stats.users', icon: <UserOutlined />, ability: 'user.read' },
  { key: 'lockedUsers', label: 'home.stats.lockedUsers', icon: <LockOutlined />, ability: 'user.read' },
  { key: 'auditToday', label: 'home.stats.auditToday', icon: <AuditOutlined />, ability: 'audit.read' },
];

export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  const can = useCan();
  const stats = useQuery({ queryKey: ['home', 'stats'], queryFn: () => api<THomeStats>('/home/stats') });
  const user = me.data?.user;

  return (
    <div>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="home-welcome">
          {t('home.welcome', { name: user?.displayName ?? '' })}
        </Typography.Title>
        <Typography.Paragraph>{t('home.roleLine', { role: user ? t(`role.${user.role}`) : '', org: user?.org.name ?? '' })}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('home.intro')}
        </Typography.Paragraph>
      </Card>
      {can('collection.fill') && <TaskReminders />}
      {stats.isError ? (
        <ErrorAlert error={stats.error} />
      ) : (
        <Row gutter={[16, 16]} data-testid="home-stats">
          {CARDS.filter((c) => !c.ability || can(c.ability)).map((c) => (
            <Col key={c.key} xs={12} md={8} xl={4}>
              <Card loading={stats.isPending} data-testid={`stat-${c.key}`}>
                <Statistic title={t(c.label)} value={stats.data?.[c.key] ?? 0} prefix={c.icon} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
