/**
 * The county stage report on teacher burden (seed part 1): facts gathered from the register,
 * the baseline, the leadership group and the org's contact channels for a period, then one
 * function per section that writes it from the facts — or returns null when its data does not
 * exist, so the section is left out rather than filled with fixed text.
 */
import type { TLeadershipGroup } from '../../../domain/leadership/schemas';
import { formatDate, label } from '../../../domain/i18n';
import { numberSections, type TDocBlock, type TOfficialDoc, type TReportSection } from '../../../domain/reports/document';
import { previousPeriod, type TPeriod } from '../../../domain/reports/period';
import { changeText, hoursText, joinList, rangeText, sentence } from '../../../domain/reports/text';
import type { TDb } from '../../db/connect';
import type { TOrgRow } from '../../db/types';
import { findLeadershipGroup } from '../leadership/service';
import { findComplaintFacts, type TComplaintFacts } from './complaints';
import { findApprovals, findDocsAndMeetings, findInventory, findPublicity, findSecondmentList, type TApprovals, type TDocsMeetings, type TInventory, type TPublicity, type TSecondmentList } from './countyMeasures';
import { findCountyResults, type TCountyResults } from './countyResults';
import { rosterBlocks } from './roster';
import { resolveCountyTarget } from './target';

export interface TCountyStageFacts {
  period: TPeriod;
  previous: TPeriod;
  regionId: number;
  regionName: string;
  issuerName: string;
  schools: number;
  group: TLeadershipGroup | null;
  hotline: string | null;
  mailbox: string | null;
  results: TCountyResults;
  docs: { current: TDocsMeetings; previous: TDocsMeetings };
  approvals: TApprovals;
  secondments: TSecondmentList;
  publicity: TPublicity;
  inventory: TInventory | null;
  complaints: TComplaintFacts | null;
}

export async function findCountyStageFacts(opts: { db: TDb; org: TOrgRow; from: string; to: string }): Promise<TCountyStageFacts> {
  const { db } = opts;
  const t = await resolveCountyTarget(db, opts.org);
  const period = { from: opts.from, to: opts.to };
  const previous = previousPeriod(period);
  const q = { db, regionIds: t.regionIds, ...period };
  const [group, schools, results, current, prev, approvals, secondments, publicity, inventory, complaints] = await Promise.all([
    findLeadershipGroup({ db, orgIds: [t.issuer.id, t.region.id], topic: 'teacher_burden' }),
    db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'school').where('status', '=', 'active').where('path', 'like', `${t.region.path}%`).executeTakeFirstOrThrow(),
    findCountyResults(q),
    findDocsAndMeetings(q),
    findDocsAndMeetings({ ...q, ...previous }),
    findApprovals(q),
    findSecondmentList(q),
    findPublicity(q),
    findInventory({ ...q, regionPath: t.region.path }),
    findComplaintFacts({ db, orgPath: t.region.path, ...period }),
  ]);
  return {
    period,
    previous,
    regionId: t.region.id,
    regionName: t.region.name,
    issuerName: t.issuer.name,
    schools: Number(schools.n),
    group: group?.group ?? null,
    hotline: t.issuer.hotline ?? t.region.hotline,
    mailbox: t.issuer.mailbox ?? t.region.mailbox,
    results,
    docs: { current, previous: prev },
    approvals,
    secondments,
    publicity,
    inventory,
    complaints,
  };
}

type TFacts = TCountyStageFacts;
const range = (f: TFacts) => rangeText(f.period.from, f.period.to);

function leadershipSection(f: TFacts): TReportSection | null {
  if (!f.group) return null;
  return { heading: label('rpt.county.h.leadership'), blocks: [{ kind: 'p', text: sentence('rpt.county.leadership', { issuer: f.issuerName, group: f.group.name }) }, ...rosterBlocks(f.group)] };
}

function publicitySection(f: TFacts): TReportSection | null {
  const blocks: TDocBlock[] = [];
  if (f.hotline && f.mailbox) blocks.push({ kind: 'p', text: sentence('rpt.county.hotlineMailbox', { hotline: f.hotline, mailbox: f.mailbox }) });
  else if (f.hotline) blocks.push({ kind: 'p', text: sentence('rpt.county.hotline', { hotline: f.hotline }) });
  else if (f.mailbox) blocks.push({ kind: 'p', text: sentence('rpt.county.mailbox', { mailbox: f.mailbox }) });
  if (f.publicity.numbered) blocks.push({ kind: 'p', text: sentence('rpt.county.numbered', { range: range(f), n: f.publicity.numbered }) });
  if (f.publicity.leads) blocks.push({ kind: 'p', text: sentence('rpt.county.leads', { n: f.publicity.leads }) });
  return blocks.length ? { heading: label('rpt.county.h.publicity'), blocks } : null;
}

function inventorySection(f: TFacts): TReportSection | null {
  const inv = f.inventory;
  if (!inv || !inv.total) return null;
  const kind = (k: string) => label(`itemKind.${k}`);
  const blocks: TDocBlock[] = [
    { kind: 'p', text: sentence('rpt.county.inventory', { year: inv.baselineYear, total: inv.total, kinds: joinList(inv.perKind.map((k) => sentence('rpt.kindCount', { kind: kind(k.kind), n: k.total }))) }) },
  ];
  const d = inv.decisions;
  if (d.keep + d.merge + d.cancel) {
    blocks.push({ kind: 'p', text: sentence('rpt.county.decisions', { keep: d.keep, merge: d.merge, cancel: d.cancel, pending: d.pending ? sentence('rpt.county.pending', { n: d.pending }) : '' }) });
    const decided = inv.perKind.filter((k) => k.keep + k.merge + k.cancel > 0);
    blocks.push({ kind: 'p', text: sentence('rpt.county.kindDecisions', { list: decided.map((k) => sentence('rpt.county.kindDecision', { kind: kind(k.kind), keep: k.keep, merge: k.merge, cancel: k.cancel })).join('；') }) });
  }
  const c = inv.reduction.combined;
  if (c.baselineCount > 0 && c.countReduction !== null) {
    blocks.push({
      kind: 'p',
      text: sentence('rpt.county.reduction', {
        year: inv.year,
        base: c.baselineCount,
        current: c.currentCount,
        pct: hoursText(c.countReduction * 100),
        target: hoursText(inv.reduction.target * 100),
        met: label(c.meetsTarget ? 'rpt.county.met' : 'rpt.county.notMet'),
      }),
    });
  }
  return { heading: label('rpt.county.h.inventory'), blocks };
}

function docsBlocks(f: TFacts): TDocBlock[] | null {
  const { current: c, previous: p } = f.docs;
  const parts: string[] = [];
  if (c.documents + p.documents) {
    parts.push(sentence('rpt.county.documents', { range: range(f), prev: rangeText(f.previous.from, f.previous.to), n: c.documents, p: p.documents, change: changeText(c.documents, p.documents, 'rpt.unit.piece') }));
  }
  if (c.meetings + p.meetings) {
    const video = c.videoMeetings ? sentence('rpt.county.video', { n: c.videoMeetings }) : '';
    const lead = parts.length ? '' : `${range(f)}，`;
    parts.push(lead + sentence('rpt.county.meetings', { n: c.meetings, video, p: p.meetings, change: changeText(c.meetings, p.meetings, 'rpt.unit.times') }));
  }
  return parts.length ? [{ kind: 'h2', text: label('rpt.county.h2.docs') }, { kind: 'p', text: parts.join('') }] : null;
}

function approvalBlocks(f: TFacts): TDocBlock[] | null {
  const a = f.approvals;
  if (!(a.submitted + a.approved + a.returned + a.rejected)) return null;
  return [{ kind: 'h2', text: label('rpt.county.h2.approval') }, { kind: 'p', text: sentence('rpt.county.approval', { range: range(f), ...a }) }];
}

function formsBlocks(f: TFacts): TDocBlock[] | null {
  if (!f.approvals.formsApproved) return null;
  return [{ kind: 'h2', text: label('rpt.county.h2.forms') }, { kind: 'p', text: sentence('rpt.county.forms', { range: range(f), n: f.approvals.formsApproved }) }];
}

function secondmentBlocks(f: TFacts): TDocBlock[] | null {
  const s = f.secondments;
  if (!s.total) return null;
  const overdue = s.overdue ? sentence('rpt.county.overdue', { n: s.overdue }) : '';
  return [{ kind: 'h2', text: label('rpt.county.h2.secondments') }, { kind: 'p', text: sentence('rpt.county.secondments', { date: formatDate(f.period.to), total: s.total, returned: s.returned, out: s.out, overdue }) }];
}

function measuresSection(f: TFacts): TReportSection | null {
  const blocks = [docsBlocks(f), approvalBlocks(f), formsBlocks(f), secondmentBlocks(f)].flatMap((b) => b ?? []);
  return blocks.length ? { heading: label('rpt.county.h.measures'), blocks } : null;
}

/** The seed's sentence, with only the figures that are not zero; null when all are zero. */
export function resultsSentence(f: Pick<TFacts, 'results' | 'regionName' | 'period'>): string | null {
  const r = f.results;
  const rectified = [
    r.rectified.inspection.total ? sentence('rpt.county.r.inspection', { n: r.rectified.inspection.total }) : null,
    r.rectified.assessment.total ? sentence('rpt.county.r.assessment', { n: r.rectified.assessment.total }) : null,
    r.rectified.forms.total ? sentence('rpt.county.r.forms', { n: r.rectified.forms.total }) : null,
    r.trainingsStopped ? sentence('rpt.county.r.trainings', { n: r.trainingsStopped }) : null,
  ].filter((s): s is string => !!s);
  const parts: string[] = [];
  if (rectified.length) parts.push(label('rpt.county.resultsLead') + joinList(rectified));
  if (r.teachersReturned) parts.push(sentence('rpt.county.r.returned', { n: r.teachersReturned }));
  if (!parts.length) return null;
  return sentence('rpt.county.results', { range: rangeText(f.period.from, f.period.to), region: f.regionName, list: parts.join('，') });
}

function resultsSection(f: TFacts): TReportSection | null {
  const blocks: TDocBlock[] = [];
  const main = resultsSentence(f);
  if (main) blocks.push({ kind: 'p', text: main });
  const rc = f.results.rectified;
  const fromBaseline = rc.inspection.baseline + rc.assessment.baseline + rc.forms.baseline;
  const fromRegister = rc.inspection.register + rc.assessment.register + rc.forms.register;
  if (fromBaseline && fromRegister) blocks.push({ kind: 'p', text: sentence('rpt.county.resultsSplit', { baseline: fromBaseline, register: fromRegister }) });
  const h = f.results.hours;
  if (h.total > 0) {
    const parts = [
      h.baseline ? sentence('rpt.county.h.baseline', { n: hoursText(h.baseline) }) : null,
      h.revoked ? sentence('rpt.county.h.revoked', { n: hoursText(h.revoked) }) : null,
      h.estimates ? sentence('rpt.county.h.estimates', { n: hoursText(h.estimates) }) : null,
    ].filter((s): s is string => !!s);
    blocks.push({ kind: 'p', text: sentence('rpt.county.hours', { total: hoursText(h.total), parts: joinList(parts) }) });
  }
  if (f.complaints) blocks.push({ kind: 'p', text: sentence('rpt.county.complaints', { ...f.complaints }) });
  return blocks.length ? { heading: label('rpt.county.h.results'), blocks } : null;
}

/** The report's text from its facts: title, opening, the sections that have data, signature. */
export function composeCountyStage(f: TFacts, opts: { date: string; docNo: string | null }): TOfficialDoc {
  const scope = f.schools ? sentence('rpt.county.scopeSchools', { region: f.regionName, n: f.schools }) : f.regionName;
  const sections = [leadershipSection(f), publicitySection(f), inventorySection(f), measuresSection(f), resultsSection(f)];
  return {
    docNo: opts.docNo,
    title: sentence('rpt.county.title', { issuer: f.issuerName }),
    blocks: [{ kind: 'p', text: sentence('rpt.county.intro', { issuer: f.issuerName, scope, range: range(f) }) }, ...numberSections(sections)],
    signature: { org: f.issuerName, date: opts.date },
  };
}
