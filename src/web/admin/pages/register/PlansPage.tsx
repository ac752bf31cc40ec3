import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Grid, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { ErrorAlert, useShowError } from '../../errors';
import { useI18n, useLabelOr } from '../../i18n';
import { useCan } from '../../queries';
import { itemColumns } from './itemColumns';
import { yearOptions } from './ItemsPage';
import type { TItemSummary, TPlanResponse } from './types';

/** 年度计划: the plan of a year and its items; the office opens it. */
export function PlansPage() {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const labelOr = useLabelOr();
  const can = useCan();
  const client = useQueryClient();
  const showError = useShowError();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const plan = useQuery({ queryKey: ['plans', year], queryFn: () => api<TPlanResponse>('/plans', { query: { year } }) });
  const open = useMutation({
    mutationFn: () => api('/plans', { method: 'POST', body: { year } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['plans'] }),
    onError: showError,
  });
  const p = plan.data?.plan;

  return (
    <Card
      title={t('nav.plans')}
      extra={
        <Space wrap>
          <Select
            value={year}
            onChange={setYear}
            options={yearOptions().map((y) => ({ value: y, label: t('common.year', { year: y }) }))}
            style={{ width: 120 }}
            aria-label={t('plan.year')}
            data-testid="plan-year"
          />
        </Space>
      }
    >
      {plan.isError && <ErrorAlert error={plan.error} />}
      {plan.isSuccess && !p && (
        <Alert
          type="info"
          showIcon
          data-testid="plan-not-open"
          title={t('plan.notOpen', { year })}
          action={
            can('register.manage') && (
              <Popconfirm title={t('plan.openConfirm', { year })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => open.mutate()}>
                <Button type="primary" icon={<PlusOutlined />} loading={open.isPending} data-testid="plan-open">
                  {t('plan.open')}
                </Button>
              </Popconfirm>
            )
          }
        />
      )}
      {p && (
        <Alert
          type="success"
          showIcon
          data-testid="plan-open-state"
          title={
            <span>
              {t('plan.isOpen', { year, n: plan.data?.items.length ?? 0 })} <Tag color={p.status === 'open' ? 'green' : 'default'}>{labelOr(`planStatus.${p.status}`, p.status)}</Tag>
            </span>
          }
        />
      )}
      {p && (
        <Table<TItemSummary>
          style={{ marginTop: 12 }}
          rowKey="id"
          size="middle"
          data-testid="plan-table"
          columns={itemColumns(t, lang, !screens.sm)}
          dataSource={plan.data?.items}
          loading={plan.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
        />
      )}
    </Card>
  );
}
