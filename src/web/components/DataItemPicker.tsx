// Choosing what to show: an indicator or a data element, from the server's metadata lists.
import { useEffect, useState } from 'react';
import { api } from '../app/api.ts';
import { useI18n } from '../app/i18n.tsx';

export interface DataItem {
  code: string;
  name: string;
  kind: 'indicator' | 'dataElement';
}

interface Listed {
  code?: string | null;
  id: string;
  name: string;
  displayName?: string;
}

export function useDataItems(): DataItem[] {
  const { language } = useI18n();
  const [items, setItems] = useState<DataItem[]>([]);
  useEffect(() => {
    const list = async (path: string, key: string, kind: DataItem['kind']) => {
      const body = await api<Record<string, Listed[]>>(`${path}?paging=false&fields=id,code,name,displayName`).catch(() => ({}) as Record<string, Listed[]>);
      return (body[key] ?? []).map((item) => ({ code: item.code ?? item.id, name: item.displayName ?? item.name, kind }));
    };
    void Promise.all([list('/api/indicators', 'indicators', 'indicator'), list('/api/dataElements', 'dataElements', 'dataElement')]).then(
      ([indicators, dataElements]) => setItems([...indicators, ...dataElements]),
    );
  }, [language]);
  return items;
}

export function DataItemPicker({ value, onChange, label }: { value: string; onChange: (code: string) => void; label: string }) {
  const { t } = useI18n();
  const items = useDataItems();
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('web.pick.choose')}</option>
        <optgroup label={t('web.pick.indicators')}>
          {items.filter((i) => i.kind === 'indicator').map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('web.pick.dataElements')}>
          {items.filter((i) => i.kind === 'dataElement').map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
