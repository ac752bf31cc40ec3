import { termOf } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import { nowIso } from '../../context';
import { AppError } from '../../http/errors';
import { authorize } from '../../policy';
import { recordAudit } from '../audit/record';
import { regionPathOf } from '../auth/sessions';
import { regionIdOf } from './items';
import { checkGivenCode } from '../cases/entry';
import { openRefusalCase } from '../cases/leads';
import { canRecordUse } from './policy';
import { countUses } from './uses';

function termRange(date: string): { from: string; to: string } {
  const { schoolYear, term } = termOf(date);
  return term === 'autumn' ? { from: `${schoolYear}-09-01`, to: `${schoolYear + 1}-01-31` } : { from: `${schoolYear + 1}-02-01`, to: `${schoolYear + 1}-08-31` };
}

/**
 * What may enter the actor's school this term, with uses against caps. Uses are the ones the
 * school recorded (`item_uses`) in the calendar year of `date`, as the cap counts them. An item
 * revoked from a future date is listed until then, as verification answers.
 */
export async function findSchoolItems(ctx: TCtx, opts: { date?: string | undefined }) {
  authorize(ctx.actor, 'register.school');
  if (ctx.actor.orgKind !== 'school') throw new AppError('FORBIDDEN');
  const date = opts.date ?? chinaToday();
  const range = termRange(date);
  const today = chinaToday();
  const rows = await ctx.db
    .selectFrom('item_schools as s')
    .innerJoin('items as i', 'i.id', 's.item_id')
    .select(['i.id', 'i.kind', 'i.title', 'i.status', 'i.admission_no', 'i.verify_code', 'i.window_start', 'i.window_end', 'i.revoked_at', 'i.frequency_cap'])
    .where('s.school_org_id', '=', ctx.actor.orgId)
    .where((eb) => eb.or([eb('i.status', 'in', ['approved', 'completed']), eb.and([eb('i.status', '=', 'revoked'), eb('i.revoked_at', '>', today)])]))
    .where('i.window_start', '<=', range.to)
    .where('i.window_end', '>=', range.from)
    .orderBy('i.window_start')
    .orderBy('i.id')
    .execute();
  const year = Number(date.slice(0, 4));
  const uses = await countUses(ctx.db, { itemIds: rows.map((r) => r.id), schoolId: ctx.actor.orgId, year });
  return {
    school: { id: ctx.actor.orgId, name: ctx.actor.orgName },
    term: termOf(date),
    usesYear: year,
    canRecordUse: canRecordUse(ctx.actor),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      admissionNo: r.admission_no,
      verifyCode: r.verify_code,
      windowStart: r.window_start,
      windowEnd: r.window_end,
      revokedAt: r.status === 'revoked' ? r.revoked_at : null,
      frequencyCap: r.frequency_cap,
      uses: uses.get(r.id) ?? 0,
    })),
  };
}

export type TSchoolItemView = Awaited<ReturnType<typeof findSchoolItems>>['items'][number];

/** A school refuses a demand that carries no valid number: it becomes a lead for the office. */
export async function refuseDemand(ctx: TCtx, opts: { what: string; from: string; date: string; code?: string | undefined }) {
  authorize(ctx.actor, 'register.school');
  if (ctx.actor.orgKind !== 'school') throw new AppError('FORBIDDEN');
  const regionPath = await regionPathOf(ctx.db, ctx.actor.orgPath);
  const regionOrgId = regionIdOf(regionPath);
  const code = await checkGivenCode(ctx, opts.code?.trim() || undefined);
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('leads')
      .values({
        region_org_id: regionOrgId,
        source: 'school_refusal',
        item_code: opts.code?.trim() || null,
        item_id: null,
        school_org_id: ctx.actor.orgId,
        reported_by: ctx.actor.userId,
        text: `${opts.date}｜${opts.from}｜${opts.what}`,
        ip_hash: null,
        status: 'new',
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // the lead becomes a case for the office (issue 5)
    const opened = await openRefusalCase(trx, ctx, { regionOrgId, regionPath, text: `${opts.date}｜${opts.from}｜${opts.what}`, from: opts.from, date: opts.date, code });
    await trx.updateTable('leads').set({ case_id: opened.id }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'lead.create', objectType: 'lead', objectId: id, after: { ...opts, caseId: opened.id } });
    return { id, trackingNo: opened.trackingNo };
  });
}
