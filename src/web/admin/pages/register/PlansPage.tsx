import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Grid, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../../domain/i18n';
import { api } from '../../api';
import { ExportButton } from '../../exports/ExportButton';
import { ErrorAlert, useShowError } from '../../errors';
import { useI18n, useLabelOr } from '../../i18n';
import { useCan } from '../../queries';
import { itemColumns } from './itemColumns';
import { yearOptions } from './ItemsPage';
import type { TItemSummary, TPlanResponse } from './types';

/** 年度计划: the plan of a year and its items; the office opens it, and closes it (later items are 一事一报). */
export function PlansPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
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
  const close = useMutation({
    mutationFn: (id: number) => api(`/plans/${id}/close`, { method: 'POST', body: {} }),
    onSuccess: () => {
      void message.success(t('plan.closedDone'));
      return client.invalidateQueries({ queryKey: ['plans'] });
    },
    onError: showError,
  });
  const p = plan.data?.plan;
  const n = plan.data?.items.length ?? 0;

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
          {p && <ExportButton path="/plans/export.xlsx" query={{ year }} fallbackName={`plan-${year}.xlsx`} testId="plan-export" />}
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
          type={p.status === 'open' ? 'success' : 'info'}
          showIcon
          data-testid="plan-open-state"
          data-status={p.status}
          title={
            <span>
              {p.status === 'closed' ? t('plan.isClosed', { year, n, date: formatDateTime(p.closedAt, lang) }) : t('plan.isOpen', { year, n })}{' '}
              <Tag color={p.status === 'open' ? 'green' : 'default'}>{labelOr(`planStatus.${p.status}`, p.status)}</Tag>
            </span>
          }
          action={
            plan.data?.canClose && (
              <Popconfirm title={t('plan.closeConfirm', { year })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => close.mutate(p.id)}>
                <Button icon={<LockOutlined />} loading={close.isPending} data-testid="plan-close">
                  {t('plan.close')}
                </Button>
              </Popconfirm>
            )
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
