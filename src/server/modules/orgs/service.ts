import { ORG_PARENT_KINDS, type TOrgKind, type TSchoolType } from '../../../domain/roles';
import { parentRegionCode, validateRegionCode } from '../../../domain/validators/regionCode';
import { validateSchoolCode } from '../../../domain/validators/schoolCode';
import { validateUscc } from '../../../domain/validators/uscc';
import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import type { TOrgRow } from '../../db/types';
import { AppError } from '../../http/errors';
import { inScope, scopePattern } from '../../policy';
import { recordAudit } from '../audit/record';
import { authorizeOrg } from './policy';
import { findOrgById, insertOrg, presentOrg } from './repo';
import type { TOrgCreate, TOrgNode, TOrgUpdate } from './schemas';

/** Loads an org for the actor: outside the actor's subtree it does not exist (404). */
async function getScopedOrg(ctx: TCtx, id: number, action: Parameters<typeof authorizeOrg>[1]): Promise<TOrgRow> {
  const row = await findOrgById(ctx.db, id);
  authorizeOrg(ctx.actor, action, row ?? null);
  return row as TOrgRow;
}

export async function getOrgTree(ctx: TCtx): Promise<TOrgNode[]> {
  authorizeOrg(ctx.actor, 'read');
  const rows = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'parent_id', 'kind', 'code', 'name', 'school_type', 'status'])
    .where('path', 'like', scopePattern(ctx.actor))
    .orderBy('depth')
    .orderBy('kind')
    .orderBy('code')
    .orderBy('id')
    .execute();
  const nodes = new Map<number, TOrgNode>();
  const roots: TOrgNode[] = [];
  for (const r of rows) {
    const node: TOrgNode = { id: r.id, parentId: r.parent_id, kind: r.kind, code: r.code, name: r.name, schoolType: r.school_type, status: r.status, children: [] };
    nodes.set(r.id, node);
    const parent = r.parent_id == null ? undefined : nodes.get(r.parent_id);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export async function getOrg(ctx: TCtx, id: number) {
  const row = await getScopedOrg(ctx, id, 'read');
  const ancestorIds = row.path.split('/').filter(Boolean).map(Number);
  const ancestors = await ctx.db.selectFrom('orgs').select(['id', 'name', 'path']).where('id', 'in', ancestorIds).orderBy('depth').execute();
  const [children, users, teachers] = await Promise.all([
    ctx.db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('users').innerJoin('orgs', 'orgs.id', 'users.org_id').select((eb) => eb.fn.countAll<number>().as('n')).where('orgs.path', 'like', `${row.path}%`).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('teachers').innerJoin('orgs', 'orgs.id', 'teachers.org_id').select((eb) => eb.fn.countAll<number>().as('n')).where('orgs.path', 'like', `${row.path}%`).executeTakeFirstOrThrow(),
  ]);
  return {
    ...presentOrg(row),
    path: ancestors.filter((a) => inScope(ctx.actor, a.path)).map((a) => ({ id: a.id, name: a.name })),
    counts: { children: children.n, users: users.n, teachers: teachers.n },
  };
}

/** Checks the code an org of a kind must carry (GB/T 2260, 学校标识码, GB 32100). */
export function validateOrgCode(kind: TOrgKind, code: string | undefined, opts: { parent: TOrgRow; schoolType?: TSchoolType }): void {
  const bad = (path: string) => new AppError('INVALID_CODE', { fields: [{ path, zh: '代码校验未通过', en: 'Code check failed' }] });
  switch (kind) {
    case 'region': {
      if (!code || !validateRegionCode(code).ok) throw bad('code');
      if (opts.parent.kind === 'region' && opts.parent.code && parentRegionCode(code) !== opts.parent.code) throw bad('code');
      return;
    }
    case 'school': {
      if (!opts.schoolType) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'schoolType', zh: '必填', en: 'Required' }] });
      if (!code || !validateSchoolCode(code, { expectedType: opts.schoolType }).ok) throw bad('code');
      // digits 3–4 are the province where the school sits (学校驻地地域码): that of its county
      if (opts.parent.region_code && code.slice(2, 4) !== opts.parent.region_code.slice(0, 2)) {
        throw new AppError('INVALID_CODE', {
          fields: [{ path: 'code', zh: `学校标识码第3—4位应为所在省份代码 ${opts.parent.region_code.slice(0, 2)}`, en: `Digits 3–4 of the school code must be the province code ${opts.parent.region_code.slice(0, 2)}` }],
        });
      }
      return;
    }
    case 'enterprise':
      if (!code || !validateUscc(code).ok) throw bad('code');
      return;
    case 'agency':
    case 'section':
      return;
  }
}

export async function createOrg(ctx: TCtx, input: TOrgCreate) {
  const parent = await getScopedOrg(ctx, input.parentId, 'create');
  if (!ORG_PARENT_KINDS[input.kind].includes(parent.kind as TOrgKind)) throw new AppError('ORG_PARENT_INVALID');
  validateOrgCode(input.kind, input.code, { parent, schoolType: input.schoolType });
  return ctx.db.transaction().execute(async (trx) => {
    if (input.code) {
      const taken = await trx.selectFrom('orgs').select('id').where('kind', '=', input.kind).where('code', '=', input.code).executeTakeFirst();
      if (taken) throw new AppError('ORG_CODE_TAKEN');
    }
    const regionCode = input.kind === 'region' ? (input.code ?? null) : parent.kind === 'region' ? parent.code : parent.region_code;
    const row = await insertOrg(trx, {
      parentId: parent.id,
      kind: input.kind,
      name: input.name,
      code: input.code ?? null,
      schoolType: input.kind === 'school' ? (input.schoolType ?? null) : null,
      regionCode,
      hotline: input.hotline ?? null,
      mailbox: input.mailbox ?? null,
    });
    const out = presentOrg(row);
    await recordAudit(trx, ctx, { action: 'org.create', objectType: 'org', objectId: row.id, after: out });
    return out;
  });
}

export async function updateOrg(ctx: TCtx, id: number, patch: TOrgUpdate) {
  const before = await getScopedOrg(ctx, id, 'update');
  if (patch.status === 'disabled' && before.id === ctx.actor.orgId) throw new AppError('SELF_ACTION_FORBIDDEN');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('orgs')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.hotline !== undefined ? { hotline: patch.hotline } : {}),
        ...(patch.mailbox !== undefined ? { mailbox: patch.mailbox } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const out = presentOrg(row);
    await recordAudit(trx, ctx, { action: 'org.update', objectType: 'org', objectId: id, before: presentOrg(before), after: out });
    return out;
  });
}
