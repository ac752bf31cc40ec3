/**
 * The kind-specific details of an item (ZItemDetails in src/domain/register/schemas.ts) as
 * data: one descriptor per field drives the form, the conversion to and from the API, and the
 * read-only view. Keep in step with the schema: names, optional-ness and bounds come from there.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { TLabelKey } from '../../../../domain/i18n';
import { APP_TASK_ACTIONS, MEETING_FORMATS, type TItemKind } from '../../../../domain/register/kinds';
import type { TItemDetails } from '../../../../domain/register/schemas';

export type TDetailType = 'bool' | 'int' | 'number' | 'text' | 'textarea' | 'date' | 'tags' | 'select' | 'percent';

export interface TDetailField {
  name: string;
  type: TDetailType;
  /** Required by the schema (booleans always are: they default to false). */
  required?: boolean;
  min?: number;
  max?: number;
  /** Text length limit. */
  maxLength?: number;
  /** A unit label after a number. */
  unit?: TLabelKey;
  /** Select options and the label prefix of each (`meetingFormat.` + value). */
  options?: readonly string[];
  optionPrefix?: string;
  /** Default of a new form (selects, booleans). */
  initial?: unknown;
}

const bool = (name: string): TDetailField => ({ name, type: 'bool', required: true, initial: false });

export const DETAIL_FIELDS: Record<TItemKind, readonly TDetailField[]> = {
  inspection: [bool('comprehensive'), bool('onsite')],
  assessment: [{ name: 'indicatorCount', type: 'int', min: 0, max: 1000, unit: 'unit.items' }],
  evaluation: [{ name: 'awardName', type: 'text', maxLength: 200 }, bool('isCompetition')],
  supervision: [bool('comprehensive')],
  social_affair: [
    { name: 'topic', type: 'text', required: true, maxLength: 200 },
    { name: 'organiser', type: 'text', required: true, maxLength: 200 },
    { name: 'whitelistCode', type: 'text', maxLength: 50 },
    { name: 'activitiesPerSchool', type: 'int', required: true, min: 1, max: 365, unit: 'unit.timesPerSchool', initial: 1 },
  ],
  data_collection: [
    { name: 'approvalNo', type: 'text', maxLength: 100 },
    { name: 'validUntil', type: 'date' },
    bool('statsOfficeFiled'),
    { name: 'fieldCount', type: 'int', min: 0, max: 100_000, unit: 'unit.fields' },
  ],
  meeting: [
    { name: 'participants', type: 'tags', required: true, maxLength: 100 },
    { name: 'durationMinutes', type: 'int', required: true, min: 1, max: 1440, unit: 'unit.minutes', initial: 60 },
    { name: 'format', type: 'select', required: true, options: MEETING_FORMATS, optionPrefix: 'meetingFormat.', initial: 'onsite' },
  ],
  document: [
    { name: 'docNumber', type: 'text', maxLength: 100 },
    { name: 'text', type: 'textarea', maxLength: 100_000 },
  ],
  training: [bool('relevantToTeaching'), { name: 'hours', type: 'number', required: true, min: 0.1, max: 2000, unit: 'unit.hours' }],
  secondment: [
    { name: 'teacherName', type: 'text', required: true, maxLength: 50 },
    { name: 'borrowingUnit', type: 'text', required: true, maxLength: 200 },
    { name: 'from', type: 'date', required: true },
    { name: 'to', type: 'date' },
    { name: 'approvedBy', type: 'text', maxLength: 200 },
  ],
  app_task: [
    { name: 'appName', type: 'text', required: true, maxLength: 100 },
    { name: 'action', type: 'select', required: true, options: APP_TASK_ACTIONS, optionPrefix: 'appTaskAction.' },
    { name: 'nationalRule', type: 'textarea', maxLength: 500 },
    { name: 'participationTarget', type: 'percent', min: 0, max: 100 },
  ],
};

/** Label key of a details field. */
export const detailLabel = (name: string) => `detail.${name}` as TLabelKey;

/** A fresh details form for a kind. */
export function initialDetails(kind: TItemKind): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of DETAIL_FIELDS[kind]) if (f.initial !== undefined) out[f.name] = f.initial;
  if (kind === 'document') out.text = '';
  return out;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Form values → the API's details (dates as ISO days, percent as 0..1, blank optional fields left out). */
export function detailsToApi(kind: TItemKind, values: Record<string, unknown> | undefined): TItemDetails {
  const out: Record<string, unknown> = { kind };
  for (const f of DETAIL_FIELDS[kind]) {
    const v = values?.[f.name];
    switch (f.type) {
      case 'bool':
        out[f.name] = v === true;
        break;
      case 'date':
        if (!blank(v)) out[f.name] = dayjs(v as Dayjs).format('YYYY-MM-DD');
        break;
      case 'percent':
        if (!blank(v)) out[f.name] = Math.round(Number(v) * 10) / 1000;
        break;
      case 'tags':
        out[f.name] = ((v as string[] | undefined) ?? []).map((s) => s.trim()).filter(Boolean);
        break;
      case 'textarea':
        if (f.name === 'text') out[f.name] = typeof v === 'string' ? v : '';
        else if (!blank(v)) out[f.name] = String(v).trim();
        break;
      case 'text':
        if (!blank(v)) out[f.name] = String(v).trim();
        break;
      case 'int':
      case 'number':
      case 'select':
        if (!blank(v)) out[f.name] = v;
        break;
    }
  }
  return out as TItemDetails;
}

/** The API's details → form values. */
export function detailsToForm(details: TItemDetails): Record<string, unknown> {
  const src = details as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of DETAIL_FIELDS[details.kind]) {
    const v = src[f.name];
    if (v === undefined || v === null) continue;
    if (f.type === 'date') out[f.name] = dayjs(String(v));
    else if (f.type === 'percent') out[f.name] = Math.round(Number(v) * 1000) / 10;
    else out[f.name] = v;
  }
  return out;
}
