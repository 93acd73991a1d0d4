// Every API route area, one plugin each, mounted under /api.
import type { FastifyInstance } from 'fastify';
import analyticsRoutes from './analytics/index.ts';
import auditRoutes from './audits/index.ts';
import authRoutes from './auth/index.ts';
import cmamRoutes from './cmam/index.ts';
import dataValueSetRoutes from './dataValueSets/index.ts';
import growthRoutes from './growth/index.ts';
import immunizationRoutes from './immunization/index.ts';
import immunizationAnalysisRoutes from './immunizationAnalysis/index.ts';
import metadataRoutes from './metadata/index.ts';
import resultsRoutes from './results/index.ts';
import surveyRoutes from './surveys/index.ts';
import systemRoutes from './system/index.ts';
import userRoutes from './users/index.ts';
import validationRoutes from './validation/index.ts';

export async function apiRoutes(app: FastifyInstance): Promise<void> {
  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(metadataRoutes);
  await app.register(resultsRoutes);
  await app.register(analyticsRoutes);
  await app.register(validationRoutes);
  await app.register(cmamRoutes);
  await app.register(dataValueSetRoutes);
  await app.register(auditRoutes);
  await app.register(growthRoutes);
  await app.register(immunizationAnalysisRoutes);
  await app.register(immunizationRoutes);
  await app.register(surveyRoutes);
}
