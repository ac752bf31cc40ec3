import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Grid, Input, Row, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ITEM_KINDS, type TItemKind } from '../../../../domain/register/kinds';
import { api } from '../../api';
import { ExportButton } from '../../exports/ExportButton';
import { ErrorAlert } from '../../errors';
import { useI18n } from '../../i18n';
import { useCan } from '../../queries';
import type { TPage } from '../../types';
import { itemColumns } from './itemColumns';
import { ITEM_STATUSES, type TItemStatus, type TItemSummary } from './types';
import { useServerPaging } from '../../paging';

interface TItemFilter {
  status?: TItemStatus;
  kind?: TItemKind;
  year?: number;
  q?: string;
}

/** Years offered by the filters: two back, two ahead. */
export function yearOptions(span = 2): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: span * 2 + 1 }, (_v, i) => now + span - i);
}

/** 事项登记: the items in scope, filtered, with the Excel export of the same filter. */
export function ItemsPage() {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const can = useCan();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<TItemFilter>({});
  const { paging, firstPage, pagination } = useServerPaging();
  const query = { ...filter, ...paging };
  const list = useQuery({ queryKey: ['items', 'list', query], queryFn: () => api<TPage<TItemSummary>>('/items', { query }), placeholderData: keepPreviousData });
  const change = (f: TItemFilter) => {
    setFilter(f);
    firstPage();
  };

  return (
    <Card
      title={t('nav.items')}
      extra={
        <Space wrap>
          <ExportButton path="/items/export.xlsx" query={{ ...filter }} fallbackName="items.xlsx" testId="item-export" />
          {can('register.submit') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/items/new')} data-testid="item-new">
              {t('item.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }} data-testid="item-filters">
        <Col xs={12} sm={8} lg={4}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder={t('item.filter.status')}
            options={ITEM_STATUSES.map((s) => ({ value: s, label: t(`itemStatus.${s}`) }))}
            value={filter.status}
            onChange={(status?: TItemStatus) => change({ ...filter, status })}
            data-testid="if-status"
          />
        </Col>
        <Col xs={12} sm={8} lg={5}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder={t('item.filter.kind')}
            options={ITEM_KINDS.map((k) => ({ value: k, label: t(`itemKind.${k}`) }))}
            value={filter.kind}
            onChange={(kind?: TItemKind) => change({ ...filter, kind })}
            data-testid="if-kind"
          />
        </Col>
        <Col xs={24} sm={8} lg={4}>
          <Select
            style={{ width: '100%' }}
            allowClear
            placeholder={t('item.filter.year')}
            options={yearOptions().map((y) => ({ value: y, label: t('common.year', { year: y }) }))}
            value={filter.year}
            onChange={(year?: number) => change({ ...filter, year })}
            data-testid="if-year"
          />
        </Col>
        <Col xs={24} lg={11}>
          <Input.Search allowClear placeholder={t('item.filter.q')} onSearch={(q) => change({ ...filter, q: q.trim() || undefined })} data-testid="if-q" />
        </Col>
      </Row>
      {list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Table<TItemSummary>
          rowKey="id"
          size="middle"
          data-testid="item-table"
          columns={itemColumns(t, lang, !screens.sm)}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={pagination(list.data?.total)}
        />
      )}
    </Card>
  );
}
