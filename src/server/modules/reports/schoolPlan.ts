/**
 * The school implementation plan (seed part 2): the school's leadership group, the approved
 * register items reaching the school in the period with their admission numbers, the caps of
 * the rule set in force for its region, and the complaint channels. Each section is written
 * from the data, or left out (null) when there is none.
 */
import { label } from '../../../domain/i18n';
import type { TLeadershipGroup } from '../../../domain/leadership/schemas';
import { isReductionTargetKind, type TItemKind } from '../../../domain/register/kinds';
import type { TRuleSetValues } from '../../../domain/register/ruleset';
import { formatSchoolYear, schoolYearOf, schoolYearRange } from '../../../domain/register/schoolYear';
import { numberSections, type TDocBlock, type TOfficialDoc, type TReportSection } from '../../../domain/reports/document';
import type { TPeriod } from '../../../domain/reports/period';
import { joinList, rangeText, sentence } from '../../../domain/reports/text';
import type { TDb } from '../../db/connect';
import type { TOrgRow } from '../../db/types';
import { findLeadershipGroup } from '../leadership/service';
import { loadRuleValues } from '../register/ruleContext';
import { rosterBlocks } from './roster';
import { resolveSchoolTarget } from './target';

const LIVE = ['approved', 'completed'] as const;

/** How the plan groups the items reaching a school. */
export const SCHOOL_ITEM_GROUPS = ['inspection', 'social', 'forms', 'meetings', 'other'] as const;
type TItemGroup = (typeof SCHOOL_ITEM_GROUPS)[number];

function groupOfKind(kind: TItemKind): TItemGroup {
  if (isReductionTargetKind(kind)) return 'inspection';
  if (kind === 'social_affair') return 'social';
  if (kind === 'data_collection') return 'forms';
  if (kind === 'meeting' || kind === 'document' || kind === 'training') return 'meetings';
  return 'other';
}

export interface TSchoolItem {
  kind: TItemKind;
  title: string;
  admissionNo: string | null;
  issuerName: string;
  windowStart: string;
  windowEnd: string;
}

export interface TSchoolPlanFacts {
  period: TPeriod;
  regionId: number;
  schoolName: string;
  regionName: string;
  group: TLeadershipGroup | null;
  items: TSchoolItem[];
  values: TRuleSetValues;
  schoolYear: number;
  socialAffairsUsed: number;
  comprehensiveUsed: number;
  whitelist: { title: string; admissionNo: string | null }[];
  channels: { school: { hotline: string | null; mailbox: string | null }; region: { hotline: string | null; mailbox: string | null } };
}

export async function findSchoolPlanFacts(opts: { db: TDb; org: TOrgRow; from: string; to: string }): Promise<TSchoolPlanFacts> {
  const { db } = opts;
  const { school, region } = await resolveSchoolTarget(db, opts.org);
  const year = Number(opts.to.slice(0, 4));
  const schoolYear = schoolYearOf(opts.to);
  const sy = schoolYearRange(schoolYear);
  const linked = () => db.selectFrom('item_schools as s').innerJoin('items as i', 'i.id', 's.item_id').where('s.school_org_id', '=', school.id).where('i.status', 'in', LIVE);
  const [group, items, values, social, supervisions, whitelist] = await Promise.all([
    findLeadershipGroup({ db, orgIds: [school.id], topic: 'teacher_burden' }),
    linked()
      .innerJoin('orgs as o', 'o.id', 'i.issuer_org_id')
      .select(['i.kind', 'i.title', 'i.admission_no', 'o.name as issuer_name', 'i.window_start', 'i.window_end'])
      .where('i.window_start', '<=', opts.to)
      .where('i.window_end', '>=', opts.from)
      .orderBy('i.window_start')
      .orderBy('i.id')
      .execute(),
    loadRuleValues(db, { regionPath: region.path, year }),
    linked().select('i.details_json').where('i.kind', '=', 'social_affair').where('i.window_start', '>=', sy.start).where('i.window_start', '<=', sy.end).execute(),
    linked().select('i.details_json').where('i.kind', 'in', ['supervision', 'inspection']).where('i.window_start', '>=', `${year}-01-01`).where('i.window_start', '<=', `${year}-12-31`).execute(),
    db
      .selectFrom('items')
      .select(['title', 'admission_no', 'details_json'])
      .where('region_org_id', '=', region.id)
      .where('kind', '=', 'social_affair')
      .where('status', 'in', LIVE)
      .where('valid_to', '>=', `${year}-01-01`)
      .orderBy('id')
      .execute(),
  ]);
  const details = (j: string) => JSON.parse(j) as { activitiesPerSchool?: number; comprehensive?: boolean; whitelistCode?: string };
  return {
    period: { from: opts.from, to: opts.to },
    regionId: region.id,
    schoolName: school.name,
    regionName: region.name,
    group: group?.group ?? null,
    items: items.map((r) => ({ kind: r.kind as TItemKind, title: r.title, admissionNo: r.admission_no, issuerName: r.issuer_name, windowStart: r.window_start, windowEnd: r.window_end })),
    values,
    schoolYear,
    socialAffairsUsed: social.reduce((a, r) => a + (details(r.details_json).activitiesPerSchool ?? 1), 0),
    comprehensiveUsed: supervisions.filter((r) => details(r.details_json).comprehensive).length,
    // whitelist entries are the live social affairs that do not cite another entry (as the rules count them)
    whitelist: whitelist.filter((r) => !details(r.details_json).whitelistCode).map((r) => ({ title: r.title, admissionNo: r.admission_no })),
    channels: { school: { hotline: school.hotline, mailbox: school.mailbox }, region: { hotline: region.hotline, mailbox: region.mailbox } },
  };
}

type TFacts = TSchoolPlanFacts;

function leadershipSection(f: TFacts): TReportSection | null {
  if (!f.group) return null;
  return { heading: label('rpt.school.h.leadership'), blocks: [{ kind: 'p', text: sentence('rpt.school.leadership', { group: f.group.name }) }, ...rosterBlocks(f.group)] };
}

function itemsSection(f: TFacts): TReportSection | null {
  if (!f.items.length) return null;
  const blocks: TDocBlock[] = [{ kind: 'p', text: sentence('rpt.school.items', { range: rangeText(f.period.from, f.period.to), region: f.regionName, n: f.items.length }) }];
  for (const g of SCHOOL_ITEM_GROUPS) {
    const list = f.items.filter((i) => groupOfKind(i.kind) === g);
    if (!list.length) continue;
    blocks.push({ kind: 'h2', text: sentence('rpt.school.group', { label: label(`rpt.school.g.${g}`), n: list.length }) });
    list.forEach((it, i) =>
      blocks.push({ kind: 'line', text: sentence('rpt.school.item', { i: i + 1, title: it.title, no: it.admissionNo ?? '', issuer: it.issuerName, range: rangeText(it.windowStart, it.windowEnd) }) }),
    );
  }
  return { heading: label('rpt.school.h.items'), blocks };
}

function capsSection(f: TFacts): TReportSection {
  const v = f.values;
  const year = Number(f.period.to.slice(0, 4));
  const blocks: TDocBlock[] = [
    { kind: 'p', text: sentence('rpt.school.cap.social', { cap: v.socialAffairMaxPerSchoolYear, schoolYear: formatSchoolYear(f.schoolYear).zh, used: f.socialAffairsUsed }) },
  ];
  if (f.whitelist.length) {
    const list = joinList(f.whitelist.map((w) => (w.admissionNo ? `${w.title}（${w.admissionNo}）` : w.title)));
    blocks.push({ kind: 'p', text: sentence('rpt.school.cap.whitelist', { region: f.regionName, n: f.whitelist.length, cap: v.whitelistMaxTotal, list }) });
  }
  blocks.push({ kind: 'p', text: sentence('rpt.school.cap.supervision', { cap: v.comprehensiveSupervisionMaxPerSchoolYear, year, used: f.comprehensiveUsed }) });
  blocks.push({ kind: 'p', text: sentence('rpt.school.cap.announce', { days: v.announceDaysMin }) });
  if (v.bannedEvaluationMethods.length) blocks.push({ kind: 'p', text: sentence('rpt.school.cap.methods', { list: joinList(v.bannedEvaluationMethods.map((m) => label(`evaluationMethod.${m}`))) }) });
  if (v.appTaskRequiresNationalRule) blocks.push({ kind: 'p', text: label('rpt.school.cap.apps') });
  blocks.push({ kind: 'p', text: sentence('rpt.school.cap.reduction', { pct: Math.round(v.reductionTarget * 100) }) });
  return { heading: label('rpt.school.h.caps'), blocks };
}

function channelLine(who: string, c: { hotline: string | null; mailbox: string | null }): TDocBlock | null {
  if (c.hotline) return { kind: 'line', text: sentence('rpt.school.channel', { who, hotline: c.hotline, mailbox: c.mailbox ? sentence('rpt.school.channelMailbox', { mailbox: c.mailbox }) : '' }) };
  if (c.mailbox) return { kind: 'line', text: sentence('rpt.school.channelNoPhone', { who, mailbox: c.mailbox }) };
  return null;
}

function channelsSection(f: TFacts): TReportSection | null {
  const lines = [channelLine(f.schoolName, f.channels.school), channelLine(f.regionName, f.channels.region)].filter((l): l is TDocBlock => !!l);
  return lines.length ? { heading: label('rpt.school.h.channels'), blocks: [{ kind: 'p', text: label('rpt.school.channels') }, ...lines] } : null;
}

export function composeSchoolPlan(f: TFacts, opts: { date: string; docNo: string | null }): TOfficialDoc {
  const sections = [leadershipSection(f), itemsSection(f), capsSection(f), channelsSection(f)];
  return {
    docNo: opts.docNo,
    title: sentence('rpt.school.title', { school: f.schoolName }),
    blocks: [{ kind: 'p', text: sentence('rpt.school.intro', { range: rangeText(f.period.from, f.period.to) }) }, ...numberSections(sections)],
    signature: { org: f.schoolName, date: opts.date },
  };
}
