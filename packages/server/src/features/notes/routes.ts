import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addendumRequest,
  createNoteRequest,
  entryIdParams,
  noteSummary,
  noteView,
  patientIdParams,
  saveTemplateRequest,
  SESSION_NOTE_KINDS,
  sessionNoteView,
  signNoteRequest,
  signSessionNoteRequest,
  templateView,
  updateNoteRequest,
  updateSessionNoteRequest,
} from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import * as service from './service.js';
import * as sessionNotes from './session-notes.js';

const tags = ['notes'];
const adminTemplateView = templateView.extend({ savedBy: z.string().nullable(), savedAt: z.iso.datetime().nullable() });

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

    app.get('/api/session-notes/:id', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: 'One session note (a private process note: its author or break-glass only)', params: entryIdParams, response: { 200: sessionNoteView } },
    }, async (request) => sessionNotes.getSessionNote(deps, authed(request.ctx), request.params.id));

    app.put('/api/session-notes/:id', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: "Save the author's draft session note (signed: 409)", params: entryIdParams, body: updateSessionNoteRequest, response: { 200: sessionNoteView } },
    }, async (request) => sessionNotes.updateSessionNote(deps, authed(request.ctx), request.params.id, request.body));

    app.post('/api/session-notes/:id/sign', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: 'Sign a complete session note (one of two concurrent signers gets 409)', params: entryIdParams, body: signSessionNoteRequest, response: { 200: sessionNoteView } },
    }, async (request) => sessionNotes.signSessionNote(deps, authed(request.ctx), request.params.id, request.body.version));

    app.post('/api/session-notes/:id/cosign', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: 'A physician co-signs a session note where policy requires it', params: entryIdParams, response: { 200: sessionNoteView } },
    }, async (request) => sessionNotes.cosignSessionNote(deps, authed(request.ctx), request.params.id));

    app.post('/api/session-notes/:id/addenda', {
      config: { capability: 'notes.author' },
      schema: { tags, summary: 'Append a signed addendum to a signed session note', params: entryIdParams, body: addendumRequest, response: { 201: sessionNoteView } },
    }, async (request, reply) => reply.status(201).send(await sessionNotes.addSessionNoteAddendum(deps, authed(request.ctx), request.params.id, request.body.text)));

    app.get('/api/note-templates', {
      config: { capability: 'patients.clinical' },
      schema: { tags, summary: 'Session-note templates in use (clinic versions over the defaults)', response: { 200: z.array(templateView) } },
    }, async (request) => (await sessionNotes.listTemplates(deps, authed(request.ctx))).map((t) => ({ ...t, fields: [...t.fields] })));

    app.get('/api/admin/note-templates', {
      config: { capability: 'policy.manage' },
      schema: { tags, summary: 'Administrator: the session-note templates in use, with who saved each version', response: { 200: z.array(adminTemplateView) } },
    }, async (request) => (await sessionNotes.listAdminTemplates(deps, authed(request.ctx))).map((t) => ({ ...t, fields: [...t.fields] })));

    app.put('/api/note-templates/:kind', {
      config: { capability: 'policy.manage' },
      schema: { tags, summary: 'Administrator: save a new version of a session-note template', params: z.strictObject({ kind: z.enum(SESSION_NOTE_KINDS) }), body: saveTemplateRequest, response: { 200: templateView } },
    }, async (request) => {
      const saved = await sessionNotes.saveTemplate(deps, authed(request.ctx), request.params.kind, request.body.fields);
      return { ...saved, fields: [...saved.fields] };
    });
  };
}
