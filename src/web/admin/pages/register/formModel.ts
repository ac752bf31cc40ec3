/**
 * The item form's values and their mapping to ZItemInput (src/domain/register/schemas.ts):
 * nested names follow the API (`details.topic`, `burden.respondents`, `targetScope.roles`) so a
 * server field error lands on its field; only the window (one RangePicker) and dates differ.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { TEvaluationMethod, TItemKind, TSchoolStage, TTargetRole, TTargetScopeMode, TUrgency } from '../../../../domain/register/kinds';
import type { TItemInput } from '../../../../domain/register/schemas';
import { DETAIL_FIELDS, detailsToApi, detailsToForm, initialDetails } from './detailFields';
import type { TItem } from './types';

export interface TItemFormValues {
  title?: string;
  kind: TItemKind;
  legalBasis?: string;
  targetScope: { mode: TTargetScopeMode; stages?: TSchoolStage[]; schoolIds?: number[]; roles?: TTargetRole[] };
  window?: [Dayjs, Dayjs];
  announcedAt?: Dayjs;
  planned: boolean;
  adhoc?: { reason?: string; urgency?: TUrgency };
  evaluationMethods?: TEvaluationMethod[];
  burden: { minutesPerRespondent?: number | null; respondents?: number | null; timesPerYear?: number | null };
  frequencyCap?: number | null;
  details?: Record<string, unknown>;
}

const ISO = 'YYYY-MM-DD';

export function newFormValues(kind: TItemKind = 'inspection'): TItemFormValues {
  return {
    kind,
    targetScope: { mode: 'all', roles: ['teacher'] },
    announcedAt: dayjs(),
    planned: true,
    adhoc: { urgency: 'normal' },
    evaluationMethods: [],
    burden: { minutesPerRespondent: 30, respondents: 0, timesPerYear: 1 },
    details: initialDetails(kind),
  };
}

export function itemToForm(item: TItem): TItemFormValues {
  const s = item.targetScope;
  return {
    title: item.title,
    kind: item.kind,
    legalBasis: item.legalBasis,
    targetScope: { mode: s.mode, stages: s.stages, schoolIds: s.schoolIds, roles: s.roles },
    window: [dayjs(item.windowStart), dayjs(item.windowEnd)],
    announcedAt: dayjs(item.announcedAt),
    planned: item.planned,
    adhoc: item.adhoc ?? { urgency: 'normal' },
    evaluationMethods: item.evaluationMethods,
    burden: { ...item.burden },
    frequencyCap: item.frequencyCap,
    details: detailsToForm(item.details),
  };
}

/** The request body. Blank optional fields are left out; the server validates the rest. */
export function formToInput(v: TItemFormValues): TItemInput {
  const scope = v.targetScope;
  const [start, end] = v.window ?? [];
  return {
    title: (v.title ?? '').trim(),
    kind: v.kind,
    details: detailsToApi(v.kind, v.details),
    legalBasis: (v.legalBasis ?? '').trim(),
    targetScope: {
      mode: scope.mode,
      roles: scope.roles ?? [],
      ...(scope.mode === 'stages' ? { stages: scope.stages ?? [] } : {}),
      ...(scope.mode === 'list' ? { schoolIds: scope.schoolIds ?? [] } : {}),
    },
    windowStart: start?.format(ISO) ?? '',
    windowEnd: end?.format(ISO) ?? '',
    announcedAt: v.announcedAt?.format(ISO) ?? '',
    planned: v.planned,
    ...(v.planned ? {} : { adhoc: { reason: (v.adhoc?.reason ?? '').trim(), urgency: v.adhoc?.urgency ?? 'normal' } }),
    evaluationMethods: v.evaluationMethods ?? [],
    burden: {
      minutesPerRespondent: v.burden.minutesPerRespondent ?? 0,
      respondents: v.burden.respondents ?? 0,
      timesPerYear: v.burden.timesPerYear ?? 0,
    },
    ...(v.frequencyCap ? { frequencyCap: v.frequencyCap } : {}),
  };
}

const COMMON_NAMES = [
  'title',
  'kind',
  'legalBasis',
  'targetScope.mode',
  'targetScope.stages',
  'targetScope.schoolIds',
  'targetScope.roles',
  'window',
  'announcedAt',
  'planned',
  'adhoc.reason',
  'adhoc.urgency',
  'evaluationMethods',
  'burden.minutesPerRespondent',
  'burden.respondents',
  'burden.timesPerYear',
  'frequencyCap',
];

/**
 * The form field of a server path (`details.topic` → ['details', 'topic'], `windowEnd` →
 * ['window'], `details.participants.2` → ['details', 'participants']), or null when the form
 * has no such field for this kind.
 */
export function formNameOf(path: string, kind: TItemKind): string[] | null {
  let p = path.replace(/\.\d+$/, '');
  if (p === 'windowStart' || p === 'windowEnd') p = 'window';
  if (p === 'adhoc') p = 'adhoc.reason';
  if (p === 'targetScope') p = 'targetScope.mode';
  const known = [...COMMON_NAMES, ...DETAIL_FIELDS[kind].map((f) => `details.${f.name}`)];
  return known.includes(p) ? p.split('.') : null;
}
