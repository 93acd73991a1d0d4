// Aggregate data values in and out: DHIS2 data value sets (import and export), single data
// values for data entry, and data set completion.
import type { FastifyInstance } from 'fastify';
import jobRoutes from '../jobs/index.ts';
import { registerCompletionRoutes } from './completeRegistrations.ts';
import { registerDataValueRoutes } from './dataValues.ts';
import { registerDataValueSetRoutes } from './dataValueSets.ts';

export default async function dataValueSetRoutes(app: FastifyInstance): Promise<void> {
  // DHIS2's documentation also spells the ADX type application/xml+adx (app.ts reads the other
  // text types); the parser is scoped to this plugin.
  app.addContentTypeParser('application/xml+adx', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  registerDataValueSetRoutes(app);
  registerDataValueRoutes(app);
  registerCompletionRoutes(app);
  // The status of asynchronous imports (registered here so that the imports and their jobs
  // come and go together).
  await app.register(jobRoutes);
}
