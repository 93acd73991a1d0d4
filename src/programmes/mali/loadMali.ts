// Reads Mali's reference files from data/mali and builds the metadata document from them.
// The only I/O of the Mali package; the seed command calls loadMaliMetadata().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../core/csv/csvReader.ts';
import { DenwError } from '../../core/errors.ts';
import { MALI_FILE_NAMES, maliMetadata, type MaliFiles, type MaliMetadata } from './maliMetadata.ts';

/** data/mali in the repository. */
export const MALI_DATA_DIR = fileURLToPath(new URL('../../../data/mali/', import.meta.url));

export function loadMaliFiles(directory = MALI_DATA_DIR): MaliFiles {
  const read = (key: keyof MaliFiles) => readFileSync(join(directory, MALI_FILE_NAMES[key]), 'utf8');
  const json = (key: keyof MaliFiles): unknown => {
    try {
      return JSON.parse(read(key));
    } catch (error) {
      if (error instanceof SyntaxError) throw new DenwError('REFERENCE_NOT_JSON', { file: MALI_FILE_NAMES[key], detail: error.message });
      throw error;
    }
  };
  return {
    hierarchy: parseCsv(read('hierarchy')),
    population: parseCsv(read('population')),
    crosswalk: parseCsv(read('crosswalk')),
    regions: json('regions'),
    cercles: json('cercles'),
  };
}

/** Mali's org units, levels, attributes, groups and population, from the files in `directory`. */
export function loadMaliMetadata(directory = MALI_DATA_DIR): MaliMetadata {
  return maliMetadata(loadMaliFiles(directory));
}
