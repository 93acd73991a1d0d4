// The metadata browser (ability metadata:read), read-only: data elements, indicators with their
// expressions, data sets, category combos, and the org-unit tree, each searchable. The open
// collection and the search live in the address (?tab=&q=).
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useOrgUnits } from '../../components/useOrgUnits.ts';
import { columnsOf, searchTexts } from './metadataColumns.tsx';
import { browsedCollections, listCollection, searchObjects, type BrowsedCollection, type MetadataObject } from './metadataApi.ts';
import { OrgUnitTree } from './OrgUnitTree.tsx';

/** Enough rows to scroll; a narrower search finds the rest. */
const SHOWN_AT_MOST = 300;

function CollectionTable({ collection, query }: { collection: Exclude<BrowsedCollection, 'organisationUnits'>; query: string }) {
  const { t, language, formatNumber } = useI18n();
  const [objects, setObjects] = useState<MetadataObject[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setObjects(null);
    setError(null);
    let current = true;
    listCollection(collection)
      .then((loaded) => current && setObjects(loaded))
      .catch((failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
    };
  }, [collection, language]);
  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!objects) return <p className="loading">{t('web.loading')}</p>;
  const found = searchObjects(objects, query, (object) => searchTexts(collection, object));
  const columns = columnsOf(collection, t, language);
  return (
    <>
      <p className="muted">{t('web.metadata.foundOf', { count: formatNumber(found.length), total: formatNumber(objects.length) })}</p>
      <div className="table-scroll">
        <table className={`data-table metadata-table metadata-${collection}`}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.label} scope="col" className={column.numeric ? 'number' : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {found.slice(0, SHOWN_AT_MOST).map((object) => (
              <tr key={object.id}>
                {columns.map((column) => (
                  <td key={column.label} className={column.numeric ? 'number' : undefined}>
                    {column.cell(object)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export default function MetadataPage() {
  const { t } = useI18n();
  const { query, setQuery } = useRouter();
  const { me } = useSession();
  const { units, error } = useOrgUnits();
  const collection = browsedCollections.find((name) => name === query.get('tab')) ?? 'dataElements';
  const search = query.get('q') ?? '';
  return (
    <div className="metadata-page">
      <h1>{t('web.metadata.title')}</h1>
      <p className="muted page-intro">{t('web.metadata.intro')}</p>
      <Tabs
        label={t('web.metadata.title')}
        tabs={browsedCollections.map((name) => ({ id: name, label: t(`web.metadata.tab.${name}`) }))}
        selected={collection}
        onSelect={(tab) => setQuery({ tab, q: null })}
      >
        <div className="card metadata-panel">
          <label className="metadata-search">
            {t('web.metadata.search')}
            <input type="search" value={search} onChange={(event) => setQuery({ q: event.target.value })} />
          </label>
          {collection === 'organisationUnits' ? (
            units ? (
              <OrgUnitTree units={units} scopePaths={(me?.scope ?? []).map((unit) => unit.path)} query={search} />
            ) : error ? (
              <p className="form-error" role="alert">{error}</p>
            ) : (
              <p className="loading">{t('web.loading')}</p>
            )
          ) : (
            <CollectionTable key={collection} collection={collection} query={search} />
          )}
        </div>
      </Tabs>
    </div>
  );
}
