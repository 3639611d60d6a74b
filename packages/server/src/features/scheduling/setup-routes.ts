import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appointmentTypeParams,
  appointmentTypeRequest,
  appointmentTypeView,
  clinicHoursRequest,
  okResponse,
  roomParams,
  roomRequest,
  roomView,
  schedulingSetup,
  staffAvailabilityRequest,
  staffParams,
  timeOffParams,
  timeOffRequest,
} from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import * as setup from './setup-service.js';

const tags = ['scheduling'];

/**
 * The clinic's scheduling set-up (issue #5): opening hours and holidays, staff weekly templates,
 * date exceptions and time off, appointment types, rooms. Read by everyone who sees the calendar; changed
 * by `schedule.manage` (admin, front desk), except that a clinician keeps their own hours and time off
 * (`schedule.own_hours`). No patient data.
 */
export function schedulingSetupRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function schedulingSetupPlugin(app) {
    app.get('/api/scheduling/setup', {
      config: { capability: 'schedule.read' },
      schema: { tags, summary: 'Clinic hours, rooms, appointment types and staff availability', response: { 200: schedulingSetup } },
    }, async (request) => setup.schedulingSetup(deps, authed(request.ctx)));

    app.put('/api/scheduling/clinic-hours', {
      config: { capability: 'schedule.manage' },
      schema: { tags, summary: "Set the clinic's weekly hours, date exceptions and holidays (clinic time zone)", body: clinicHoursRequest, response: { 200: okResponse } },
    }, async (request) => {
      await setup.setClinicHours(deps, authed(request.ctx), request.body);
      return { ok: true as const };
    });

    // Staff hours: the door admits everyone on the calendar; the service then lets the admin and the
    // front desk change anyone's hours and a clinician only their own (core `mayEditStaffHours`, 403 otherwise).
    app.put('/api/scheduling/staff/:id/availability', {
      config: { capability: 'schedule.read' },
      schema: { tags, summary: "Set a staff member's weekly template and date exceptions (a clinician: their own)", params: staffParams, body: staffAvailabilityRequest, response: { 200: okResponse } },
    }, async (request) => {
      await setup.setStaffAvailability(deps, authed(request.ctx), request.params.id, request.body);
      return { ok: true as const };
    });

    app.post('/api/scheduling/staff/:id/time-off', {
      config: { capability: 'schedule.read' },
      schema: { tags, summary: 'Record time off for a staff member (a clinician: their own)', params: staffParams, body: timeOffRequest, response: { 201: z.object({ id: z.uuid() }) } },
    }, async (request, reply) => reply.status(201).send(await setup.addTimeOff(deps, authed(request.ctx), request.params.id, request.body)));

    app.post('/api/scheduling/staff/:id/time-off/:timeOffId/withdraw', {
      config: { capability: 'schedule.read' },
      schema: { tags, summary: 'Withdraw time off still ahead or under way (a clinician: their own); 409 once it has ended', params: timeOffParams, response: { 200: okResponse } },
    }, async (request) => {
      await setup.withdrawTimeOff(deps, authed(request.ctx), request.params.id, request.params.timeOffId);
      return { ok: true as const };
    });

    app.post('/api/scheduling/appointment-types', {
      config: { capability: 'schedule.manage' },
      schema: { tags, summary: 'Create an appointment type', body: appointmentTypeRequest, response: { 201: appointmentTypeView } },
    }, async (request, reply) => reply.status(201).send(await setup.createAppointmentType(deps, authed(request.ctx), request.body)));

    app.put('/api/scheduling/appointment-types/:id', {
      config: { capability: 'schedule.manage' },
      schema: { tags, summary: 'Edit an appointment type (booked appointments keep their times)', params: appointmentTypeParams, body: appointmentTypeRequest, response: { 200: appointmentTypeView } },
    }, async (request) => setup.updateAppointmentType(deps, authed(request.ctx), request.params.id, request.body));

    app.post('/api/scheduling/rooms', {
      config: { capability: 'schedule.manage' },
      schema: { tags, summary: 'Add a room (capabilities and how many it seats)', body: roomRequest, response: { 201: roomView } },
    }, async (request, reply) => reply.status(201).send(await setup.createRoom(deps, authed(request.ctx), request.body)));

    app.put('/api/scheduling/rooms/:id', {
      config: { capability: 'schedule.manage' },
      schema: { tags, summary: 'Edit a room, or take it out of service', params: roomParams, body: roomRequest, response: { 200: roomView } },
    }, async (request) => setup.updateRoom(deps, authed(request.ctx), request.params.id, request.body));
  };
}
