import { Tag, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n, useLabelOr } from '../../i18n';
import { useOrgTree } from '../../queries';
import { toTreeSelectData } from '../orgs/orgTree';
import { STATUS_COLOR } from './types';

export function CaseStatusTag({ status, testId = 'case-status' }: { status: string; testId?: string }) {
  const labelOr = useLabelOr();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid={testId} data-status={status}>
      {labelOr(`caseStatus.${status}`, status)}
    </Tag>
  );
}

export function CategoryTag({ category }: { category: string }) {
  const labelOr = useLabelOr();
  return <Tag variant="filled">{labelOr(`caseCategory.${category}`, category)}</Tag>;
}

export function SourceTag({ source, channel }: { source: string; channel?: string | null }) {
  const labelOr = useLabelOr();
  return (
    <Tag color={source === 'complaint' ? 'blue' : source === 'tasklog' ? 'purple' : 'cyan'}>
      {labelOr(`caseSource.${source}`, source)}
      {channel ? ` · ${labelOr(`caseChannel.${channel}`, channel)}` : ''}
    </Tag>
  );
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  const { t } = useI18n();
  if (!overdue) return null;
  return (
    <Tag color="red" data-testid="case-overdue">
      {t('caseUi.overdue')}
    </Tag>
  );
}

/** An org of the actor's scope, searched by name in the org tree. */
export function OrgPicker(props: { value?: number; onChange?: (v: number | undefined) => void; testId: string; placeholder?: string; allowClear?: boolean }) {
  const { t } = useI18n();
  const tree = useOrgTree();
  const data = useMemo(() => toTreeSelectData(tree.data ?? [], (n) => n.status === 'disabled'), [tree.data]);
  return (
    <TreeSelect
      showSearch
      treeNodeFilterProp="title"
      allowClear={props.allowClear}
      style={{ width: '100%' }}
      placeholder={props.placeholder ?? t('caseUi.pickOrg')}
      loading={tree.isPending}
      treeData={data}
      value={props.value}
      onChange={(v: number | undefined) => props.onChange?.(v)}
      popupMatchSelectWidth={false}
      data-testid={props.testId}
    />
  );
}
