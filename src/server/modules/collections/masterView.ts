import { chinaToday } from '../../../domain/time';
import type { TCtx } from '../../context';
import { authorize } from '../../policy';
import { catalogLabel } from './catalogAccess';
import { loadHeld } from './heldValues';
import { readValueHistory } from './masterRepo';

/** A teacher's master data (each value with source and time, sensitive ones masked) and its history. */
export async function getTeacherMasterData(ctx: TCtx, teacherId: number) {
  const t = await ctx.db
    .selectFrom('teachers as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select(['t.id', 't.name', 'o.id as school_id', 'o.name as school_name', 'o.path'])
    .where('t.id', '=', teacherId)
    .executeTakeFirst();
  authorize(ctx.actor, 'teacher.read', t ? { path: t.path } : null);
  const held = (await loadHeld(ctx.db, ctx.fieldCrypto, { subjectType: 'teacher', subjectIds: [teacherId], decrypt: false, asOf: chinaToday() })).get(teacherId) ?? new Map();
  const history = await readValueHistory(ctx.db, { subjectType: 'teacher', subjectId: teacherId });
  return {
    teacher: { id: t!.id, name: t!.name, school: { id: t!.school_id, name: t!.school_name } },
    values: [...held.entries()]
      .map(([key, v]) => ({ key, label: { zh: catalogLabel(key, 'zh'), en: catalogLabel(key, 'en') }, value: v.value, sensitive: v.sensitive, source: v.source, recordedAt: v.recordedAt }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    history: history.map((h) => ({ ...h, label: { zh: catalogLabel(h.key, 'zh'), en: catalogLabel(h.key, 'en') } })),
  };
}
