// The attribute option combo that DHIS2's single-value APIs name by its combo and options
// (`cc` and `cp`, options separated by `;`), codes or UIDs; the default one when no combo is named.
import type pg from 'pg';
import { DenwError } from '../../core/errors.ts';
import { DEFAULT_OPTION_COMBO_UID } from './importMetadata.ts';

export async function findAttributeOptionCombo(
  client: Pick<pg.ClientBase, 'query'>,
  combo: string | undefined,
  options: string[] = [],
): Promise<{ id: number; uid: string }> {
  const { rows } =
    combo === undefined
      ? await client.query<{ id: number; uid: string }>('SELECT id, uid FROM category_option_combo WHERE uid = $1', [DEFAULT_OPTION_COMBO_UID])
      : await client.query<{ id: number; uid: string }>(
          `SELECT coc.id, coc.uid FROM category_option_combo coc
           JOIN category_combo cc ON cc.id = coc.category_combo_id
           JOIN category_option_combo_option x ON x.category_option_combo_id = coc.id
           JOIN category_option co ON co.id = x.category_option_id
           WHERE $1 IN (cc.uid, cc.code)
           GROUP BY coc.id, coc.uid
           HAVING count(*) = cardinality($2::text[]) AND bool_and(co.uid = ANY($2::text[]) OR co.code = ANY($2::text[]))`,
          [combo, options],
        );
  if (rows.length !== 1) throw new DenwError('ATTRIBUTE_OPTIONS_UNKNOWN', { combo: combo ?? '', options: options.join(';') }, 'cp');
  return rows[0]!;
}
