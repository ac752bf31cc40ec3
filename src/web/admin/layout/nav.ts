import type { TAbility } from '../../../domain/abilities';
import type { TLabelKey } from '../../../domain/i18n';

/**
 * The side menu: full path (also the menu key, which tests find items by), label and the
 * ability that shows it. Plain data (no JSX) so that end-to-end tests derive each role's menu
 * from it; icons are attached by path in SideMenu.tsx. Add new entries here.
 */
export interface TNavEntry {
  path: string;
  label: TLabelKey;
  ability: TAbility;
}

export const NAV_ENTRIES: TNavEntry[] = [
  { path: '/admin/', label: 'nav.home', ability: 'home.view' },
  { path: '/admin/dashboards', label: 'nav.dashboards', ability: 'dashboard.read' },
  { path: '/admin/school', label: 'nav.school', ability: 'register.school' },
  { path: '/admin/items', label: 'nav.items', ability: 'register.read' },
  { path: '/admin/plans', label: 'nav.plans', ability: 'register.read' },
  { path: '/admin/rulesets', label: 'nav.rulesets', ability: 'register.read' },
  { path: '/admin/baseline', label: 'nav.baseline', ability: 'register.manage' },
  { path: '/admin/secondments', label: 'nav.secondments', ability: 'register.read' },
  { path: '/admin/leads', label: 'nav.leads', ability: 'lead.read' },
  { path: '/admin/cases', label: 'nav.cases', ability: 'case.read' },
  { path: '/admin/tasklog', label: 'nav.tasklog', ability: 'tasklog.write' },
  { path: '/admin/tasklog/stats', label: 'nav.tasklogStats', ability: 'tasklog.stats' },
  { path: '/admin/collections', label: 'nav.collections', ability: 'collection.read' },
  { path: '/admin/school-collections', label: 'nav.schoolCollections', ability: 'collection.manage' },
  { path: '/admin/tasks', label: 'nav.collectionTasks', ability: 'collection.fill' },
  { path: '/admin/roster', label: 'nav.roster', ability: 'roster.import' },
  { path: '/admin/reports', label: 'nav.reports', ability: 'report.export' },
  { path: '/admin/orgs', label: 'nav.orgs', ability: 'org.read' },
  { path: '/admin/users', label: 'nav.users', ability: 'user.read' },
  { path: '/admin/audit', label: 'nav.audit', ability: 'audit.read' },
];
