import type { Kysely } from 'kysely';
import { chinaToday } from '../../../domain/time';
import type { TFieldCrypto } from '../../security/fieldCrypto';
import type { TDatabase } from '../../db/types';
import { loadRuleValues } from '../register/ruleContext';
import { loadHeld, loadSubjects } from './heldValues';
import type { TSubjectType } from './masterRepo';
import { computeOverlap, computeReuse } from './reuse';
import type { TColumnsDoc, TOverlap, TReuse } from './repo';

/** The reuse ratio and the overlap of a collection as it stands (population, matches), with the rule set's limits. */
export async function evaluateCollection(
  db: Kysely<TDatabase>,
  fc: TFieldCrypto,
  opts: { collectionId: number; regionOrgId: number; regionPath: string; subjectType: TSubjectType; doc: TColumnsDoc; schoolIds: readonly number[] },
): Promise<{ reuse: TReuse; overlap: TOverlap; secondsPerCell: number }> {
  const today = chinaToday();
  const values = await loadRuleValues(db, { regionPath: opts.regionPath, year: Number(today.slice(0, 4)) });
  const subjects = await loadSubjects(db, { subjectType: opts.subjectType, schoolIds: opts.schoolIds });
  const held = await loadHeld(db, fc, { subjectType: opts.subjectType, subjectIds: subjects.map((s) => s.id), decrypt: false, asOf: today });
  const reuse = computeReuse(opts.doc, held, subjects.length);
  const overlap = await computeOverlap(db, {
    collectionId: opts.collectionId,
    regionOrgId: opts.regionOrgId,
    subjectType: opts.subjectType,
    doc: opts.doc,
    schoolIds: opts.schoolIds,
    threshold: values.dataCollectionOverlapThreshold,
    today,
  });
  return { reuse, overlap, secondsPerCell: values.secondsPerCell };
}

/**
 * Minutes a respondent still spends: the cells Jianfu cannot fill (new columns and values not
 * held), on average, at the rule set's seconds per cell — the burden estimate of the register item.
 */
export function minutesPerRespondent(reuse: TReuse, secondsPerCell: number): number {
  if (!reuse.population) return Math.round(((reuse.columns * secondsPerCell) / 60) * 10) / 10;
  const typedPerRespondent = (reuse.cellsTotal - reuse.cellsHeld) / reuse.population;
  return Math.round(((typedPerRespondent * secondsPerCell) / 60) * 10) / 10;
}
