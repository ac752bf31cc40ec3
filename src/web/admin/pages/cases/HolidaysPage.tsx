import { ArrowLeftOutlined, DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CASE_LIMITS } from '../../../../domain/cases/limits';
import { formatDate } from '../../../../domain/i18n';
import { chinaToday } from '../../../../domain/time';
import { api } from '../../api';
import { ErrorAlert, useShowError } from '../../errors';
import { useI18n } from '../../i18n';
import { useCan } from '../../queries';

type THolidayKind = 'off' | 'work';
interface THoliday {
  date: string;
  kind: THolidayKind;
  name: string;
}

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * 节假日安排: the calendar the case deadlines count working days on (weekends off, public holidays
 * off, 调休 make-up days on). Everyone who reads cases sees it; the office adds and removes days.
 * A change moves the deadlines of cases received after it; open cases keep theirs.
 */
export function HolidaysPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const client = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const [year, setYear] = useState(Number(chinaToday().slice(0, 4)));
  const [form] = Form.useForm<{ date: Dayjs; kind: THolidayKind; name: string }>();
  const list = useQuery({ queryKey: ['holidays', year], queryFn: () => api<{ year: number; items: THoliday[] }>('/holidays', { query: { year } }) });
  const refresh = () => client.invalidateQueries({ queryKey: ['holidays'] });
  const save = useMutation({
    mutationFn: (v: { date: string; kind: THolidayKind; name: string }) => api<THoliday>(`/holidays/${v.date}`, { method: 'PUT', body: { kind: v.kind, name: v.name } }),
    onSuccess: async () => {
      form.resetFields(['date', 'name']);
      await refresh();
      void message.success(t('holidays.saved'));
    },
    onError: showError,
  });
  const remove = useMutation({ mutationFn: (date: string) => api<unknown>(`/holidays/${date}`, { method: 'DELETE' }), onSuccess: refresh, onError: showError });
  const edit = can('case.manage');
  const weekday = (d: string) => (lang === 'zh' ? `周${WEEKDAYS_ZH[dayjs(d).day()]}` : WEEKDAYS_EN[dayjs(d).day()]);
  const items = list.data?.items ?? [];

  const columns: TableColumnsType<THoliday> = [
    { key: 'date', title: t('holidays.date'), dataIndex: 'date', render: (d: string) => `${formatDate(d, lang)}（${weekday(d)}）` },
    { key: 'kind', title: t('holidays.kind'), dataIndex: 'kind', render: (k: THolidayKind) => <Tag color={k === 'off' ? 'red' : 'blue'}>{t(`holidays.kind.${k}`)}</Tag> },
    { key: 'name', title: t('holidays.name'), dataIndex: 'name' },
    ...(edit
      ? [
          {
            key: 'actions',
            title: '',
            render: (_v: unknown, r: THoliday) => (
              <Popconfirm title={t('holidays.deleteConfirm', { date: formatDate(r.date, lang) })} onConfirm={() => remove.mutate(r.date)}>
                <Button size="small" danger type="text" icon={<DeleteOutlined />} aria-label={t('holidays.delete')} data-testid={`holiday-delete-${r.date}`} />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/cases')} aria-label={t('common.back')} />
          {t('holidays.title')}
        </Space>
      }
      extra={
        <Space>
          <Typography.Text type="secondary">{t('holidays.year')}</Typography.Text>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="holiday-year" />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('holidays.hint')}</Typography.Paragraph>
      {edit && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ kind: 'off' }}
          style={{ marginBottom: 16, rowGap: 8 }}
          onFinish={(v) => save.mutate({ date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name.trim() })}
          data-testid="holiday-form"
        >
          <Form.Item name="date" label={t('holidays.date')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker data-testid="holiday-date" />
          </Form.Item>
          <Form.Item name="kind" label={t('holidays.kind')}>
            <Radio.Group
              options={(['off', 'work'] as const).map((k) => ({ value: k, label: t(`holidays.kind.${k}`) }))}
              optionType="button"
              data-testid="holiday-kind"
            />
          </Form.Item>
          <Form.Item name="name" label={t('holidays.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={CASE_LIMITS.holidayName} placeholder={t('holidays.namePlaceholder')} style={{ width: 200 }} data-testid="holiday-name" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="holiday-save">
              {t('holidays.save')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Table<THoliday>
          rowKey="date"
          size="middle"
          data-testid="holiday-table"
          columns={columns}
          dataSource={items}
          loading={list.isFetching}
          pagination={false}
          onRow={(r) => ({ 'data-testid': `holiday-row-${r.date}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('holidays.empty', { year }) }}
        />
      )}
    </Card>
  );
}
