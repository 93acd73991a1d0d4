// The status and WebMessage of a refusal, for the codes whose status is not the default 400.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { DenwError } from '../core/errors.ts';
import { sendError } from './errorReply.ts';

/** What sendError answers, read from a reply that only records. */
function answer(error: unknown, language: 'fr' | 'en') {
  const sent: { status?: number; body?: Record<string, unknown> } = {};
  const reply = {
    code(status: number) {
      sent.status = status;
      return this;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return this;
    },
    header() {
      return this;
    },
  };
  sendError(error, { language } as FastifyRequest, reply as unknown as FastifyReply);
  return sent;
}

describe('error replies', () => {
  it('answers a child registered twice 409 Conflict (RFC 9110 §15.5.10: a conflict with the stored state), naming the UID', () => {
    const duplicate = new DenwError('CHILD_EXISTS', { uid: 'Awa00000001' }, 'uid');
    expect(answer(duplicate, 'fr')).toEqual({
      status: 409,
      body: { httpStatus: 'Conflict', httpStatusCode: 409, status: 'ERROR', errorCode: 'CHILD_EXISTS', message: "Un enfant porte déjà l'identifiant Awa00000001", field: 'uid' },
    });
    expect(answer(duplicate, 'en').body?.message).toBe('A child already has the identifier Awa00000001');
  });

  it('answers a code without a status of its own 400: the request is at fault', () => {
    expect(answer(new DenwError('FHIR_INVALID', { path: 'resourceType', reason: 'x' }, 'resourceType'), 'en').status).toBe(400);
  });
});
