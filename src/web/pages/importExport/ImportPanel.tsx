// Importing a DHIS2 data value file (JSON, CSV, DHIS2 XML or ADX) with DHIS2's options: a dry
// run to check a file without writing it, the import strategy, all-or-nothing (atomicMode ALL,
// the default) or good rows only (NONE), and whether the file names things by code or UID.
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { atomicModes, detectFormat, idSchemes, importFormats, importStrategies, type ImportOptions } from './importFormats.ts';
import { runImport, type ImportProgress, type ImportSummary } from './importJob.ts';
import { ImportSummaryView } from './ImportSummaryView.tsx';
import { pluralKey } from '../../components/plural.ts';

const defaults: Omit<ImportOptions, 'format'> = { dryRun: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL', idScheme: 'code' };

function Choice<T extends string>({ label, value, values, labelOf, onChange }: { label: string; value: T; values: readonly T[]; labelOf(value: T): string; onChange(value: T): void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value as T)}>
        {values.map((item) => (
          <option key={item} value={item}>
            {labelOf(item)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ImportPanel() {
  const { t, language, formatNumber } = useI18n();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportOptions['format'] | ''>('');
  const [options, setOptions] = useState(defaults);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof typeof defaults>(name: K, value: (typeof defaults)[K]) => setOptions((previous) => ({ ...previous, [name]: value }));

  async function choose(chosen: File | undefined) {
    setFile(chosen ?? null);
    setSummary(null);
    setError(null);
    setFormat(chosen ? (detectFormat(chosen.name, await chosen.slice(0, 2048).text()) ?? '') : '');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || !format) return;
    setSummary(null);
    setError(null);
    setProgress({ phase: 'upload', fraction: 0 });
    try {
      setSummary(await runImport(file, { ...options, format }, language, setProgress));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t('web.error.network'));
    } finally {
      setProgress(null);
    }
  }

  const percent = progress?.fraction === undefined ? undefined : Math.round(progress.fraction * 100);
  return (
    <section className="card import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('web.import.title')}</h2>
      <p className="muted">{t('web.import.intro')}</p>
      <form className="stack" onSubmit={submit}>
        <div className="file-drop">
          <label htmlFor={fileId}>{t('web.import.file')}</label>
          <input id={fileId} type="file" accept=".json,.csv,.xml,.adx" onChange={(event) => void choose(event.target.files?.[0])} />
          {file && (
            <span className="muted">
              {file.size < 1024 ? t('web.import.fileBytes', { size: formatNumber(file.size) }) : t('web.import.fileSize', { size: formatNumber(file.size / 1024, { maximumFractionDigits: 1 }) })}
            </span>
          )}
        </div>
        <div className="options-grid">
          <label>
            {t('web.import.format')}
            <select value={format} onChange={(event) => setFormat(event.target.value as ImportOptions['format'])} required>
              <option value="">{t('web.pick.choose')}</option>
              {importFormats.map((item) => (
                <option key={item} value={item}>
                  {t(`web.import.format.${item}`)}
                </option>
              ))}
            </select>
          </label>
          <Choice label={t('web.import.strategy')} value={options.importStrategy} values={importStrategies} labelOf={(item) => t(`web.import.strategy.${item}`)} onChange={(item) => set('importStrategy', item)} />
          <Choice label={t('web.import.atomicMode')} value={options.atomicMode} values={atomicModes} labelOf={(item) => t(`web.import.atomicMode.${item}`)} onChange={(item) => set('atomicMode', item)} />
          <Choice label={t('web.import.idScheme')} value={options.idScheme} values={idSchemes} labelOf={(item) => t(`web.import.idScheme.${item}`)} onChange={(item) => set('idScheme', item)} />
        </div>
        <label className="check">
          <input type="checkbox" checked={options.dryRun} onChange={(event) => set('dryRun', event.target.checked)} />
          {t('web.import.dryRun')}
        </label>
        <div>
          <button type="submit" className="button-primary" disabled={!file || !format || progress !== null}>
            {options.dryRun ? t('web.import.check') : t('web.import.start')}
          </button>
        </div>
      </form>
      {progress && (
        <div className="import-progress" role="status">
          <span>
            {t(progress.phase === 'upload' ? 'web.import.uploading' : 'web.import.importing')}
            {percent !== undefined && ` — ${percent} %`}
            {progress.valuesRead !== undefined && ` — ${t(pluralKey('web.import.valuesRead', progress.valuesRead, language), { count: formatNumber(progress.valuesRead) })}`}
          </span>
          <progress max={100} value={percent} aria-label={t('web.import.progress')} />
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {summary && <ImportSummaryView summary={summary} />}
    </section>
  );
}
