import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './api';
import { AuthEvents } from './AuthEvents';
import { I18nProvider, useI18n } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { AuditPage } from './pages/audit/AuditPage';
import { CaseDetailPage } from './pages/cases/CaseDetailPage';
import { CaseEntryPage } from './pages/cases/CaseEntryPage';
import { CasesPage } from './pages/cases/CasesPage';
import { OverduePage } from './pages/cases/OverduePage';
import { HolidaysPage } from './pages/cases/HolidaysPage';
import { TaskLogPage } from './pages/cases/TaskLogPage';
import { TaskLogStatsPage } from './pages/cases/TaskLogStatsPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrgsPage } from './pages/orgs/OrgsPage';
import { CollectionDetailPage } from './pages/collections/CollectionDetailPage';
import { CollectionsPage } from './pages/collections/CollectionsPage';
import { FillPage } from './pages/collections/FillPage';
import { RosterImportPage } from './pages/collections/RosterImportPage';
import { SchoolCollectionPage, SchoolCollectionsPage } from './pages/collections/SchoolCollectionsPage';
import { TasksPage } from './pages/collections/TasksPage';
import { ItemDetailPage } from './pages/register/ItemDetailPage';
import { ItemFormPage } from './pages/register/ItemFormPage';
import { ItemsPage } from './pages/register/ItemsPage';
import { LeadsPage } from './pages/register/LeadsPage';
import { PlansPage } from './pages/register/PlansPage';
import { BaselinePage } from './pages/register/BaselinePage';
import { RuleSetPage } from './pages/register/RuleSetPage';
import { SecondmentsPage } from './pages/register/SecondmentsPage';
import { SchoolPage } from './pages/register/SchoolPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { UsersPage } from './pages/users/UsersPage';
import { RequireAbility } from './RequireAbility';

/** Loaded on first visit: ECharts stays out of the login and list bundles. */
const DashboardPage = lazy(() => import('./pages/dashboards/DashboardPage'));

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // a 4xx will not change on retry; network and 5xx get two more tries
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

const THEME = {
  token: { colorPrimary: '#1d4e89', borderRadius: 6 },
  components: { Menu: { itemSelectedBg: '#e6eef8', itemSelectedColor: '#1d4e89' }, Tree: { nodeSelectedBg: '#d6e4f5' } },
};

function Themed() {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
      <AntApp>
        <BrowserRouter basename="/admin">
          <AuthEvents />
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/change-password" element={<ChangePasswordPage />} />
            <Route element={<AppLayout />}>
              <Route index element={<RequireAbility ability="home.view"><HomePage /></RequireAbility>} />
              <Route path="/orgs" element={<RequireAbility ability="org.read"><OrgsPage /></RequireAbility>} />
              <Route path="/users" element={<RequireAbility ability="user.read"><UsersPage /></RequireAbility>} />
              <Route path="/audit" element={<RequireAbility ability="audit.read"><AuditPage /></RequireAbility>} />
              <Route path="/items" element={<RequireAbility ability="register.read"><ItemsPage /></RequireAbility>} />
              <Route path="/items/new" element={<RequireAbility ability="register.submit"><ItemFormPage /></RequireAbility>} />
              <Route path="/items/:id" element={<RequireAbility ability="register.read"><ItemDetailPage /></RequireAbility>} />
              <Route path="/items/:id/edit" element={<RequireAbility ability="register.submit"><ItemFormPage /></RequireAbility>} />
              <Route path="/plans" element={<RequireAbility ability="register.read"><PlansPage /></RequireAbility>} />
              <Route path="/rulesets" element={<RequireAbility ability="register.read"><RuleSetPage /></RequireAbility>} />
              <Route path="/baseline" element={<RequireAbility ability="register.manage"><BaselinePage /></RequireAbility>} />
              <Route path="/secondments" element={<RequireAbility ability="register.read"><SecondmentsPage /></RequireAbility>} />
              <Route path="/school" element={<RequireAbility ability="register.school"><SchoolPage /></RequireAbility>} />
              <Route path="/leads" element={<RequireAbility ability="lead.read"><LeadsPage /></RequireAbility>} />
              <Route path="/roster" element={<RequireAbility ability="roster.import"><RosterImportPage /></RequireAbility>} />
              <Route path="/collections" element={<RequireAbility ability="collection.read"><CollectionsPage /></RequireAbility>} />
              <Route path="/collections/:id" element={<RequireAbility ability="collection.read"><CollectionDetailPage /></RequireAbility>} />
              <Route path="/school-collections" element={<RequireAbility ability="collection.manage"><SchoolCollectionsPage /></RequireAbility>} />
              <Route path="/school-collections/:id" element={<RequireAbility ability="collection.manage"><SchoolCollectionPage /></RequireAbility>} />
              <Route path="/tasks" element={<RequireAbility ability="collection.fill"><TasksPage /></RequireAbility>} />
              <Route path="/fill/:id" element={<RequireAbility ability="collection.fill"><FillPage /></RequireAbility>} />
              <Route path="/cases" element={<RequireAbility ability="case.read"><CasesPage /></RequireAbility>} />
              <Route path="/cases/new" element={<RequireAbility ability="case.manage"><CaseEntryPage /></RequireAbility>} />
              <Route path="/cases/overdue" element={<RequireAbility ability="case.read"><OverduePage /></RequireAbility>} />
              <Route path="/cases/holidays" element={<RequireAbility ability="case.read"><HolidaysPage /></RequireAbility>} />
              <Route path="/cases/:id" element={<RequireAbility ability="case.read"><CaseDetailPage /></RequireAbility>} />
              <Route path="/tasklog" element={<RequireAbility ability="tasklog.write"><TaskLogPage /></RequireAbility>} />
              <Route path="/tasklog/stats" element={<RequireAbility ability="tasklog.stats"><TaskLogStatsPage /></RequireAbility>} />
              <Route path="/reports" element={<RequireAbility ability="report.export"><ReportsPage /></RequireAbility>} />
              <Route path="/dashboards/:orgId?" element={<RequireAbility ability="dashboard.read"><Suspense fallback={null}><DashboardPage /></Suspense></RequireAbility>} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  );
}
