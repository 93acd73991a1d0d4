// Reads /api/analytics (DHIS2's dimension syntax and response shape) into plain records.
import { api } from './api.ts';

export interface AnalyticsRequest {
  dimensions: Record<string, string[]>;
  filters?: Record<string, string[]>;
  params?: Record<string, string>;
}

export interface AnalyticsResponse {
  headers: Array<{ name: string; column?: string }>;
  rows: string[][];
  metaData: { items: Record<string, { name: string }>; dimensions: Record<string, string[]> };
}

export interface AnalyticsRecord {
  [dimension: string]: string | number;
  value: number;
}

export function analyticsQuery({ dimensions, filters = {}, params = {} }: AnalyticsRequest): string {
  const query = new URLSearchParams();
  for (const [name, items] of Object.entries(dimensions)) query.append('dimension', `${name}:${items.join(';')}`);
  for (const [name, items] of Object.entries(filters)) query.append('filter', `${name}:${items.join(';')}`);
  for (const [name, value] of Object.entries(params)) query.set(name, value);
  return query.toString();
}

export async function fetchAnalytics(request: AnalyticsRequest): Promise<{ records: AnalyticsRecord[]; response: AnalyticsResponse }> {
  const response = await api<AnalyticsResponse>(`/api/analytics?${analyticsQuery(request)}`);
  const names = response.headers.map((header) => header.name);
  const records = response.rows.map((row) => {
    const record: AnalyticsRecord = { value: Number.NaN };
    row.forEach((cell, index) => {
      const name = names[index]!;
      record[name] = name === 'value' ? Number(cell) : cell;
    });
    return record;
  });
  return { records, response };
}
