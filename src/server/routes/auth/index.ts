// Signing in and out, the signed-in user, and personal access tokens.
import type { FastifyInstance } from 'fastify';
import apiTokenRoutes from './apiTokens.ts';
import meRoutes from './me.ts';
import sessionRoutes from './session.ts';

export default async function authRoutes(app: FastifyInstance): Promise<void> {
  await app.register(sessionRoutes);
  await app.register(meRoutes);
  await app.register(apiTokenRoutes);
}
