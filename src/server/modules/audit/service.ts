import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { endOfChinaDayUtc, startOfChinaDayUtc } from '../../../domain/time';
import type { TCtx } from '../../context';
import { ZPage } from '../../http/schemas';
import { authorize } from '../../policy';
import { recordAudit } from './record';
import { auditScopeOf, scopedAuditLog, type TAuditScope } from './scope';

export const ZAuditQuery = ZPage.extend({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  objectType: z.string().trim().max(32).optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;


/**
 * The audit log is read, never edited: this module has no update or delete.
 * Every read goes through the reader's scope (see scope.ts).
 */
function auditQuery(ctx: TCtx, scope: TAuditScope, q: Omit<TAuditQuery, 'page' | 'pageSize'>) {
  return scopedAuditLog(ctx.db, scope)
    .$if(!!q.from, (qb) => qb.where('audit_log.at', '>=', startOfChinaDayUtc(q.from!)))
    .$if(!!q.to, (qb) => qb.where('audit_log.at', '<', endOfChinaDayUtc(q.to!)))
    .$if(!!q.actor, (qb) => qb.where('audit_log.actor_username', '=', q.actor!))
    .$if(!!q.action, (qb) => qb.where('audit_log.action', 'like', `${q.action!.replace(/[%_]/g, '')}%`))
    .$if(!!q.objectType, (qb) => qb.where('audit_log.object_type', '=', q.objectType!));
}

function present(r: { id: number; at: string; actor_username: string | null; actor_role: string | null; actor_org_name: string | null; ip: string | null; action: string; object_type: string; object_id: string | null; before_json: string | null; after_json: string | null; request_id: string | null }) {
  return {
    id: r.id,
    at: r.at,
    actorUsername: r.actor_username,
    actorRole: r.actor_role,
    actorOrgName: r.actor_org_name,
    ip: r.ip,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
    after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
    requestId: r.request_id,
  };
}

export async function findAuditEntries(ctx: TCtx, q: TAuditQuery) {
  authorize(ctx.actor, 'audit.read');
  const base = auditQuery(ctx, await auditScopeOf(ctx), q);
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.selectAll('audit_log').orderBy('audit_log.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
  ]);
  return { total: n, items: rows.map(present) };
}

export const AUDIT_EXPORT_MAX_ROWS = 100_000;

/** Streams the filtered log as .xlsx (Chinese headers, frozen header row, real dates). The export is itself audited. */
export async function exportAuditEntries(ctx: TCtx, q: Omit<TAuditQuery, 'page' | 'pageSize'>): Promise<PassThrough> {
  authorize(ctx.actor, 'audit.export');
  const scope = await auditScopeOf(ctx);
  await recordAudit(ctx.db, ctx, { action: 'audit.export', objectType: 'audit_log', after: { filters: q } });
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('操作日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '序号', key: 'id', width: 10 },
    { header: '时间', key: 'at', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } },
    { header: '操作人', key: 'actor', width: 16 },
    { header: '角色', key: 'role', width: 14 },
    { header: '所属机构', key: 'org', width: 24 },
    { header: 'IP 地址', key: 'ip', width: 16 },
    { header: '操作', key: 'action', width: 24 },
    { header: '对象类型', key: 'objectType', width: 12 },
    { header: '对象编号', key: 'objectId', width: 12 },
    { header: '变更前', key: 'before', width: 50 },
    { header: '变更后', key: 'after', width: 50 },
    { header: '请求编号', key: 'requestId', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  void (async () => {
    try {
      let lastId: number | null = null;
      let written = 0;
      while (written < AUDIT_EXPORT_MAX_ROWS) {
        const rows = await auditQuery(ctx, scope, q)
          .selectAll('audit_log')
          .$if(lastId !== null, (qb) => qb.where('audit_log.id', '<', lastId!))
          .orderBy('audit_log.id', 'desc')
          .limit(1000)
          .execute();
        if (rows.length === 0) break;
        for (const r of rows) {
          ws.addRow({
            id: r.id,
            at: new Date(r.at),
            actor: r.actor_username,
            role: r.actor_role,
            org: r.actor_org_name,
            ip: r.ip,
            action: r.action,
            objectType: r.object_type,
            objectId: r.object_id,
            before: r.before_json,
            after: r.after_json,
            requestId: r.request_id,
          }).commit();
        }
        written += rows.length;
        lastId = rows[rows.length - 1]!.id;
      }
      ws.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}
