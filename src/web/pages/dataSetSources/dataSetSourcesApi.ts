// Where a data set's figures come from at a health area — the monthly form or the child
// registry — as GET/POST /api/dataSetSources give and change it (src/store/rollup).
import { api } from '../../app/api.ts';

export type Source = 'form' | 'registry';

export interface DataSetSource {
  dataSet: string;
  name: string;
  periodType: string;
  /** The source of the current period. */
  source: Source;
  /** Each switch, oldest first; before the first the form is the source. */
  sources: Array<{ starts: string; source: Source; changedBy: string | null }>;
}

export const loadDataSetSources = (orgUnit: string) => api<{ orgUnit: string; dataSets: DataSetSource[] }>(`/api/dataSetSources?orgUnit=${encodeURIComponent(orgUnit)}`);

export const switchDataSetSource = (change: { dataSet: string; orgUnit: string; from: string; source: Source }) =>
  api<{ starts: string; removed: number; written: number }>('/api/dataSetSources', { method: 'POST', json: change });
