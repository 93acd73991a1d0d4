// Every API route area, one plugin each, mounted under /api.
import type { FastifyInstance } from 'fastify';
import resultsRoutes from './results/index.ts';
import systemRoutes from './system/index.ts';

export async function apiRoutes(app: FastifyInstance): Promise<void> {
  await app.register(systemRoutes);
  await app.register(resultsRoutes);
}
