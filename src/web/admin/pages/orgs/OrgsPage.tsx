import { Card, Col, Empty, Input, Row, Spin, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../errors';
import { useI18n } from '../../i18n';
import { indexTree, useCan, useOrgTree } from '../../queries';
import { OrgDetailPanel } from './OrgDetailPanel';
import { allKeys, filterTree, keysToDepth, toTreeData } from './orgTree';
import { LeadershipCard } from './LeadershipCard';
import { TeacherTable } from './TeacherTable';

export function OrgsPage() {
  const { t } = useI18n();
  const can = useCan();
  const tree = useOrgTree();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const roots = useMemo(() => tree.data ?? [], [tree.data]);
  const index = useMemo(() => indexTree(roots), [roots]);
  const shown = useMemo(() => filterTree(roots, q), [roots, q]);
  const treeData = useMemo(() => toTreeData(shown, t), [shown, t]);

  const selectedId = params.get('id') ?? (roots[0] ? String(roots[0].id) : null);
  const selected = selectedId ? index.get(selectedId) : undefined;
  const expandedKeys = q.trim() ? allKeys(shown) : (expanded ?? keysToDepth(roots, 1));

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9} xl={8}>
        <Card title={t('org.tree')} size="small">
          <Input.Search allowClear placeholder={t('common.search')} onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 8 }} data-testid="org-search" />
          {tree.isPending && <Spin />}
          {tree.isError && <ErrorAlert error={tree.error} />}
          {tree.isSuccess && shown.length === 0 && <Empty description={t('org.empty')} />}
          {tree.isSuccess && shown.length > 0 && (
            <Tree
              data-testid="org-tree"
              blockNode
              showLine
              treeData={treeData}
              expandedKeys={expandedKeys}
              onExpand={(keys) => setExpanded(keys.map(String))}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => {
                const key = keys[0];
                if (key !== undefined) setParams({ id: String(key) });
              }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15} xl={16}>
        {selectedId ? (
          <OrgDetailPanel id={Number(selectedId)} onSelect={(id) => setParams({ id: String(id) })} />
        ) : (
          <Card>
            <Empty description={t('org.selectHint')} />
          </Card>
        )}
        {selectedId && <LeadershipCard orgId={Number(selectedId)} />}
        {selected?.kind === 'school' && can('teacher.read') && <TeacherTable orgId={selected.id} />}
      </Col>
    </Row>
  );
}
