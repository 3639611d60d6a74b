import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addendumRequest, createNoteRequest, entryIdParams, noteSummary, noteView, patientIdParams, signNoteRequest, updateNoteRequest } from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import * as service from './service.js';

const tags = ['notes'];

/** The two evaluation notes: drafts, signatures (locking) and addenda. */
export function noteRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function notes(app) {
    app.get('/api/patients/:id/notes', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: "A patient's evaluation notes (without content)", params: patientIdParams, response: { 200: z.array(noteSummary) } },
    }, async (request) => service.listNotes(deps, authed(request.ctx), request.params.id));

    app.post('/api/patients/:id/notes', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: 'Start a draft: therapist evaluation (therapist) or physician exam (physician)', params: patientIdParams, body: createNoteRequest, response: { 201: noteView } },
    }, async (request, reply) => reply.status(201).send(await service.createNote(deps, authed(request.ctx), request.params.id, request.body)));

    app.get('/api/notes/:id', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: 'One note with its addenda', params: entryIdParams, response: { 200: noteView } },
    }, async (request) => service.getNote(deps, authed(request.ctx), request.params.id));

    app.put('/api/notes/:id', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: "Save the author's draft (signed notes are locked: 409)", params: entryIdParams, body: updateNoteRequest, response: { 200: noteView } },
    }, async (request) => service.updateNote(deps, authed(request.ctx), request.params.id, request.body));

    app.post('/api/notes/:id/sign', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: 'Sign a complete note, locking it (one of two concurrent signers gets 409)', params: entryIdParams, body: signNoteRequest, response: { 200: noteView } },
    }, async (request) => service.signNote(deps, authed(request.ctx), request.params.id, request.body));

    app.post('/api/notes/:id/addenda', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: 'Append a signed addendum to a signed note', params: entryIdParams, body: addendumRequest, response: { 201: noteView } },
    }, async (request, reply) => reply.status(201).send(await service.addAddendum(deps, authed(request.ctx), request.params.id, request.body)));
  };
}
