import type { TDeps } from '../../context';
import type { TSynProvince } from './orgs';
import type { TProgress } from './progress';

/** Whether the cases table (migration 0004, the cases module) exists in this database. */
export async function casesTableExists(deps: TDeps): Promise<boolean> {
  const tables = await deps.db.introspection.getTables();
  return tables.some((t) => t.name === 'cases');
}

/**
 * Complaints and cases of the synthetic province. Written once the cases module's table is
 * known; until then the seeder skips cases with a message (see seedProvince).
 */
export function seedCases(_deps: TDeps, _o: { tree: TSynProvince; total: number; rand: () => number; today: string; progress: TProgress }): Promise<number> {
  return Promise.resolve(0);
}
