// A child's record: identity, the vaccination card (the schedule engine's status of every
// dose, assessed by the server as of today), the doses recorded, growth monitoring, and the
// record as FHIR R4 (Patient + Immunization) for another system.
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { useRouter } from '../../app/router.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { fhirExportUrl, loadChild, type ChildRecord } from './childrenApi.ts';
import { GrowthPanel } from './GrowthPanel.tsx';
import { VaccinationPanel } from './VaccinationPanel.tsx';
import { ageInMonthsAndDays, todayIso } from './dates.ts';

type Tab = 'vaccination' | 'growth';


export function ChildView({ uid }: { uid: string }) {
  const { t, formatDate, language } = useI18n();
  const { query, setQuery } = useRouter();
  const [record, setRecord] = useState<ChildRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tab: Tab = query.get('tab') === 'growth' ? 'growth' : 'vaccination';
  const reload = useCallback(() => {
    loadChild(uid).then(
      (loaded) => {
        setRecord(loaded);
        setError(null);
      },
      (failure: Error) => setError(failure.message),
    );
  }, [uid]);
  useEffect(() => {
    setRecord(null);
    reload();
  }, [reload, language]);

  if (error && !record)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  if (!record) return <p className="loading">{t('web.loading')}</p>;
  const age = ageInMonthsAndDays(record.birthDate, todayIso());
  return (
    <div className="child-record">
      <header className="card child-identity">
        <div>
          <h1>
            {record.givenName} {record.familyName}
          </h1>
          <dl className="identity-list">
            <div>
              <dt>{t('web.children.sex')}</dt>
              <dd>{t(`web.children.sex.${record.sex}`)}</dd>
            </div>
            <div>
              <dt>{t('web.children.birthDate')}</dt>
              <dd>
                {formatDate(record.birthDate)} ({t('web.children.age', { months: age.months, days: age.days })})
              </dd>
            </div>
            <div>
              <dt>{t('web.children.motherName')}</dt>
              <dd>{record.motherName ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('web.children.village')}</dt>
              <dd>{record.village ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('web.children.healthArea')}</dt>
              <dd>{record.orgUnit.name}</dd>
            </div>
            <div>
              <dt>{t('web.children.identifier')}</dt>
              <dd>
                <code>{record.uid}</code>
              </dd>
            </div>
          </dl>
        </div>
        <a className="button-secondary no-print" href={fhirExportUrl(record.uid)} download={`${record.uid}.fhir.json`}>
          {t('web.children.fhirExport')}
        </a>
      </header>
      <Tabs
        label={t('web.children.recordTabs')}
        tabs={[
          { id: 'vaccination', label: t('web.children.tab.vaccination') },
          { id: 'growth', label: t('web.children.tab.growth') },
        ]}
        selected={tab}
        onSelect={(id) => setQuery({ tab: id === 'vaccination' ? null : id })}
      >
        {tab === 'vaccination' ? <VaccinationPanel record={record} onChanged={reload} /> : <GrowthPanel record={record} />}
      </Tabs>
    </div>
  );
}
