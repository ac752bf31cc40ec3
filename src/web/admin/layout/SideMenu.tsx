import { AlertOutlined, ApartmentOutlined, BankOutlined, CalendarOutlined, FileSearchOutlined, HomeOutlined, ProfileOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { TAbility } from '../../../domain/abilities';
import type { TLabelKey } from '../../../domain/i18n';
import { useI18n } from '../i18n';

interface TNavItem {
  /** Full path, also the menu key (tests find items by it). */
  path: string;
  label: TLabelKey;
  icon: ReactNode;
  ability: TAbility;
}

export const NAV_ITEMS: TNavItem[] = [
  { path: '/admin/', label: 'nav.home', icon: <HomeOutlined />, ability: 'home.view' },
  { path: '/admin/school', label: 'nav.school', icon: <BankOutlined />, ability: 'register.school' },
  { path: '/admin/items', label: 'nav.items', icon: <ProfileOutlined />, ability: 'register.read' },
  { path: '/admin/plans', label: 'nav.plans', icon: <CalendarOutlined />, ability: 'register.read' },
  { path: '/admin/rulesets', label: 'nav.rulesets', icon: <SettingOutlined />, ability: 'register.read' },
  { path: '/admin/leads', label: 'nav.leads', icon: <AlertOutlined />, ability: 'lead.read' },
  { path: '/admin/orgs', label: 'nav.orgs', icon: <ApartmentOutlined />, ability: 'org.read' },
  { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined />, ability: 'user.read' },
  { path: '/admin/audit', label: 'nav.audit', icon: <FileSearchOutlined />, ability: 'audit.read' },
];

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
