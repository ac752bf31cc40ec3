import { Drawer, Grid, Layout, Spin } from 'antd';
import { useCallback, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiError } from '../api';
import { ErrorAlert } from '../errors';
import { useI18n } from '../i18n';
import { useMe } from '../queries';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';
import { useIdleTimer } from './useIdleTimer';
import { useSignOut } from './useSignOut';

/** The signed-in frame: header, side menu (a drawer on phones), the page. */
export function AppLayout() {
  const me = useMe();
  const { t } = useI18n();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const signOut = useSignOut();
  const onIdle = useCallback(() => void signOut('idle'), [signOut]);
  useIdleTimer(me.data?.idleTimeoutSeconds, onIdle);

  if (me.isPending) return <Spin fullscreen description={t('common.loading')} />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname)}`;
      return <Navigate to={`/login${next}`} replace />;
    }
    return (
      <div className="jf-content">
        <ErrorAlert error={me.error} />
      </div>
    );
  }
  if (me.data.mustChangePassword) return <Navigate to="/change-password" replace />;

  const { abilities, user } = me.data;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <HeaderBar
        me={me.data}
        compact={!screens.md}
        menuOpen={wide ? !collapsed : drawerOpen}
        onToggleMenu={() => (wide ? setCollapsed((c) => !c) : setDrawerOpen((o) => !o))}
        onSignOut={() => void signOut('logout')}
      />
      <Layout>
        {wide && (
          <Layout.Sider theme="light" width={208} collapsible collapsed={collapsed} collapsedWidth={64} trigger={null} style={{ borderRight: '1px solid #f0f0f0' }}>
            <SideMenu abilities={abilities} theme="light" />
          </Layout.Sider>
        )}
        {!wide && (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={240}
            title={
              <div>
                <div>{user.displayName}</div>
                <small style={{ fontWeight: 'normal', color: '#888' }}>
                  {t(`role.${user.role}`)} · {user.org.name}
                </small>
              </div>
            }
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu abilities={abilities} theme="light" onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        )}
        <Layout.Content className="jf-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
