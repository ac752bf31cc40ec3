import { findSimilar, overlapsWindow, sameWeek, SIMILARITY_THRESHOLD } from '../../../domain/register/similarity';
import type { TCtx } from '../../context';
import { getScopedItem } from './items';
import { inputOf } from './repo';

const LIVE = ['submitted', 'reviewed', 'approved'];

function textOf(row: { title: string; details_json: string }): string {
  const d = JSON.parse(row.details_json) as { text?: string; topic?: string };
  return [row.title, d.topic ?? '', d.text ?? ''].join(' ');
}

/**
 * Merge suggestions for the office: live items of the same kind and region whose schools and
 * window overlap and whose text is similar; documents against the region's documents of the
 * last 12 months; meetings in the same week with overlapping participants.
 */
export async function findSimilarItems(ctx: TCtx, id: number) {
  const row = await getScopedItem(ctx, id);
  const item = inputOf(row);
  const since = new Date(Date.now() - 365 * 86_400_000).toISOString();
  const candidates = await ctx.db
    .selectFrom('items')
    .select(['id', 'title', 'kind', 'status', 'details_json', 'window_start', 'window_end', 'created_at'])
    .where('region_org_id', '=', row.region_org_id)
    .where('kind', '=', row.kind)
    .where('id', '!=', row.id)
    .where((eb) => (row.kind === 'document' ? eb('created_at', '>=', since) : eb('status', 'in', LIVE)))
    .execute();
  const mySchools = new Set((await ctx.db.selectFrom('item_schools').select('school_org_id').where('item_id', '=', id).execute()).map((r) => r.school_org_id));
  const out: { id: number; title: string; kind: string; status: string; score: number; reason: 'text' | 'document' | 'meeting_week' }[] = [];
  const byId = new Map(candidates.map((c) => [c.id, c]));

  if (row.kind === 'document') {
    for (const s of findSimilar({ text: textOf(row), candidates: candidates.map((c) => ({ id: c.id, text: textOf(c) })) })) {
      const c = byId.get(s.id)!;
      out.push({ id: c.id, title: c.title, kind: c.kind, status: c.status, score: s.score, reason: 'document' });
    }
    return out;
  }
  const overlapping = candidates.filter((c) => overlapsWindow({ start: c.window_start, end: c.window_end }, { start: item.windowStart, end: item.windowEnd }));
  const schoolRows = overlapping.length
    ? await ctx.db.selectFrom('item_schools').select(['item_id', 'school_org_id']).where('item_id', 'in', overlapping.map((c) => c.id)).execute()
    : [];
  const sharesSchool = new Set(schoolRows.filter((r) => mySchools.has(r.school_org_id)).map((r) => r.item_id));
  const pool = overlapping.filter((c) => sharesSchool.has(c.id));
  for (const s of findSimilar({ text: textOf(row), candidates: pool.map((c) => ({ id: c.id, text: textOf(c) })), threshold: SIMILARITY_THRESHOLD })) {
    const c = byId.get(s.id)!;
    out.push({ id: c.id, title: c.title, kind: c.kind, status: c.status, score: s.score, reason: 'text' });
  }
  if (item.details.kind === 'meeting') {
    const mine = new Set(item.details.participants);
    for (const c of candidates) {
      if (out.some((o) => o.id === c.id) || !sameWeek(c.window_start, item.windowStart)) continue;
      const theirs = (JSON.parse(c.details_json) as { participants?: string[] }).participants ?? [];
      const common = theirs.filter((p) => mine.has(p)).length;
      if (common > 0) out.push({ id: c.id, title: c.title, kind: c.kind, status: c.status, score: common / Math.max(mine.size, theirs.length), reason: 'meeting_week' });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}
