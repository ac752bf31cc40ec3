import { Alert, Checkbox, Col, Form, Radio, Row, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { SCHOOL_STAGES, TARGET_ROLES, TARGET_SCOPE_MODES, type TSchoolStage, type TTargetScopeMode } from '../../../../domain/register/kinds';
import { useI18n } from '../../i18n';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

interface TSchoolOption {
  value: number;
  title: string;
  /** Branches are for ticking all their schools at once; only schools are values. */
  checkable?: boolean;
  children: TSchoolOption[];
}

interface TTargetSchool {
  id: number;
  name: string;
  stage: TSchoolStage | null;
  teacherCount: number;
}

/** The region's schools grouped by stage (a branch ticks all its schools at once); only schools are values. */
function schoolTree(schools: readonly TTargetSchool[], stageLabel: (s: TSchoolStage | null) => string): TSchoolOption[] {
  const groups = new Map<TSchoolStage | null, TSchoolOption[]>();
  for (const s of schools) {
    const list = groups.get(s.stage) ?? [];
    list.push({ value: s.id, title: s.name, children: [] });
    groups.set(s.stage, list);
  }
  return [...groups.entries()].map(([stage, children], i) => ({ value: -(i + 1), title: `${stageLabel(stage)} (${children.length})`, children }));
}

/** Which schools (all / by stage / a list from the org tree) and which people in them. */
export function ScopeFields({ known }: { known: readonly { id: number; name: string }[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const mode = Form.useWatch(['targetScope', 'mode'], form) as TTargetScopeMode | undefined;
  const tree = useQuery({ queryKey: ['register', 'schools'], queryFn: () => api<TTargetSchool[]>('/register/schools'), staleTime: 60_000 });
  const data = useMemo(() => {
    const pruned = schoolTree(tree.data ?? [], (st) => (st ? t(`schoolStage.${st}`) : t('item.stageOther')));
    // schools already on the item stay choosable even if the actor's tree does not reach them
    const seen = new Set<number>();
    const walk = (ns: TSchoolOption[]) => ns.forEach((n) => (n.value > 0 ? seen.add(n.value) : walk(n.children)));
    walk(pruned);
    return [...pruned, ...known.filter((s) => !seen.has(s.id)).map((s) => ({ value: s.id, title: s.name, children: [] }))];
  }, [tree.data, known, t]);
  const required = { required: true, message: t('common.required') };

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={['targetScope', 'mode']} label={t('item.scopeMode')} rules={[required]}>
          <Radio.Group
            optionType="button"
            options={TARGET_SCOPE_MODES.map((m) => ({ value: m, label: t(`targetScopeMode.${m}`) }))}
            data-testid="item-form-scope-mode"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['targetScope', 'roles']} label={t('item.roles')} rules={[required]}>
          <Checkbox.Group options={TARGET_ROLES.map((r) => ({ value: r, label: t(`targetRole.${r}`) }))} data-testid="item-form-roles" />
        </Form.Item>
      </Col>
      {mode === 'stages' && (
        <Col xs={24}>
          <Form.Item name={['targetScope', 'stages']} label={t('item.stages')} rules={[required]}>
            <Checkbox.Group options={SCHOOL_STAGES.map((s) => ({ value: s, label: t(`schoolStage.${s}`) }))} data-testid="item-form-stages" />
          </Form.Item>
        </Col>
      )}
      {mode === 'list' && (
        <Col xs={24}>
          {tree.isSuccess && data.length === 0 && <Alert type="info" showIcon title={t('item.noSchoolsVisible')} style={{ marginBottom: 12 }} />}
          <Form.Item name={['targetScope', 'schoolIds']} label={t('item.schoolsPick')} rules={[required]}>
            <TreeSelect
              treeData={data}
              treeCheckable
              showCheckedStrategy={TreeSelect.SHOW_CHILD}
              treeNodeFilterProp="title"
              showSearch
              allowClear
              maxTagCount="responsive"
              loading={tree.isPending}
              treeDefaultExpandAll
              style={{ width: '100%' }}
              data-testid="item-form-schools"
            />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
