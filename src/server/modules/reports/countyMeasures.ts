/**
 * The figures of the county stage report's measures, publicity and inventory sections. Periods
 * are China calendar days, both ends included; docs/REPORTS.md defines every figure.
 */
import { reductionAgainstBaseline, type TKindTally, type TReductionReport } from '../../../domain/register/burden';
import { ITEM_KINDS, REDUCTION_TARGET_KINDS, type TItemKind } from '../../../domain/register/kinds';
import { loadRuleValues } from '../register/ruleContext';
import { type TFactsQuery, utcBounds } from './countyResults';

const LIVE = ['approved', 'completed'] as const;

export interface TDocsMeetings {
  documents: number;
  meetings: number;
  videoMeetings: number;
}

/** Documents issued and meetings held (window start in the period), filed and not revoked. */
export async function findDocsAndMeetings(q: TFactsQuery): Promise<TDocsMeetings> {
  const rows = await q.db
    .selectFrom('items')
    .select(['kind', 'details_json'])
    .where('region_org_id', 'in', [...q.regionIds])
    .where('kind', 'in', ['document', 'meeting'])
    .where('status', 'in', LIVE)
    .where('window_start', '>=', q.from)
    .where('window_start', '<=', q.to)
    .execute();
  const out = { documents: 0, meetings: 0, videoMeetings: 0 };
  for (const r of rows) {
    if (r.kind === 'document') out.documents++;
    else {
      out.meetings++;
      if ((JSON.parse(r.details_json) as { format?: string }).format === 'video') out.videoMeetings++;
    }
  }
  return out;
}

export interface TApprovals {
  submitted: number;
  adhoc: number;
  approved: number;
  returned: number;
  rejected: number;
  /** Forms, statistics and surveys (data_collection) approved in the period. */
  formsApproved: number;
}

/** Workflow events of the period on inspections, assessments, evaluations and supervisions (and approved forms). */
export async function findApprovals(q: TFactsQuery): Promise<TApprovals> {
  const utc = utcBounds(q);
  const rows = await q.db
    .selectFrom('item_events as e')
    .innerJoin('items as i', 'i.id', 'e.item_id')
    .select(['i.id', 'i.kind', 'i.planned', 'e.action', 'e.to_status'])
    .where('i.region_org_id', 'in', [...q.regionIds])
    .where('i.kind', 'in', [...REDUCTION_TARGET_KINDS, 'data_collection'])
    .where('e.at', '>=', utc.from)
    .where('e.at', '<', utc.to)
    // status changes only: an estimate change on an approved item also writes to_status 'approved'
    .where((eb) => eb.or([eb('e.action', 'in', ['submit', 'return']), eb.and([eb('e.to_status', 'in', ['approved', 'rejected']), eb('e.from_status', '!=', eb.ref('e.to_status'))])]))
    .execute();
  const submitted = new Set<number>();
  const adhoc = new Set<number>();
  const out = { submitted: 0, adhoc: 0, approved: 0, returned: 0, rejected: 0, formsApproved: 0 };
  for (const r of rows) {
    const target = (REDUCTION_TARGET_KINDS as readonly string[]).includes(r.kind);
    if (r.kind === 'data_collection') {
      if (r.to_status === 'approved') out.formsApproved++;
      continue;
    }
    if (!target) continue;
    if (r.action === 'submit') {
      submitted.add(r.id);
      if (r.planned === 0) adhoc.add(r.id);
    } else if (r.action === 'return') out.returned++;
    else if (r.to_status === 'approved') out.approved++;
    else if (r.to_status === 'rejected') out.rejected++;
  }
  out.submitted = submitted.size;
  out.adhoc = adhoc.size;
  return out;
}

export interface TSecondmentList {
  total: number;
  returned: number;
  out: number;
  overdue: number;
}

/** The clearance list as it stood on `to`: secondments begun by then, not withdrawn, refused or merged. */
export async function findSecondmentList(q: TFactsQuery): Promise<TSecondmentList> {
  const rows = await q.db
    .selectFrom('items')
    .select(['details_json', 'window_end', 'returned_at'])
    .where('region_org_id', 'in', [...q.regionIds])
    .where('kind', '=', 'secondment')
    .where('status', 'not in', ['draft', 'cancelled', 'merged', 'rejected'])
    .where('window_start', '<=', q.to)
    .execute();
  const out = { total: rows.length, returned: 0, out: 0, overdue: 0 };
  for (const r of rows) {
    if (r.returned_at && r.returned_at <= q.to) {
      out.returned++;
      continue;
    }
    out.out++;
    const deadline = (JSON.parse(r.details_json) as { to?: string }).to ?? r.window_end;
    if (deadline < q.to) out.overdue++;
  }
  return out;
}

export interface TPublicity {
  /** Items given an admission number and a verification code in the period. */
  numbered: number;
  /** Leads (school refusals, "report this" on the verify page) received in the period. */
  leads: number;
}

export async function findPublicity(q: TFactsQuery): Promise<TPublicity> {
  const utc = utcBounds(q);
  const [numbered, leads] = await Promise.all([
    q.db
      .selectFrom('item_events as e')
      .innerJoin('items as i', 'i.id', 'e.item_id')
      .select((eb) => eb.fn.count<number>('i.id').distinct().as('n'))
      .where('i.region_org_id', 'in', [...q.regionIds])
      .where('i.verify_code', 'is not', null)
      .where('e.to_status', '=', 'approved')
      .whereRef('e.from_status', '!=', 'e.to_status')
      .where('e.at', '>=', utc.from)
      .where('e.at', '<', utc.to)
      .executeTakeFirstOrThrow(),
    q.db
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_org_id', 'in', [...q.regionIds])
      .where('created_at', '>=', utc.from)
      .where('created_at', '<', utc.to)
      .executeTakeFirstOrThrow(),
  ]);
  return { numbered: Number(numbered.n), leads: Number(leads.n) };
}

export interface TInventory {
  baselineYear: number;
  total: number;
  perKind: { kind: TItemKind; total: number; keep: number; merge: number; cancel: number; pending: number }[];
  decisions: { keep: number; merge: number; cancel: number; pending: number };
  /** Items in force in the year of `to` against the baseline (the ≥ 50 % target). */
  reduction: TReductionReport;
  year: number;
}

/** The latest baseline year up to the year of `to`, its decisions per kind, and the reduction against it. */
export async function findInventory(q: TFactsQuery & { regionPath: string }): Promise<TInventory | null> {
  const year = Number(q.to.slice(0, 4));
  const regionIds = [...q.regionIds];
  const latest = await q.db
    .selectFrom('baseline_items')
    .select((eb) => eb.fn.max('year').as('y'))
    .where('region_org_id', 'in', regionIds)
    .where('year', '<=', year)
    .executeTakeFirst();
  if (latest?.y == null) return null;
  const baselineYear = Number(latest.y);
  const [rows, current, values] = await Promise.all([
    q.db
      .selectFrom('baseline_items')
      .select(['kind', 'decision', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('teacher_hours').as('h')])
      .where('region_org_id', 'in', regionIds)
      .where('year', '=', baselineYear)
      .groupBy(['kind', 'decision'])
      .execute(),
    q.db
      .selectFrom('items')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('teacher_hours').as('h')])
      .where('region_org_id', 'in', regionIds)
      .where('status', 'in', LIVE)
      .where('valid_from', '<=', `${year}-12-31`)
      .where('valid_to', '>=', `${year}-01-01`)
      .groupBy('kind')
      .execute(),
    loadRuleValues(q.db, { regionPath: q.regionPath, year }),
  ]);
  const perKind = new Map<TItemKind, TInventory['perKind'][number]>();
  const tally = new Map<TItemKind, TKindTally>();
  const decisions = { keep: 0, merge: 0, cancel: 0, pending: 0 };
  for (const r of rows) {
    const kind = r.kind as TItemKind;
    const n = Number(r.n);
    const k = perKind.get(kind) ?? { kind, total: 0, keep: 0, merge: 0, cancel: 0, pending: 0 };
    const d = r.decision === 'keep' || r.decision === 'merge' || r.decision === 'cancel' ? r.decision : 'pending';
    k.total += n;
    k[d] += n;
    decisions[d] += n;
    perKind.set(kind, k);
    const t = tally.get(kind) ?? { kind, count: 0, hours: 0 };
    t.count += n;
    t.hours += Number(r.h ?? 0);
    tally.set(kind, t);
  }
  const reduction = reductionAgainstBaseline({
    baseline: [...tally.values()],
    current: current.map((c) => ({ kind: c.kind as TItemKind, count: Number(c.n), hours: Number(c.h ?? 0) })),
    target: values.reductionTarget,
  });
  const ordered = ITEM_KINDS.flatMap((k) => (perKind.has(k) ? [perKind.get(k)!] : []));
  return { baselineYear, total: ordered.reduce((a, k) => a + k.total, 0), perKind: ordered, decisions, reduction, year };
}

