// Import and export of DHIS2 data value files: importing needs data:write, exporting data:read
// (the page's own ability); both stay inside the user's scope, which the server enforces.
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';

export default function ImportExportPage() {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <div className="import-export-page">
      <h1>{t('web.importExport.title')}</h1>
      <p className="muted page-intro">{t('web.importExport.intro')}</p>
      <div className="import-export-layout">
        {can('data:write') && <ImportPanel />}
        <ExportPanel />
      </div>
    </div>
  );
}
