import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addAllergyRequest,
  addDiagnosisRequest,
  addFindingRequest,
  addMeasurementRequest,
  addMedicationRequest,
  allergyView,
  amendMeasurementRequest,
  correctMedicationRequest,
  diagnosisView,
  entryIdParams,
  findingView,
  icd10Entry,
  icd10SearchQuery,
  measurementView,
  medicationList,
  patientIdParams,
  reviseAllergyRequest,
  reviseDiagnosisRequest,
  reviseFindingRequest,
  searchIcd10,
  stopMedicationRequest,
} from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import * as entries from './entries-service.js';
import * as medications from './medications-service.js';

const tags = ['chart'];
const clinical = { capability: 'patients.clinical' as const };

/** The clinical sections of a chart: diagnoses, medications, allergies, height and weight, reported conditions. */
export function chartEntryRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function chartEntries(app) {
    app.get('/api/icd10', {
      config: clinical,
      schema: { tags, summary: "Search Lantern's bundled ICD-10-CM list by code or words", querystring: icd10SearchQuery, response: { 200: z.array(icd10Entry) } },
    }, async (request) => searchIcd10(request.query.q, 20).map((entry) => ({ ...entry })));

    app.get('/api/patients/:id/diagnoses', {
      config: clinical,
      schema: { tags, summary: 'Diagnoses (current versions)', params: patientIdParams, response: { 200: z.array(diagnosisView) } },
    }, async (request) => entries.listDiagnoses(deps, authed(request.ctx), request.params.id));
    app.post('/api/patients/:id/diagnoses', {
      config: clinical,
      schema: { tags, summary: 'Add a diagnosis from the bundled ICD-10-CM list', params: patientIdParams, body: addDiagnosisRequest, response: { 201: z.array(diagnosisView) } },
    }, async (request, reply) => reply.status(201).send(await entries.addDiagnosis(deps, authed(request.ctx), request.params.id, request.body)));
    app.post('/api/diagnoses/:id/revise', {
      config: clinical,
      schema: { tags, summary: 'Resolve, reactivate or mark a diagnosis entered in error (a new version, with the reason)', params: entryIdParams, body: reviseDiagnosisRequest, response: { 200: z.array(diagnosisView) } },
    }, async (request) => entries.reviseDiagnosis(deps, authed(request.ctx), request.params.id, request.body));

    app.get('/api/patients/:id/medications', {
      config: clinical,
      schema: { tags, summary: 'Medications with their ketamine interaction flags', params: patientIdParams, response: { 200: medicationList } },
    }, async (request) => medications.listMedications(deps, authed(request.ctx), request.params.id));
    app.post('/api/patients/:id/medications', {
      config: clinical,
      schema: { tags, summary: 'Add a medication', params: patientIdParams, body: addMedicationRequest, response: { 201: medicationList } },
    }, async (request, reply) => reply.status(201).send(await medications.addMedication(deps, authed(request.ctx), request.params.id, request.body)));
    app.post('/api/medications/:id/stop', {
      config: clinical,
      schema: { tags, summary: 'Stop a medication (or mark it entered in error); never deleted', params: entryIdParams, body: stopMedicationRequest, response: { 200: medicationList } },
    }, async (request) => medications.stopMedication(deps, authed(request.ctx), request.params.id, request.body));
    app.post('/api/medications/:id/correct', {
      config: clinical,
      schema: { tags, summary: 'Correct a medication (a new version, with the reason)', params: entryIdParams, body: correctMedicationRequest, response: { 200: medicationList } },
    }, async (request) => medications.correctMedication(deps, authed(request.ctx), request.params.id, request.body));

    app.get('/api/patients/:id/allergies', {
      config: clinical,
      schema: { tags, summary: 'Allergies and intolerances', params: patientIdParams, response: { 200: z.array(allergyView) } },
    }, async (request) => entries.listAllergies(deps, authed(request.ctx), request.params.id));
    app.post('/api/patients/:id/allergies', {
      config: clinical,
      schema: { tags, summary: 'Add an allergy', params: patientIdParams, body: addAllergyRequest, response: { 201: z.array(allergyView) } },
    }, async (request, reply) => reply.status(201).send(await entries.addAllergy(deps, authed(request.ctx), request.params.id, request.body)));
    app.post('/api/allergies/:id/revise', {
      config: clinical,
      schema: { tags, summary: 'Resolve or mark an allergy entered in error, with the reason', params: entryIdParams, body: reviseAllergyRequest, response: { 200: z.array(allergyView) } },
    }, async (request) => entries.reviseAllergy(deps, authed(request.ctx), request.params.id, request.body));

    app.get('/api/patients/:id/measurements', {
      config: clinical,
      schema: { tags, summary: 'Height, weight and derived BMI history', params: patientIdParams, response: { 200: z.array(measurementView) } },
    }, async (request) => entries.listMeasurements(deps, authed(request.ctx), request.params.id));
    app.post('/api/patients/:id/measurements', {
      config: clinical,
      schema: { tags, summary: 'Record a height and/or weight', params: patientIdParams, body: addMeasurementRequest, response: { 201: z.array(measurementView) } },
    }, async (request, reply) => reply.status(201).send(await entries.addMeasurement(deps, authed(request.ctx), request.params.id, request.body)));
    app.post('/api/measurements/:id/amend', {
      config: clinical,
      schema: { tags, summary: 'Amend a measurement (a new version, with the reason)', params: entryIdParams, body: amendMeasurementRequest, response: { 200: z.array(measurementView) } },
    }, async (request) => entries.amendMeasurement(deps, authed(request.ctx), request.params.id, request.body));

    app.get('/api/patients/:id/findings', {
      config: clinical,
      schema: { tags, summary: 'Conditions reported on the chart (pregnancy, outside records)', params: patientIdParams, response: { 200: z.array(findingView) } },
    }, async (request) => entries.listFindings(deps, authed(request.ctx), request.params.id));
    app.post('/api/patients/:id/findings', {
      config: clinical,
      schema: { tags, summary: 'Report a condition (e.g. pregnancy); may re-open the eligibility decision', params: patientIdParams, body: addFindingRequest, response: { 201: z.array(findingView) } },
    }, async (request, reply) => reply.status(201).send(await entries.addFinding(deps, authed(request.ctx), request.params.id, request.body)));
    app.post('/api/findings/:id/revise', {
      config: clinical,
      schema: { tags, summary: 'Resolve or mark a reported condition entered in error, with the reason', params: entryIdParams, body: reviseFindingRequest, response: { 200: z.array(findingView) } },
    }, async (request) => entries.reviseFinding(deps, authed(request.ctx), request.params.id, request.body));
  };
}
