// Data entry (ability data:write): choose a data set, then an org unit it is assigned to inside
// the user's scope, then a period of its type; fill the form, each value saved as it is typed;
// mark the form complete, which runs the validation rules. A complete form, and the form of a
// period past its data set's expiry days (unless the user may edit those), is read-only. The choices live in the address
// (?ds=&ou=&pe=), so a form can be shared or bookmarked.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { expiredSince } from '../../../core/dataValueSets/expiryDays.ts';
import { parsePeriod } from '../../../core/periods/periods.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { orgUnitOptions } from '../../components/orgUnits.ts';
import { OrgUnitPicker } from '../../components/OrgUnitPicker.tsx';
import { defaultPeriod, PeriodPicker } from '../../components/PeriodPicker.tsx';
import { periodLabel } from '../../components/periods.ts';
import { useOrgUnits } from '../../components/useOrgUnits.ts';
import { CompletionPanel } from './CompletionPanel.tsx';
import { Completeness } from './Completeness.tsx';
import { listDataSets, loadDataSet, loadValues, saveDetails, saveValue, type DataSetSummary, type EntryDataSet, type FormKey, type StoredValue } from './dataEntryApi.ts';
import { DataEntryForm } from './DataEntryForm.tsx';
import { cellLabel } from './sectionForm.ts';
import { ValueDetailsDialog } from './ValueDetailsDialog.tsx';

function useLoaded<T>(load: (() => Promise<T>) | null, deps: unknown[]): { data: T | undefined; error: string | null } {
  const [state, setState] = useState<{ data: T | undefined; error: string | null }>({ data: undefined, error: null });
  useEffect(() => {
    setState({ data: undefined, error: null });
    if (!load) return;
    let current = true;
    load()
      .then((data) => current && setState({ data, error: null }))
      .catch((failure: Error) => current && setState({ data: undefined, error: failure.message }));
    return () => {
      current = false;
    };
  }, deps);
  return state;
}

/**
 * The last day the period could be entered when that day is past, otherwise null — the server's
 * rule (E7640), counted on today's UTC date as the server counts it.
 */
function periodExpiredSince(expiryDays: number, periodId: string): string | null {
  let endDate: string;
  try {
    endDate = parsePeriod(periodId).endDate;
  } catch {
    return null;
  }
  return expiredSince(endDate, expiryDays, new Date().toISOString().slice(0, 10));
}

export default function DataEntryPage() {
  const { t, language, formatDate } = useI18n();
  const { query, setQuery } = useRouter();
  const { me, can } = useSession();
  const dataSetId = query.get('ds') ?? '';
  const orgUnitId = query.get('ou') ?? '';
  const dataSets = useLoaded<DataSetSummary[]>(listDataSets, [language]);
  const dataSet = useLoaded<EntryDataSet>(dataSetId ? () => loadDataSet(dataSetId) : null, [dataSetId, language]);
  const { units, error: unitsError } = useOrgUnits();
  const ds = dataSet.data;
  const period = ds ? (query.get('pe') ?? defaultPeriod(ds.periodType, ds.openFuturePeriods)) : '';
  // The default period goes into the address too, so that the form's address is complete.
  useEffect(() => {
    if (period && !query.get('pe')) setQuery({ pe: period });
  }, [period]);

  const scopePaths = useMemo(() => (me?.scope ?? []).map((unit) => unit.path), [me]);
  const options = useMemo(() => (ds && units ? orgUnitOptions(units, scopePaths, new Set(ds.organisationUnits)) : []), [ds, units, scopePaths]);
  const orgUnit = options.find((option) => option.id === orgUnitId);
  const form: FormKey | null = ds && orgUnit && period ? { dataSet: ds.id, orgUnit: orgUnit.id, period } : null;
  const formId = form ? `${form.dataSet}/${form.orgUnit}/${form.period}` : '';

  const [values, setValues] = useState<Map<string, StoredValue> | null>(null);
  const [valuesError, setValuesError] = useState<string | null>(null);
  const [detailsKey, setDetailsKey] = useState<string | null>(null);
  const [completeDate, setCompleteDate] = useState<string | null>(null);
  useEffect(() => {
    setValues(null);
    setValuesError(null);
    if (!form) return;
    let current = true;
    loadValues(form)
      .then((loaded) => {
        if (!current) return;
        setValues(loaded.values);
        setCompleteDate(loaded.completeDate);
      })
      .catch((failure: Error) => current && setValuesError(failure.message));
    return () => {
      current = false;
    };
  }, [formId]);

  const save = useCallback((key: string, value: string) => saveValue(form!, key, value), [formId]);
  /** Keeps the page's copy of a value current (details dialog, markers); the form keeps its own texts. */
  const updateValue = useCallback((key: string, change: (stored: StoredValue | undefined) => StoredValue | undefined) => {
    setValues((previous) => {
      if (!previous) return previous;
      const next = new Map(previous);
      const changed = change(next.get(key));
      if (changed) next.set(key, changed);
      else next.delete(key);
      return next;
    });
  }, []);
  const onSaved = useCallback(
    (key: string, value: string) => {
      updateValue(key, (stored) => (value === '' ? undefined : { ...stored, value, storedBy: me?.username ?? null, lastUpdated: new Date().toISOString() }));
    },
    [me, updateValue],
  );

  const details = detailsKey && ds ? cellLabel(ds.dataElements, detailsKey) : null;
  const expired = form && !can('data:editExpired') ? periodExpiredSince(ds!.expiryDays, form.period) : null;

  return (
    <div className="data-entry-page">
      <h1>{t('web.dataEntry.title')}</h1>
      <div className="entry-layout">
        <aside className="card entry-choices" aria-label={t('web.dataEntry.choices')}>
          <label>
            {t('web.dataEntry.dataSet')}
            <select value={dataSetId} onChange={(event) => setQuery({ ds: event.target.value, pe: null })}>
              <option value="">{t('web.pick.choose')}</option>
              {(dataSets.data ?? []).map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          </label>
          {ds && (
            <PeriodPicker label={t('web.dataEntry.period')} periodType={ds.periodType} openFuturePeriods={ds.openFuturePeriods} value={period} onChange={(pe) => setQuery({ pe })} />
          )}
          {ds && units && (
            <OrgUnitPicker label={t('web.dataEntry.orgUnit')} options={options} value={orgUnitId} onChange={(ou) => setQuery({ ou })} size={14} />
          )}
          {ds && !units && !unitsError && <p className="loading">{t('web.loading')}</p>}
          {[dataSets.error, dataSet.error, unitsError].filter(Boolean).map((message) => (
            <p key={message} className="form-error" role="alert">
              {message}
            </p>
          ))}
        </aside>
        <section className="entry-main" aria-live="polite" aria-busy={Boolean(form && !values && !valuesError)}>
          {ds && period && units && <Completeness dataSet={ds} period={period} units={units} scope={me?.scope ?? []} refresh={`${formId}:${completeDate}`} />}
          {!ds && <p className="empty-state card">{t('web.dataEntry.chooseDataSet')}</p>}
          {ds && !orgUnit && <p className="empty-state card">{options.length === 0 && units ? t('web.dataEntry.noOrgUnit') : t('web.dataEntry.chooseOrgUnit')}</p>}
          {form && orgUnit && (
            <header className="entry-header card">
              <div>
                <h2>{ds!.name}</h2>
                <p className="muted">
                  {[...orgUnit.trail, orgUnit.name].join(' › ')} · {periodLabel(form.period, language)}
                </p>
              </div>
              {values && <CompletionPanel form={form} completeDate={completeDate} validCompleteOnly={ds!.validCompleteOnly} onCompletedChange={setCompleteDate} />}
            </header>
          )}
          {valuesError && (
            <p className="form-error" role="alert">
              {valuesError}
            </p>
          )}
          {form && !values && !valuesError && <p className="loading">{t('web.loading')}</p>}
          {form && values && (
            <>
              {expired && (
                <p className="notice" role="note">
                  {t('web.dataEntry.expired', { date: formatDate(expired) })}
                </p>
              )}
              <p className="muted entry-help">{t('web.dataEntry.keyboardHelp')}</p>
              <DataEntryForm formId={formId} dataSet={ds!} values={values} locked={completeDate !== null || expired !== null} save={save} onDetails={setDetailsKey} onSaved={onSaved} />
            </>
          )}
        </section>
      </div>
      <ValueDetailsDialog
        title={details}
        stored={detailsKey ? values?.get(detailsKey) : undefined}
        onClose={() => setDetailsKey(null)}
        onSave={async (changes) => {
          await saveDetails(form!, detailsKey!, values!.get(detailsKey!)!.value, changes);
          updateValue(detailsKey!, (stored) => stored && { ...stored, ...changes });
        }}
      />
    </div>
  );
}
