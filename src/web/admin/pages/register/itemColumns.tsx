import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatDate, type TLang } from '../../../../domain/i18n';
import type { TI18n } from '../../i18n';
import { AdmissionNo, FindingCount, KindTag, StatusTag } from './parts';
import type { TItemSummary } from './types';

/** Columns of an item list (the register, the annual plan); `compact` (phones): title, status and number in one cell. */
export function itemColumns(t: TI18n['t'], lang: TLang, compact = false): TableColumnsType<TItemSummary> {
  if (compact) {
    return [
      {
        key: 'title',
        title: t('item.title'),
        render: (_v, r) => (
          <div>
            <Link to={`/items/${r.id}`} data-testid={`item-link-${r.id}`}>
              {r.title}
            </Link>
            <div style={{ marginTop: 4 }}>
              <StatusTag status={r.status} />
              <KindTag kind={r.kind} />
            </div>
            {r.admissionNo && <AdmissionNo value={r.admissionNo} />}
          </div>
        ),
      },
      { key: 'hours', title: t('item.teacherHours'), dataIndex: 'teacherHours', align: 'end', width: 90, render: (v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') },
      { key: 'findings', title: t('item.findingCount'), dataIndex: 'findingCount', align: 'center', width: 56, render: (_v, r) => <FindingCount count={r.findingCount} blocking={r.blocking} /> },
    ];
  }
  return [
    {
      key: 'title',
      title: t('item.title'),
      dataIndex: 'title',
      fixed: 'start',
      width: 260,
      render: (v: string, r) => (
        <Link to={`/items/${r.id}`} data-testid={`item-link-${r.id}`}>
          {v}
        </Link>
      ),
    },
    { key: 'kind', title: t('item.kind'), dataIndex: 'kind', render: (_v, r) => <KindTag kind={r.kind} /> },
    { key: 'status', title: t('item.status'), dataIndex: 'status', render: (_v, r) => <StatusTag status={r.status} /> },
    { key: 'admissionNo', title: t('item.admissionNo'), dataIndex: 'admissionNo', render: (v: string | null) => <AdmissionNo value={v} /> },
    { key: 'issuer', title: t('item.issuer'), dataIndex: 'issuerName' },
    {
      key: 'window',
      title: t('item.window'),
      render: (_v, r) => (
        <div style={{ whiteSpace: 'nowrap', lineHeight: 1.4 }}>
          {formatDate(r.windowStart, lang)}
          <br />
          {formatDate(r.windowEnd, lang)}
        </div>
      ),
    },
    { key: 'planned', title: t('item.planned'), dataIndex: 'planned', render: (v: boolean) => (v ? t('item.plannedYes') : t('item.adhoc')) },
    { key: 'schools', title: t('item.schoolCount'), dataIndex: 'schoolCount', align: 'end' },
    {
      key: 'hours',
      title: t('item.teacherHours'),
      dataIndex: 'teacherHours',
      align: 'end',
      render: (v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
    },
    { key: 'findings', title: t('item.findingCount'), dataIndex: 'findingCount', align: 'center', render: (_v, r) => <FindingCount count={r.findingCount} blocking={r.blocking} /> },
  ];
}
