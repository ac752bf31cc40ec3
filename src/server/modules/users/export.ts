import type { PassThrough } from 'node:stream';
import { label } from '../../../domain/i18n';
import type { TRole } from '../../../domain/roles';
import type { TCtx } from '../../context';
import { EXPORT_MAX_ROWS, streamXlsx, type TExcelColumn } from '../../http/excel';
import { findUsers } from './service';

type TUserRow = Awaited<ReturnType<typeof findUsers>>['items'][number];

const COLUMNS: TExcelColumn<TUserRow>[] = [
  { header: '用户名', width: 16, value: (r) => r.username },
  { header: '姓名', width: 20, value: (r) => r.displayName },
  { header: '角色', width: 14, value: (r) => label(`role.${r.role}`) },
  { header: '所属机构', width: 28, value: (r) => r.orgName },
  { header: '状态', width: 8, value: (r) => label(`status.${r.status}`) },
  { header: '是否锁定', width: 10, value: (r) => (r.locked ? '已锁定' : '') },
  { header: '须修改密码', width: 12, value: (r) => (r.mustChangePassword ? '是' : '') },
  { header: '最近登录', width: 20, value: (r) => (r.lastLoginAt ? new Date(r.lastLoginAt) : null), numFmt: 'yyyy-mm-dd hh:mm' },
];

/** The users list with its filters (org, text, role, status), as the list orders it; no secrets. */
export async function exportUsers(ctx: TCtx, q: { orgId?: number | undefined; q?: string | undefined; role?: TRole | undefined; status?: 'active' | 'disabled' | undefined }): Promise<{ stream: PassThrough; total: number; columns: number; filename: string }> {
  const first = await findUsers(ctx, { ...q, page: 1, pageSize: 1 }); // authorises (404 for an org outside the scope), counts
  async function* pages() {
    const size = 1000;
    for (let page = 1; (page - 1) * size < Math.min(first.total, EXPORT_MAX_ROWS); page++) {
      const { items } = await findUsers(ctx, { ...q, page, pageSize: size });
      if (!items.length) return;
      yield items;
    }
  }
  return { stream: streamXlsx({ sheet: '用户列表', columns: COLUMNS, pages: pages() }), total: first.total, columns: COLUMNS.length, filename: `用户列表-${new Date().toISOString().slice(0, 10)}.xlsx` };
}
