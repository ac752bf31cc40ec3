import { FundOutlined, UserSwitchOutlined, AlertOutlined, AuditOutlined, ClockCircleOutlined, PieChartOutlined, CloudUploadOutlined, DatabaseOutlined, FormOutlined, SolutionOutlined, FileWordOutlined, BarChartOutlined, AppstoreOutlined, ApartmentOutlined, BankOutlined, CalendarOutlined, FileSearchOutlined, HomeOutlined, ProfileOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { TAbility } from '../../../domain/abilities';
import { useI18n } from '../i18n';
import { NAV_ENTRIES } from './nav';

/** Icons by menu path; an entry without one gets a neutral icon. */
const ICONS: Record<string, ReactNode> = {
  '/admin/': <HomeOutlined />,
  '/admin/dashboards': <BarChartOutlined />,
  '/admin/school': <BankOutlined />,
  '/admin/items': <ProfileOutlined />,
  '/admin/plans': <CalendarOutlined />,
  '/admin/rulesets': <SettingOutlined />,
  '/admin/baseline': <FundOutlined />,
  '/admin/secondments': <UserSwitchOutlined />,
  '/admin/leads': <AlertOutlined />,
  '/admin/cases': <AuditOutlined />,
  '/admin/tasklog': <ClockCircleOutlined />,
  '/admin/tasklog/stats': <PieChartOutlined />,
  '/admin/collections': <DatabaseOutlined />,
  '/admin/school-collections': <SolutionOutlined />,
  '/admin/tasks': <FormOutlined />,
  '/admin/roster': <CloudUploadOutlined />,
  '/admin/reports': <FileWordOutlined />,
  '/admin/orgs': <ApartmentOutlined />,
  '/admin/users': <TeamOutlined />,
  '/admin/audit': <FileSearchOutlined />,
};

export const NAV_ITEMS = NAV_ENTRIES.map((e) => ({ ...e, icon: ICONS[e.path] ?? <AppstoreOutlined /> }));

/** The router path (basename /admin) of a menu key, and back. */
const toRoute = (key: string) => key.slice('/admin'.length) || '/';
const toKey = (route: string) => `/admin${route === '/' ? '/' : route.replace(/\/+$/, '')}`;
/** The menu entry of a route: its own, or the nearest above it (`/items/7/edit` → `/admin/items`). */
const selectedKey = (route: string) => {
  const key = toKey(route);
  const hit = NAV_ITEMS.filter((i) => i.path !== '/admin/' && (key === i.path || key.startsWith(`${i.path}/`))).sort((a, b) => b.path.length - a.path.length)[0];
  return hit ? hit.path : key;
};

export function SideMenu({ abilities, onNavigate, theme }: { abilities: readonly TAbility[]; onNavigate?: () => void; theme: 'dark' | 'light' }) {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const items: MenuProps['items'] = NAV_ITEMS.filter((i) => abilities.includes(i.ability)).map((i) => ({
    key: i.path,
    icon: i.icon,
    label: t(i.label),
    'data-testid': `nav-${i.path}`,
  }));
  return (
    <Menu
      data-testid="side-menu"
      mode="inline"
      style={{ borderInlineEnd: 0 }}
      theme={theme}
      selectedKeys={[selectedKey(location.pathname)]}
      items={items}
      onClick={({ key }) => {
        void navigate(toRoute(key));
        onNavigate?.();
      }}
    />
  );
}
