import { Tag } from 'antd';
import type { TreeDataNode } from 'antd';
import type { TLabelKey } from '../../../../domain/i18n';
import type { TOrgNode } from '../../types';

type T = (key: TLabelKey) => string;

/** Nodes whose name or code contains `q`, with their ancestors; all nodes when q is empty. */
export function filterTree(nodes: readonly TOrgNode[], q: string): TOrgNode[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return [...nodes];
  const out: TOrgNode[] = [];
  for (const n of nodes) {
    const children = filterTree(n.children ?? [], needle);
    const hit = n.name.toLowerCase().includes(needle) || (n.code ?? '').toLowerCase().includes(needle);
    if (hit || children.length) out.push({ ...n, children: hit && !children.length ? [] : children });
  }
  return out;
}

export function toTreeData(nodes: readonly TOrgNode[], t: T): TreeDataNode[] {
  return nodes.map((n) => ({
    key: String(n.id),
    title: (
      <span data-testid={`org-node-${n.id}`} style={n.status === 'disabled' ? { color: '#999' } : undefined}>
        {n.name}{' '}
        <Tag bordered={false} style={{ marginInlineStart: 4, fontSize: 11 }}>
          {t(`orgKind.${n.kind}`)}
        </Tag>
        {n.status === 'disabled' && <Tag color="default">{t('status.disabled')}</Tag>}
      </span>
    ),
    children: toTreeData(n.children ?? [], t),
  }));
}

/** Keys of the nodes down to `depth` levels (roots are level 1). */
export function keysToDepth(nodes: readonly TOrgNode[], depth: number): string[] {
  if (depth <= 0) return [];
  return nodes.flatMap((n) => [String(n.id), ...keysToDepth(n.children ?? [], depth - 1)]);
}

export function allKeys(nodes: readonly TOrgNode[]): string[] {
  return keysToDepth(nodes, Number.POSITIVE_INFINITY);
}

export interface TOrgOption {
  value: number;
  title: string;
  disabled?: boolean;
  children: TOrgOption[];
}

/** antd TreeSelect data for choosing an org; `disabled` greys out orgs that cannot be chosen. */
export function toTreeSelectData(nodes: readonly TOrgNode[], disabled?: (n: TOrgNode) => boolean): TOrgOption[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, disabled: disabled?.(n) ?? false, children: toTreeSelectData(n.children ?? [], disabled) }));
}
