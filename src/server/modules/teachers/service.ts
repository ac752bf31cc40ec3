import type { TCtx } from '../../context';
import { authorizeOrg } from '../orgs/policy';
import { findOrgById } from '../orgs/repo';

/** Teachers of an org subtree, masked: `110***********1234`, `138****5678` (the middle is never read). */
export async function findTeachers(ctx: TCtx, opts: { orgId: number; page: number; pageSize: number; q?: string | undefined }) {
  const org = await findOrgById(ctx.db, opts.orgId);
  authorizeOrg(ctx.actor, 'readTeachers', org ?? null);
  const base = ctx.db
    .selectFrom('teachers as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .where('o.path', 'like', `${org!.path}%`)
    .$if(!!opts.q, (qb) => qb.where('t.name', 'like', `%${opts.q!.replace(/[%_]/g, '')}%`));
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select(['t.id', 't.name', 't.gender', 't.birth_date', 't.id_number_masked', 't.mobile_masked', 't.subject', 't.title'])
      .orderBy('t.id')
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize)
      .execute(),
  ]);
  return {
    total: n,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      gender: r.gender,
      birthDate: r.birth_date,
      idNumberMasked: r.id_number_masked,
      mobileMasked: r.mobile_masked,
      subject: r.subject,
      title: r.title,
    })),
  };
}
