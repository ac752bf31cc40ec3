/**
 * Task-log statistics for the office and leaders (and the reports module): counts and hours per
 * issuer, never per teacher. An issuer reported by fewer than `MIN_REPORTERS` distinct teachers
 * is folded into one "other" row, and that row is withheld too when it stays below the bar.
 */
import type { Kysely } from 'kysely';
import { label } from '../../../domain/i18n';
import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import type { TDatabase } from '../../db/types';
import { authorize } from '../../policy';
import { termRangeOf } from './taskLog';

export const MIN_REPORTERS = 3;

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

export async function taskLogStats(opts: { db: Kysely<TDatabase>; orgPath: string; from: string; to: string }) {
  const base = opts.db
    .selectFrom('task_logs as t')
    .innerJoin('orgs as s', 's.id', 't.school_org_id')
    .where('s.path', 'like', `${opts.orgPath}%`)
    .where('t.occurred_on', '>=', opts.from)
    .where('t.occurred_on', '<=', opts.to);
  const groups = await base
    .leftJoin('orgs as i', 'i.id', 't.issuer_org_id')
    .select((eb) => [
      't.issuer_key as key',
      eb.fn.max('i.name').as('org_name'),
      eb.fn.max('t.issuer_org_id').as('org_id'),
      eb.fn.max('t.issuer_text').as('text'),
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('t.minutes').as('minutes'),
      eb.fn.count<number>('t.user_id').distinct().as('reporters'),
      eb.fn.count<number>('t.case_id').as('unregistered'),
    ])
    .groupBy('t.issuer_key')
    .execute();
  const shown = groups.filter((g) => Number(g.reporters) >= MIN_REPORTERS);
  const folded = groups.filter((g) => Number(g.reporters) < MIN_REPORTERS);
  let other: { issuers: number; count: number; minutes: number; hours: number; unregistered: number; label: { zh: string; en: string } } | null = null;
  if (folded.length) {
    const small = base.select('t.issuer_key').groupBy('t.issuer_key').having((eb) => eb.fn.count('t.user_id').distinct(), '<', MIN_REPORTERS);
    const { reporters } = await base
      .select((eb) => eb.fn.count<number>('t.user_id').distinct().as('reporters'))
      .where('t.issuer_key', 'in', small)
      .executeTakeFirstOrThrow();
    const foldedReporters = Number(reporters);
    if (foldedReporters >= MIN_REPORTERS) {
      const minutes = folded.reduce((s, g) => s + Number(g.minutes ?? 0), 0);
      other = {
        issuers: folded.length,
        count: folded.reduce((s, g) => s + Number(g.count), 0),
        minutes,
        hours: hours(minutes),
        unregistered: folded.reduce((s, g) => s + Number(g.unregistered), 0),
        label: { zh: label('tasklog.other', 'zh'), en: label('tasklog.other', 'en') },
      };
    }
  }
  const items = shown
    .map((g) => {
      const minutes = Number(g.minutes ?? 0);
      return { issuer: g.org_name ?? g.text ?? '', issuerOrgId: g.org_id === null ? null : Number(g.org_id), count: Number(g.count), minutes, hours: hours(minutes), unregistered: Number(g.unregistered) };
    })
    .sort((a, b) => b.minutes - a.minutes || b.count - a.count);
  const totalMinutes = items.reduce((s, i) => s + i.minutes, 0) + (other?.minutes ?? 0);
  const totalCount = items.reduce((s, i) => s + i.count, 0) + (other?.count ?? 0);
  return { from: opts.from, to: opts.to, minReporters: MIN_REPORTERS, items, other, total: { count: totalCount, minutes: totalMinutes, hours: hours(totalMinutes) } };
}

/** `GET /tasklog/stats`: the actor's scope, the current term unless a period is given. */
export function findTaskLogStats(ctx: TCtx, opts: { from?: string | undefined; to?: string | undefined }) {
  authorize(ctx.actor, 'tasklog.stats');
  const term = termRangeOf(chinaToday());
  return taskLogStats({ db: ctx.db, orgPath: ctx.actor.scopePath, from: opts.from ?? term.from, to: opts.to ?? term.to });
}
