import { Col, Input, Row, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { ROLES, type TRole } from '../../../../domain/roles';
import { useI18n } from '../../i18n';
import type { TOrgNode, TStatus } from '../../types';
import { toTreeSelectData } from '../orgs/orgTree';
import { roleOptions } from './roleOptions';

export interface TUserFilter {
  orgId?: number;
  role?: TRole;
  status?: TStatus;
  q?: string;
}

export function UserFilters({ value, tree, onChange }: { value: TUserFilter; tree: TOrgNode[]; onChange: (f: TUserFilter) => void }) {
  const { t } = useI18n();
  const orgData = useMemo(() => toTreeSelectData(tree), [tree]);
  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }} data-testid="user-filters">
      <Col xs={24} sm={12} lg={7}>
        <TreeSelect
          style={{ width: '100%' }}
          allowClear
          showSearch
          treeNodeFilterProp="title"
          placeholder={t('user.filter.org')}
          treeData={orgData}
          value={value.orgId}
          onChange={(orgId?: number) => onChange({ ...value, orgId })}
          data-testid="uf-org"
        />
      </Col>
      <Col xs={12} sm={6} lg={4}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('user.filter.role')}
          options={roleOptions(ROLES, t)}
          value={value.role}
          onChange={(role?: TRole) => onChange({ ...value, role })}
          data-testid="uf-role"
        />
      </Col>
      <Col xs={12} sm={6} lg={4}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('user.filter.status')}
          options={[
            { value: 'active', label: t('status.active') },
            { value: 'disabled', label: t('status.disabled') },
          ]}
          value={value.status}
          onChange={(status?: TStatus) => onChange({ ...value, status })}
          data-testid="uf-status"
        />
      </Col>
      <Col xs={24} sm={12} lg={9}>
        <Input.Search allowClear placeholder={t('user.filter.q')} defaultValue={value.q} onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })} data-testid="uf-q" />
      </Col>
    </Row>
  );
}
