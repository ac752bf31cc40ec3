import { App, Button, Card, Col, DatePicker, Empty, Form, Modal, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../../domain/i18n';
import { ErrorAlert, useShowError } from '../../errors';
import { ExportButton } from '../../exports/ExportButton';
import { useI18n, type TI18n } from '../../i18n';
import { useCan } from '../../queries';
import { buttonTestId } from '../../testId';
import { useRegisterSummary, useReturnTeacher, useSecondments } from './baselineQueries';
import { SECONDMENT_STATES, type TSecondment, type TSecondmentState } from './baselineTypes';
import { yearOptions } from './ItemsPage';
import { AdmissionNo, StatusTag } from './parts';
import { ITEM_STATUSES } from './types';

const OVERDUE_BG = '#fff1f0';

/** The date a seconded teacher came back: not before the secondment began, not in the future. */
function ReturnModal({ row, onClose }: { row: TSecondment; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const ret = useReturnTeacher();
  const [form] = Form.useForm<{ returnedAt?: Dayjs }>();
  return (
    <Modal
      open
      title={t('secondment.returnTitle', { name: row.teacherName, unit: row.borrowingUnit })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={ret.isPending}
      okButtonProps={buttonTestId('secondment-return-ok')}
      cancelButtonProps={buttonTestId('secondment-return-cancel')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ returnedAt: dayjs() }}
        onFinish={(v) =>
          ret.mutate(
            { id: row.id, returnedAt: (v.returnedAt ?? dayjs()).format('YYYY-MM-DD') },
            {
              onSuccess: () => {
                void message.success(t('secondment.returned'));
                onClose();
              },
              // refused (not the issuer's, already recorded, a date out of range…): the server's own message
              onError: showError,
            },
          )
        }
      >
        <Form.Item name="returnedAt" label={t('secondment.returnDate')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(row.from), 'day')} data-testid="secondment-return-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function columns(t: TI18n['t'], lang: TI18n['lang'], canReturn: boolean, onReturn: (r: TSecondment) => void): ColumnsType<TSecondment> {
  const cols: ColumnsType<TSecondment> = [
    {
      title: t('secondment.teacher'),
      dataIndex: 'teacherName',
      fixed: 'left',
      width: 96,
      render: (v: string, r) => (
        <Link to={`/items/${r.id}`} data-testid={`secondment-open-${r.id}`}>
          {v}
        </Link>
      ),
    },
    { title: t('secondment.borrowingUnit'), dataIndex: 'borrowingUnit', width: 160 },
    { title: t('secondment.from'), dataIndex: 'from', width: 130, render: (v: string) => formatDate(v, lang) },
    {
      title: t('secondment.deadline'),
      dataIndex: 'deadline',
      width: 150,
      render: (v: string, r) => (
        <Space size={4}>
          <span>{formatDate(v, lang)}</span>
          {r.overdue && (
            <Tag color="error" data-testid={`secondment-overdue-${r.id}`}>
              {t('secondment.overdue')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('item.status'), dataIndex: 'status', width: 100, render: (_v, r) => <StatusTag status={r.status} /> },
    { title: t('secondment.approved'), dataIndex: 'approved', width: 96, render: (v: boolean) => <Tag color={v ? 'green' : 'orange'}>{v ? t('common.yes') : t('common.no')}</Tag> },
    { title: t('item.admissionNo'), dataIndex: 'admissionNo', width: 180, render: (v: string | null) => <AdmissionNo value={v} /> },
    {
      title: t('secondment.returnedAt'),
      dataIndex: 'returnedAt',
      width: 130,
      render: (v: string | null, r) =>
        v ? (
          <span data-testid={`secondment-returned-${r.id}`}>{formatDate(v, lang)}</span>
        ) : (
          <Typography.Text type="secondary">{t('secondment.notReturned')}</Typography.Text>
        ),
    },
  ];
  if (canReturn) {
    cols.push({
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_v, r) =>
        // the server says when (approved or not: a rejected borrowing is cleared too; once only)
        r.canReturn ? (
          <Button size="small" onClick={() => onReturn(r)} data-testid={`secondment-return-${r.id}`}>
            {t('secondment.recordReturn')}
          </Button>
        ) : null,
    });
  }
  // overdue rows in light red, every cell (fixed cells paint their own background)
  return cols.map((c) => ({ ...c, onCell: (r: TSecondment) => ({ style: r.overdue ? { background: OVERDUE_BG } : undefined }) }));
}

/** 清退 and 制止 of a year, and the register's items by status. */
function SummaryCards() {
  const { t } = useI18n();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const sum = useRegisterSummary(year);
  const byStatus = ITEM_STATUSES.filter((s) => (sum.data?.byStatus[s] ?? 0) > 0);
  return (
    <Card
      size="small"
      data-testid="secondment-summary"
      title={t('secondment.summary.title')}
      extra={
        <Select
          value={year}
          onChange={setYear}
          options={yearOptions().map((y) => ({ value: y, label: t('common.year', { year: y }) }))}
          style={{ width: 110 }}
          aria-label={t('secondment.summaryYear')}
          data-testid="secondment-summary-year"
        />
      }
    >
      {sum.isError ? (
        <ErrorAlert error={sum.error} />
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <Statistic title={t('secondment.summary.returned')} value={sum.data?.teachersReturned ?? 0} loading={sum.isPending} data-testid="summary-returned" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('secondment.summary.stopped')} value={sum.data?.trainingsStopped ?? 0} loading={sum.isPending} data-testid="summary-stopped" />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
              {t('secondment.summary.byStatus')}
            </Typography.Text>
            <Space size={[4, 8]} wrap data-testid="summary-by-status">
              {byStatus.length === 0 && !sum.isPending && <Typography.Text type="secondary">{t('secondment.summary.noItems')}</Typography.Text>}
              {byStatus.map((s) => (
                <Space key={s} size={2} data-testid={`summary-status-${s}`} data-count={sum.data?.byStatus[s]}>
                  <StatusTag status={s} />
                  <Typography.Text strong>{sum.data?.byStatus[s]}</Typography.Text>
                </Space>
              ))}
            </Space>
          </Col>
        </Row>
      )}
    </Card>
  );
}

/** 借用教师清退: who is away at which unit since when and until when; overdue ones first to the eye; returns recorded. */
export function SecondmentsPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const [state, setState] = useState<TSecondmentState | 'all'>('all');
  const [returning, setReturning] = useState<TSecondment | null>(null);
  const filter = state === 'all' ? undefined : state;
  const list = useSecondments(filter);
  const overdue = (list.data ?? []).filter((r) => r.overdue).length;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="secondments-page">
      <SummaryCards />
      <Card title={t('nav.secondments')} extra={<ExportButton path="/secondments/export.xlsx" query={{ state: filter }} fallbackName="secondments.xlsx" testId="secondment-export" />}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented<TSecondmentState | 'all'>
            value={state}
            onChange={setState}
            options={(['all', ...SECONDMENT_STATES] as const).map((s) => ({ value: s, label: <span data-testid={`secondment-filter-${s}`}>{t(`secondment.filter.${s}`)}</span> }))}
            data-testid="secondment-filter"
          />
          {state !== 'returned' && overdue > 0 && <Tag color="error">{t('secondment.overdueCount', { n: overdue })}</Tag>}
        </Space>
        {list.isError ? (
          <ErrorAlert error={list.error} />
        ) : (
          <Table<TSecondment>
            rowKey="id"
            size="middle"
            data-testid="secondment-table"
            columns={columns(t, lang, can('register.submit'), setReturning)}
            dataSource={list.data}
            loading={list.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('secondment.empty')} /> }}
            onRow={(r) => ({ 'data-testid': `secondment-row-${r.id}`, 'data-overdue': r.overdue ? '1' : '0'}) as HTMLAttributes<HTMLElement>}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
          />
        )}
      </Card>
      {returning && <ReturnModal row={returning} onClose={() => setReturning(null)} />}
    </Space>
  );
}
