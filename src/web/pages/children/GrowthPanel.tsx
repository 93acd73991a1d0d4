// Growth monitoring of one child: a measurement (date, weight, length or height and how it was
// taken, MUAC, bilateral pitting oedema) saved with its z-scores computed by the server as
// WHO anthro computes them, the nutritional classification of Mali's CMAM protocol (PCIMA:
// SAM, MAM; stunting and underweight), and the child's points on the WHO growth charts.
import { useCallback, useEffect, useState } from 'react';
import { daysPerMonth } from '../../../core/growth/who2006.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { FieldError } from '../../components/FieldError.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { todayIso } from './dates.ts';
import { loadMeasurements, recordMeasurement, removeMeasurement, type ChildRecord, type Measurement, type MeasurementFields } from './childrenApi.ts';
import { EnteredInErrorDialog } from './EnteredInErrorDialog.tsx';
import { GrowthChart } from './GrowthChart.tsx';

/**
 * The text of a number field as the API wants it: empty → absent, a French decimal comma
 * accepted; anything else is sent as typed, so that the server refuses it at its field
 * (NaN would travel as JSON null, i.e. as "not measured").
 */
function optionalNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return (Number.isFinite(value) ? value : text) as number;
}

function MeasurementForm({ uid, onSaved }: { uid: string; onSaved(): void }) {
  const { t } = useI18n();
  const [date, setDate] = useState(todayIso());
  const [weight, setWeight] = useState('');
  const [length, setLength] = useState('');
  const [measure, setMeasure] = useState<'' | 'l' | 'h'>('');
  const [muac, setMuac] = useState('');
  const [oedema, setOedema] = useState(false);
  const { busy, error, fieldErrors: errors, submit } = useSubmit(async () => {
    const fields: MeasurementFields = { date, weightKg: optionalNumber(weight), lengthHeightCm: optionalNumber(length), measure: measure || undefined, muacMm: optionalNumber(muac), oedema };
    await recordMeasurement(uid, fields);
    setWeight('');
    setLength('');
    setMuac('');
    setOedema(false);
    onSaved();
  });

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="measurement-title" noValidate>
      <h2 id="measurement-title">{t('web.children.growth.record')}</h2>
      <div className="form-grid">
        <label>
          {t('web.children.growth.date')}
          <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
          <FieldError errors={errors} field="date" />
        </label>
        <label>
          {t('web.children.growth.weight')}
          <input inputMode="decimal" value={weight} onChange={(event) => setWeight(event.target.value)} />
          <FieldError errors={errors} field="weightKg" />
        </label>
        <label>
          {t('web.children.growth.lengthHeight')}
          <input inputMode="decimal" value={length} onChange={(event) => setLength(event.target.value)} />
          <FieldError errors={errors} field="lengthHeightCm" />
        </label>
        <label>
          {t('web.children.growth.measure')}
          <select value={measure} onChange={(event) => setMeasure(event.target.value as '' | 'l' | 'h')}>
            <option value="">{t('web.pick.choose')}</option>
            <option value="l">{t('web.children.growth.measure.l')}</option>
            <option value="h">{t('web.children.growth.measure.h')}</option>
          </select>
          <FieldError errors={errors} field="measure" />
        </label>
        <label>
          {t('web.children.growth.muac')}
          <input inputMode="numeric" value={muac} onChange={(event) => setMuac(event.target.value)} />
          <FieldError errors={errors} field="muacMm" />
        </label>
        <label className="check">
          <input type="checkbox" checked={oedema} onChange={(event) => setOedema(event.target.checked)} />
          {t('web.children.growth.oedema')}
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="button-primary" disabled={busy}>
          {t('web.children.growth.submit')}
        </button>
      </div>
    </form>
  );
}

type ClassName = 'SAM' | 'MAM' | 'severe' | 'moderate' | 'normal';

function ClassBadge({ kind, value }: { kind: 'acute' | 'stunting' | 'underweight'; value: ClassName | null }) {
  const { t } = useI18n();
  if (value === null) return <span className="muted">—</span>;
  const level = value === 'SAM' || value === 'severe' ? 'severe' : value === 'MAM' || value === 'moderate' ? 'moderate' : 'normal';
  return <span className={`status nutrition-${level}`}>{t(`web.children.class.${kind}.${value}`)}</span>;
}

function Zscore({ z, flag }: { z: number | null; flag: number | null }) {
  const { t, formatNumber } = useI18n();
  if (z === null) return <span className="muted">—</span>;
  const text = formatNumber(z, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return flag === 1 ? (
    <span className="zscore-flagged" title={t('web.children.growth.flagged')}>
      {text} ⚑<span className="visually-hidden"> {t('web.children.growth.flagged')}</span>
    </span>
  ) : (
    <span className={z < -3 ? 'zscore-severe' : z < -2 ? 'zscore-moderate' : undefined}>{text}</span>
  );
}

function MeasurementsTable({ measurements, onRemove }: { measurements: Measurement[]; onRemove?(measurement: Measurement): void }) {
  const { t, formatDate, formatNumber } = useI18n();
  const number = (value: number | null, digits = 1) => (value === null ? '—' : formatNumber(value, { maximumFractionDigits: digits }));
  return (
    <div className="card table-card">
      <table className="data-table measurements-table">
        <thead>
          <tr>
            <th>{t('web.children.growth.date')}</th>
            <th className="number">{t('web.children.growth.ageMonths')}</th>
            <th className="number">{t('web.children.growth.weight')}</th>
            <th className="number">{t('web.children.growth.lengthHeight')}</th>
            <th className="number">{t('web.children.growth.muac')}</th>
            <th>{t('web.children.growth.oedema')}</th>
            <th className="number">
              <abbr title={t('web.children.growth.zwei.long')}>{t('web.children.growth.zwei')}</abbr>
            </th>
            <th className="number">
              <abbr title={t('web.children.growth.zlen.long')}>{t('web.children.growth.zlen')}</abbr>
            </th>
            <th className="number">
              <abbr title={t('web.children.growth.zwfl.long')}>{t('web.children.growth.zwfl')}</abbr>
            </th>
            <th className="number">
              <abbr title={t('web.children.growth.zac.long')}>{t('web.children.growth.zac')}</abbr>
            </th>
            <th>{t('web.children.class.acute')}</th>
            <th>{t('web.children.class.stunting')}</th>
            <th>{t('web.children.class.underweight')}</th>
            {onRemove && <th className="no-print">{t('web.children.card.action')}</th>}
          </tr>
        </thead>
        <tbody>
          {measurements.map((m) => (
            <tr key={String(m.id)} data-date={m.date}>
              <td>{formatDate(m.date)}</td>
              <td className="number">{m.ageDays === null ? '—' : number(m.ageDays / daysPerMonth)}</td>
              <td className="number">{number(m.weightKg, 3)}</td>
              <td className="number">
                {number(m.lengthHeightCm, 2)}
                {m.measure && <span className="muted"> ({t(`web.children.growth.measure.${m.measure}.short`)})</span>}
              </td>
              <td className="number">{number(m.muacMm, 0)}</td>
              <td>{m.oedema ? t('web.children.growth.oedema.yes') : t('web.children.growth.oedema.no')}</td>
              <td className="number" data-z="zwei">
                <Zscore z={m.zwei} flag={m.fwei} />
              </td>
              <td className="number" data-z="zlen">
                <Zscore z={m.zlen} flag={m.flen} />
              </td>
              <td className="number" data-z="zwfl">
                <Zscore z={m.zwfl} flag={m.fwfl} />
              </td>
              <td className="number" data-z="zac">
                <Zscore z={m.zac} flag={m.fac} />
              </td>
              <td data-class="acute">
                <ClassBadge kind="acute" value={m.classification.acute} />
              </td>
              <td data-class="stunting">
                <ClassBadge kind="stunting" value={m.classification.stunting} />
              </td>
              <td data-class="underweight">
                <ClassBadge kind="underweight" value={m.classification.underweight} />
              </td>
              {onRemove && (
                <td className="no-print">
                  <button type="button" className="link-button danger" onClick={() => onRemove(m)} aria-label={t('web.children.growth.remove', { date: formatDate(m.date) })}>
                    {t('web.children.dose.removeShort')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function GrowthPanel({ record }: { record: ChildRecord }) {
  const { t, formatDate, language } = useI18n();
  const { can } = useSession();
  const [measurements, setMeasurements] = useState<Measurement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    loadMeasurements(record.uid).then(
      (body) => setMeasurements([...body.measurements].sort((a, b) => b.date.localeCompare(a.date))),
      (failure: Error) => setError(failure.message),
    );
  }, [record.uid]);
  useEffect(reload, [reload, language]);
  const latest = measurements?.[0];
  const [removing, setRemoving] = useState<Measurement | null>(null);
  return (
    <div className="growth grid">
      {latest && (
        <section className={`card growth-summary acute-${latest.classification.acute ?? 'unknown'}`} aria-labelledby="growth-latest">
          <h2 id="growth-latest">{t('web.children.growth.latest', { date: formatDate(latest.date) })}</h2>
          <p className="growth-classes">
            <ClassBadge kind="acute" value={latest.classification.acute} /> <ClassBadge kind="stunting" value={latest.classification.stunting} />{' '}
            <ClassBadge kind="underweight" value={latest.classification.underweight} />
          </p>
        </section>
      )}
      {can('data:write') && <MeasurementForm uid={record.uid} onSaved={reload} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!measurements && !error && <p className="loading">{t('web.loading')}</p>}
      {measurements && measurements.length === 0 && <p className="empty-state card">{t('web.children.growth.none')}</p>}
      {measurements && measurements.length > 0 && (
        <>
          <MeasurementsTable measurements={measurements} onRemove={can('data:write') ? setRemoving : undefined} />
          <GrowthChart sex={record.sex} measurements={measurements} />
        </>
      )}
      <EnteredInErrorDialog
        title={t('web.children.growth.removeTitle')}
        subject={removing && t('web.children.growth.measurementOf', { date: formatDate(removing.date) })}
        explanation={t('web.children.growth.removeExplain')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          await removeMeasurement(record.uid, removing!.id);
          setRemoving(null);
          reload();
        }}
      />
    </div>
  );
}
