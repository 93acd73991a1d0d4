// The application's pages: address, label, the ability needed to see it (none = public),
// and the module that draws it (loaded on first visit, so the public page stays light).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PageDefinition {
  path: string;
  labelKey: string;
  ability?: string;
  inNavigation: boolean;
  component: LazyExoticComponent<ComponentType>;
}

export const pages: PageDefinition[] = [
  { path: '/', labelKey: 'web.nav.public', inNavigation: true, component: lazy(() => import('../pages/public/PublicResultsPage.tsx')) },
  { path: '/dashboard', labelKey: 'web.nav.dashboard', ability: 'data:read', inNavigation: true, component: lazy(() => import('../pages/dashboard/DashboardPage.tsx')) },
  { path: '/maps', labelKey: 'web.nav.maps', ability: 'data:read', inNavigation: true, component: lazy(() => import('../pages/maps/MapsPage.tsx')) },
  { path: '/pivot', labelKey: 'web.nav.pivot', ability: 'data:read', inNavigation: true, component: lazy(() => import('../pages/pivot/PivotPage.tsx')) },
  { path: '/data-entry', labelKey: 'web.nav.dataEntry', ability: 'data:write', inNavigation: true, component: lazy(() => import('../pages/dataEntry/DataEntryPage.tsx')) },
  { path: '/cmam', labelKey: 'web.cmam.nav', ability: 'data:read', inNavigation: true, component: lazy(() => import('../pages/cmam/CmamPage.tsx')) },
  { path: '/survey', labelKey: 'web.survey.nav', ability: 'data:read', inNavigation: true, component: lazy(() => import('../pages/survey/SurveyPage.tsx')) },
  { path: '/immunization', labelKey: 'web.immunizationAnalysis.nav', ability: 'data:read', inNavigation: true, component: lazy(() => import('../pages/immunization/ImmunizationAnalysisPage.tsx')) },
  { path: '/children', labelKey: 'web.children.nav.label', ability: 'data:read', inNavigation: true, component: lazy(() => import('../pages/children/ChildrenPage.tsx')) },
  { path: '/import-export', labelKey: 'web.nav.importExport', ability: 'data:read', inNavigation: true, component: lazy(() => import('../pages/importExport/ImportExportPage.tsx')) },
  { path: '/metadata', labelKey: 'web.nav.metadata', ability: 'metadata:read', inNavigation: true, component: lazy(() => import('../pages/admin/MetadataPage.tsx')) },
  { path: '/data-set-sources', labelKey: 'web.dataSetSources.nav', ability: 'metadata:write', inNavigation: true, component: lazy(() => import('../pages/dataSetSources/DataSetSourcesPage.tsx')) },
  { path: '/admin', labelKey: 'web.nav.admin', ability: 'users:manage', inNavigation: true, component: lazy(() => import('../pages/admin/AdminPage.tsx')) },
  { path: '/login', labelKey: 'web.nav.login', inNavigation: false, component: lazy(() => import('../pages/login/LoginPage.tsx')) },
];

export function pageFor(path: string): PageDefinition | undefined {
  return pages.find((page) => page.path === path) ?? pages.find((page) => page.path !== '/' && path.startsWith(`${page.path}/`));
}
