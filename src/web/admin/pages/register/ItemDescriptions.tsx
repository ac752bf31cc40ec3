import { Descriptions, Grid, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime, type TLabelKey } from '../../../../domain/i18n';
import { useI18n, type TI18n } from '../../i18n';
import { DETAIL_FIELDS, detailLabel, type TDetailField } from './detailFields';
import { AdmissionNo, KindTag, StatusTag } from './parts';
import type { TItem } from './types';

/** A details value as text: booleans 是/否, dates in the official style, enums by their label. */
function detailValue(f: TDetailField, v: unknown, t: TI18n['t'], lang: 'zh' | 'en') {
  if (v === undefined || v === null || v === '') return t('common.none');
  switch (f.type) {
    case 'bool':
      return v ? t('common.yes') : t('common.no');
    case 'date':
      return formatDate(String(v), lang);
    case 'percent':
      return `${Math.round(Number(v) * 1000) / 10}%`;
    case 'select':
      return t(`${f.optionPrefix ?? ''}${String(v)}` as TLabelKey);
    case 'tags':
      return (
        <Space size={[4, 4]} wrap>
          {(v as string[]).map((p) => (
            <Tag key={p}>{p}</Tag>
          ))}
        </Space>
      );
    case 'textarea':
      return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} ellipsis={{ rows: 6, expandable: 'collapsible' }}>{String(v)}</Typography.Paragraph>;
    case 'int':
    case 'number':
    case 'text':
      return f.unit ? `${String(v)} ${t(f.unit)}` : String(v);
  }
}

/** Every field of an item, in antd Descriptions (one column on phones). */
export function ItemDescriptions({ item }: { item: TItem }) {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const none = t('common.none');
  const scope = item.targetScope;
  const b = item.burden;
  const num = (n: number) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  const d = item.details as unknown as Record<string, unknown>;

  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: t('item.kind'), children: <KindTag kind={item.kind} /> },
    { key: 'status', label: t('item.status'), children: <StatusTag status={item.status} /> },
    { key: 'issuer', label: t('item.issuer'), children: item.issuer.name },
    { key: 'admissionNo', label: t('item.admissionNo'), children: <AdmissionNo value={item.admissionNo} testId="item-admission-no" /> },
    { key: 'legalBasis', label: t('item.legalBasis'), span: 'filled', children: item.legalBasis || none },
    {
      key: 'scope',
      label: t('item.scopeMode'),
      children: (
        <span>
          {t(`targetScopeMode.${scope.mode}`)}
          {scope.mode === 'stages' && `${t('common.colon')}${(scope.stages ?? []).map((s) => t(`schoolStage.${s}`)).join(t('register.listSeparator'))}`}
        </span>
      ),
    },
    { key: 'roles', label: t('item.roles'), children: scope.roles.map((r) => t(`targetRole.${r}`)).join(t('register.listSeparator')) },
    {
      key: 'schools',
      label: t('item.schools'),
      span: 'filled',
      children: item.schools.length ? (
        <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 2, expandable: 'collapsible' }} data-testid="item-schools">
          {t('item.schoolsCount', { n: item.schools.length })}
          {t('common.colon')}
          {item.schools.map((s) => s.name).join(t('register.listSeparator'))}
        </Typography.Paragraph>
      ) : (
        none
      ),
    },
    { key: 'window', label: t('item.window'), children: t('common.range', { from: formatDate(item.windowStart, lang), to: formatDate(item.windowEnd, lang) }) },
    { key: 'announcedAt', label: t('item.announcedAt'), children: formatDate(item.announcedAt, lang) },
    { key: 'planned', label: t('item.planned'), children: item.planned ? t('item.plannedYes') : t('item.adhoc') },
    ...(item.adhoc
      ? [
          { key: 'urgency', label: t('item.urgency'), children: t(`urgency.${item.adhoc.urgency}`) },
          { key: 'adhocReason', label: t('item.adhocReason'), span: 'filled' as const, children: item.adhoc.reason || none },
        ]
      : []),
    {
      key: 'methods',
      label: t('item.evaluationMethods'),
      span: 'filled',
      children: item.evaluationMethods.length ? (
        <Space size={[4, 4]} wrap>
          {item.evaluationMethods.map((m) => (
            <Tag key={m}>{t(`evaluationMethod.${m}`)}</Tag>
          ))}
        </Space>
      ) : (
        none
      ),
    },
    {
      key: 'burden',
      label: t('item.teacherHours'),
      span: 'filled',
      children: (
        <span data-testid="item-teacher-hours">
          <Typography.Text strong>{num(item.teacherHours)}</Typography.Text> {t('unit.hoursPerYear')}
          <Typography.Text type="secondary">
            {t('common.paren', { text: t('item.teacherHoursFormula', { m: b.minutesPerRespondent, r: num(b.respondents), t: b.timesPerYear }) })}
          </Typography.Text>
        </span>
      ),
    },
    { key: 'cap', label: t('item.frequencyCap'), children: item.frequencyCap ? `${item.frequencyCap} ${t('unit.capPerSchool')}` : t('item.capUnlimited') },
    ...(item.validFrom ? [{ key: 'validity', label: t('item.validity'), children: t('common.range', { from: formatDate(item.validFrom, lang), to: formatDate(item.validTo, lang) }) }] : []),
    ...(item.revokedAt
      ? [
          { key: 'revokedAt', label: t('item.revokedAt'), children: formatDate(item.revokedAt, lang) },
          { key: 'revokeReason', label: t('item.revokeReason'), children: item.revokeReason ?? none },
        ]
      : []),
    ...(item.mergedIntoId ? [{ key: 'merged', label: t('item.mergedInto'), children: <Link to={`/items/${item.mergedIntoId}`}>#{item.mergedIntoId}</Link> }] : []),
    ...(item.mergedFrom.length
      ? [
          {
            key: 'mergedFrom',
            label: t('item.mergedFrom'),
            span: 'filled' as const,
            children: (
              <Space orientation="vertical" size={2} data-testid="item-merged-from">
                {item.mergedFrom.map((m) => (
                  <Link key={m.id} to={`/items/${m.id}`}>
                    #{m.id} {m.title}
                  </Link>
                ))}
              </Space>
            ),
          },
        ]
      : []),
    ...(item.returnedAt ? [{ key: 'returnedAt', label: t('item.returnedAt'), children: formatDate(item.returnedAt, lang) }] : []),
    { key: 'createdAt', label: t('item.createdAt'), children: formatDateTime(item.createdAt, lang) },
    ...(item.submittedAt ? [{ key: 'submittedAt', label: t('item.submittedAt'), children: formatDateTime(item.submittedAt, lang) }] : []),
    ...(item.approvedAt ? [{ key: 'approvedAt', label: t('item.approvedAt'), children: formatDateTime(item.approvedAt, lang) }] : []),
  ];

  const detailItems: DescriptionsProps['items'] = DETAIL_FIELDS[item.kind].map((f) => ({
    key: `details.${f.name}`,
    label: t(detailLabel(f.name)),
    span: f.type === 'textarea' || f.type === 'tags' ? ('filled' as const) : undefined,
    children: detailValue(f, d[f.name], t, lang),
  }));
  const common = { bordered: true, size: 'small' as const, column: screens.md ? 2 : 1, styles: { label: { width: screens.md ? 150 : 96 } } };

  return (
    <>
      <Descriptions {...common} items={items} data-testid="item-descriptions" />
      <Descriptions {...common} title={t(`itemKind.${item.kind}`)} items={detailItems} style={{ marginTop: 16 }} data-testid="item-details" />
    </>
  );
}
