import { CheckSquareOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Calendar, Card, Col, Empty, Grid, Progress, Row, Space, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { formatDate } from '../../../../domain/i18n';
import { api } from '../../api';
import { ErrorAlert } from '../../errors';
import { ExportButton } from '../../exports/ExportButton';
import { useI18n } from '../../i18n';
import { AdmissionNo, KindTag } from './parts';
import { RefuseModal } from './RefuseModal';
import type { TSchoolItem, TSchoolItems } from './types';
import { UseModal } from './UseModal';
import { VerifyBox } from './VerifyBox';

const ISO = 'YYYY-MM-DD';
const onDay = (items: readonly TSchoolItem[], day: Dayjs) => {
  const d = day.format(ISO);
  return items.filter((i) => i.windowStart <= d && d <= i.windowEnd);
};

/** One item: its number and code, its window, uses against the cap, and (for the school's administrator) recording a use. */
function SchoolItemCard({ item, onRecord }: { item: TSchoolItem; onRecord?: (item: TSchoolItem) => void }) {
  const { t, lang } = useI18n();
  const cap = item.frequencyCap;
  const over = cap !== null && item.uses > cap;
  const full = cap !== null && item.uses >= cap;
  const started = item.windowStart <= dayjs().format(ISO);
  return (
    <Card size="small" data-testid={`school-item-${item.id}`}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <div>
          <KindTag kind={item.kind} />
          <Typography.Text strong>{item.title}</Typography.Text>
        </div>
        <div>
          {t('item.admissionNo')}
          {t('common.colon')}
          <AdmissionNo value={item.admissionNo} />
        </div>
        {item.verifyCode && (
          <div>
            {t('item.verifyCode')}
            {t('common.colon')}
            <Typography.Text code copyable>
              {item.verifyCode}
            </Typography.Text>
          </div>
        )}
        <Typography.Text type="secondary">{t('common.range', { from: formatDate(item.windowStart, lang), to: formatDate(item.windowEnd, lang) })}</Typography.Text>
        {item.revokedAt && (
          <Tag color="volcano" data-testid={`school-item-revoked-${item.id}`}>
            {t('school.revokedFrom', { date: formatDate(item.revokedAt, lang) })}
          </Tag>
        )}
        {cap !== null ? (
          <Progress percent={Math.min(100, Math.round((item.uses / cap) * 100))} status={over ? 'exception' : undefined} format={() => `${item.uses}/${cap}`} />
        ) : null}
        <Typography.Text type={over ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid={`school-item-uses-${item.id}`}>
          {cap !== null ? t('school.usesOf', { uses: item.uses, cap }) : t('school.usesNoCap', { uses: item.uses })}
        </Typography.Text>
        {onRecord &&
          started &&
          (full ? (
            <Tag data-testid={`school-item-full-${item.id}`}>{t('school.capReached')}</Tag>
          ) : (
            <Button size="small" icon={<CheckSquareOutlined />} onClick={() => onRecord(item)} data-testid={`school-item-use-${item.id}`}>
              {t('school.recordUse')}
            </Button>
          ))}
      </Space>
    </Card>
  );
}

/** 本校进校事项: what may enter my school this term, a calendar, checking a code, refusing an unregistered demand. */
export function SchoolPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [refusing, setRefusing] = useState(false);
  const [using, setUsing] = useState<TSchoolItem | null>(null);
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const q = useQuery({ queryKey: ['school', 'items'], queryFn: () => api<TSchoolItems>('/school/items') });
  const items = q.data?.items ?? [];
  const term = q.data?.term;
  const dayItems = onDay(items, day);
  const onRecord = q.data?.canRecordUse ? setUsing : undefined;

  const list = items.length ? (
    <Row gutter={[12, 12]} data-testid="school-items">
      {items.map((i) => (
        <Col key={i.id} xs={24} md={12} xl={8}>
          <SchoolItemCard item={i} onRecord={onRecord} />
        </Col>
      ))}
    </Row>
  ) : (
    <Empty description={t('school.empty')} data-testid="school-items-empty" />
  );

  const calendar = (
    <div data-testid="school-calendar">
      <Calendar
        fullscreen={!!screens.md}
        value={day}
        onSelect={(d) => setDay(d)}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const n = onDay(items, d);
          if (!n.length) return null;
          return screens.md ? (
            <div>
              {n.slice(0, 3).map((i) => (
                <div key={i.id} className="jf-cal-item" title={i.title}>
                  {i.title}
                </div>
              ))}
              {n.length > 3 && <div className="jf-cal-more">+{n.length - 3}</div>}
            </div>
          ) : (
            <div className="jf-cal-dot" aria-label={String(n.length)} />
          );
        }}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('school.onDay', { date: formatDate(day.format(ISO), lang) })}
      </Typography.Title>
      {dayItems.length ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {dayItems.map((i) => (
            <SchoolItemCard key={i.id} item={i} onRecord={onRecord} />
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('school.noneOnDay')}</Typography.Text>
      )}
    </div>
  );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="school-page">
      <Card>
        <Row gutter={[16, 16]} align="middle">
          <Col xs={24} md={14}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {q.data?.school.name ?? t('nav.school')}
            </Typography.Title>
            {term && (
              <Typography.Text type="secondary">
                {t('school.term', {
                  year: t('register.schoolYear', { start: term.schoolYear, end: term.schoolYear + 1 }),
                  term: t(`term.${term.term}`),
                })}
              </Typography.Text>
            )}
          </Col>
          <Col xs={24} md={10}>
            <Button danger type="primary" size="large" block icon={<StopOutlined />} onClick={() => setRefusing(true)} style={{ height: 56, fontSize: 18 }} data-testid="school-refuse">
              {t('school.refuse')}
            </Button>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('school.verify')}>
        <Typography.Paragraph type="secondary">{t('school.verifyHint')}</Typography.Paragraph>
        <VerifyBox />
      </Card>
      {q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <Card size="small" loading={q.isPending}>
          {q.data && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('school.usesYear', { year: q.data.usesYear })}
            </Typography.Text>
          )}
          <Tabs
            tabBarExtraContent={<ExportButton path="/school/items/export.xlsx" query={{}} fallbackName="school-items.xlsx" testId="school-export" />}
            items={[
              { key: 'list', label: t('school.items'), children: list },
              { key: 'calendar', label: t('school.calendar'), children: calendar },
            ]}
          />
        </Card>
      )}
      {using && (
        <UseModal
          item={using}
          onClose={(done) => {
            setUsing(null);
            if (done) void message.success(t('school.useRecorded'));
          }}
        />
      )}
      {refusing && (
        <RefuseModal
          onClose={(done) => {
            setRefusing(false);
            if (done) void message.success(t('school.refused'));
          }}
        />
      )}
    </Space>
  );
}
