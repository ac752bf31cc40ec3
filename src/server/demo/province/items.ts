import { ITEM_KINDS, isReductionTargetKind, type TItemKind } from '../../../domain/register/kinds';
import { teacherHoursPerYear } from '../../../domain/register/burden';
import type { TDb } from '../../db/connect';
import { defaultAdmissionPrefix } from '../../modules/register/numbering';
import { writeBatches } from './batch';
import { genItem, type TGenItem } from './itemRows';
import type { TSynCounty } from './orgs';
import { ISSUERS, int } from './plan';
import type { TProgress } from './progress';

const ITEM_BATCH = 500;
const LINK_BATCH = 1000;
const PER_TX = 20_000;

export interface TItemTotals {
  items: number;
  links: number;
  events: number;
  baseline: number;
}

/** Items of a county valid this year, by kind: the baseline is drawn as a multiple of them. */
function tallyThisYear(items: TGenItem[], year: number): Map<TItemKind, number> {
  const m = new Map<TItemKind, number>();
  for (const { row } of items) {
    if ((row.status === 'approved' || row.status === 'completed') && row.valid_from! <= `${year}-12-31` && row.valid_to! >= `${year}-01-01`) m.set(row.kind, (m.get(row.kind) ?? 0) + 1);
  }
  return m;
}

/**
 * The baseline inventory (全面登记) of a county in the year two years back: for the target kinds
 * (督查检查评比考核) 1.4–2.6 times this year's count, so that about half the counties meet the
 * 50 % target; 1.0–1.5 times for the others. Most entries beyond this year's count are marked
 * cancel or merge, the rest keep.
 */
function* baselineRows(county: TSynCounty, tally: Map<TItemKind, number>, o: { year: number; rand: () => number; firstId: number; at: string }): Generator<Record<string, unknown>> {
  const { rand } = o;
  const factorTarget = 1.4 + 1.2 * rand();
  let id = o.firstId;
  for (const kind of ITEM_KINDS) {
    const now = tally.get(kind) ?? 0;
    const n = Math.round(now * (isReductionTargetKind(kind) ? factorTarget : 1 + 0.5 * rand()));
    for (let i = 0; i < n; i++) {
      const burden = { minutesPerRespondent: int(rand, 20, 480), respondents: int(rand, 20, 2000), timesPerYear: int(rand, 1, 4) };
      const decision = i < now ? 'keep' : rand() < 0.7 ? 'cancel' : 'merge';
      yield {
        id: id++,
        region_org_id: county.region.id,
        year: o.year,
        kind,
        title: `${county.region.name}${kind}事项（全面登记第${i + 1}项）`,
        issuer_name: ISSUERS[int(rand, 0, ISSUERS.length - 1)]!,
        minutes_per_respondent: burden.minutesPerRespondent,
        respondents: burden.respondents,
        times_per_year: burden.timesPerYear,
        teacher_hours: teacherHoursPerYear(burden),
        decision,
        decision_reason: decision === 'keep' ? null : decision === 'cancel' ? '无依据，予以取消' : '内容重复，合并开展',
        created_by: null,
        created_at: o.at,
        updated_at: o.at,
      };
    }
  }
}

/**
 * The register of every county: items with their schools (item_schools), the rare estimate
 * change (item_events), the baseline inventory, the admission counters. Returns the totals.
 */
export async function writeItems(
  db: TDb,
  o: { counties: TSynCounty[]; itemsTotal: number; rand: () => number; today: string; at: string; ids: { item: number; event: number; baseline: number }; progress: TProgress },
): Promise<TItemTotals> {
  const totals: TItemTotals = { items: 0, links: 0, events: 0, baseline: 0 };
  const schoolsAll = o.counties.reduce((a, c) => a + c.schools.length, 0);
  const codes = new Set<string>();
  const year = Number(o.today.slice(0, 4));
  let itemId = o.ids.item;
  let eventId = o.ids.event;
  let baselineId = o.ids.baseline;
  let remaining = o.itemsTotal;
  for (const [ci, county] of o.counties.entries()) {
    const share = ci === o.counties.length - 1 ? remaining : Math.round((o.itemsTotal * county.schools.length) / schoolsAll);
    const n = Math.min(remaining, share);
    remaining -= n;
    const seqs = new Map<number, number>();
    const nextSeq = (y: number) => {
      const s = (seqs.get(y) ?? 0) + 1;
      seqs.set(y, s);
      return s;
    };
    const prefix = defaultAdmissionPrefix(county.region.name);
    const items: TGenItem[] = [];
    for (let i = 0; i < n; i++) items.push(genItem({ id: itemId++, county, rand: o.rand, today: o.today, nextSeq, prefix, codes, at: o.at }));
    o.progress.phase('items');
    totals.items += await writeBatches(db, 'items', items.map((x) => x.row), { batch: ITEM_BATCH, perTx: PER_TX, progress: o.progress });
    totals.links += await writeBatches(db, 'item_schools', (function* () {
      for (const x of items) for (const s of x.schoolIds) yield { item_id: x.row.id, school_org_id: s };
    })(), { batch: LINK_BATCH, perTx: PER_TX * 4, progress: o.progress });
    const events = items.filter((x) => x.estimate).map((x) => ({ id: eventId++, item_id: x.row.id, at: x.estimate!.at, actor_user_id: null, actor_name: '演示数据', action: 'estimate', from_status: x.row.status, to_status: x.row.status, reason: '精简填报内容', data_json: JSON.stringify(x.estimate!.data) }));
    if (events.length) totals.events += await writeBatches(db, 'item_events', events, { batch: ITEM_BATCH, perTx: PER_TX, progress: o.progress });
    const counters = [...seqs].map(([y, last]) => ({ region_org_id: county.region.id, year: y, last_seq: last }));
    if (counters.length) await db.insertInto('admission_counters').values(counters).execute();
    const tally = tallyThisYear(items, year);
    const before = baselineId;
    const rows = [...baselineRows(county, tally, { year: year - 2, rand: o.rand, firstId: baselineId, at: o.at })];
    baselineId += rows.length;
    totals.baseline += await writeBatches(db, 'baseline_items', rows, { batch: ITEM_BATCH, perTx: PER_TX, progress: o.progress });
    if (baselineId - before !== rows.length) throw new Error('baseline ids out of step');
  }
  return totals;
}

/** Rows `writeItems` will write besides the items, estimated for the progress bar. */
export function estimateItemRows(items: number): number {
  // measured on the province: ≈ 7.8 schools per item (2 % reach a whole county), 0.56 baseline rows per item, 1 % estimate events
  return Math.round(items * (1 + 7.8 + 0.56 + 0.01));
}
