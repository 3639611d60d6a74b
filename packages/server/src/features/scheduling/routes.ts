import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptPlanRequest,
  addParticipantRequest,
  appointmentListQuery,
  appointmentParams,
  appointmentView,
  attendanceRequest,
  bookAppointmentRequest,
  bookResponse,
  calendarFeedView,
  cancelRequest,
  coursePlanRequest,
  coursePlanResponse,
  patientIdParams,
  rescheduleRequest,
  slotCheckRequest,
  slotCheckResponse,
  slotSearchRequest,
  slotSearchResponse,
  statusRequest,
} from '@lantern/core';
import type { AppDeps } from '../../platform/deps.js';
import { authed } from '../../platform/auth/guard.js';
import * as booking from './booking-service.js';
import * as calendar from './calendar-service.js';
import * as feeds from './feed-service.js';
import * as groups from './group-service.js';
import * as planner from './planner-service.js';
import * as slots from './slots-service.js';

const tags = ['scheduling'];
const feedParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not a feed address') });

/**
 * Scheduling (issue #5). Capabilities (packages/core/src/roles.ts): `schedule.read` to see the
 * calendar, `schedule.book` to search slots, book, move, cancel and check in. Patients are reached
 * through the caller's scope like the chart header, so a therapist books only their own patients
 * and sees others' appointments without names. The calendar feed is reached by its secret address.
 */
export function schedulingRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async function scheduling(app) {
    app.post('/api/scheduling/slot-search', {
      config: { capability: 'schedule.book' },
      schema: { tags, summary: 'The earliest slots for a type and patients (and a per-day map for the month view)', body: slotSearchRequest, response: { 200: slotSearchResponse } },
    }, async (request) => slots.searchSlots(deps, authed(request.ctx), request.body));

    app.post('/api/scheduling/check', {
      config: { capability: 'schedule.book' },
      schema: { tags, summary: 'Would this placement be accepted? (live check while dragging; stores nothing)', body: slotCheckRequest, response: { 200: slotCheckResponse } },
    }, async (request) => slots.checkPlacement(deps, authed(request.ctx), request.body));

    app.get('/api/appointments', {
      config: { capability: 'schedule.read' },
      schema: { tags, summary: 'Appointments between two clinic-local dates, by staff member, room or patient', querystring: appointmentListQuery, response: { 200: z.array(appointmentView) } },
    }, async (request) => {
      const { includeCancelled, ...filter } = request.query;
      return calendar.listAppointments(deps, authed(request.ctx), { ...filter, includeCancelled: includeCancelled === 'true' });
    });

    app.get('/api/appointments/agenda', {
      config: { capability: 'schedule.read' },
      schema: { tags, summary: "Today's appointments of the signed-in clinician", response: { 200: z.array(appointmentView) } },
    }, async (request) => calendar.agenda(deps, authed(request.ctx)));

    app.post('/api/appointments', {
      config: { capability: 'schedule.book' },
      schema: { tags, summary: 'Book an appointment (or a recurring series); 409 with reasons, naming any booking in the way', body: bookAppointmentRequest, response: { 201: bookResponse } },
    }, async (request, reply) => reply.status(201).send({ appointments: await booking.book(deps, authed(request.ctx), request.body) }));

    app.get('/api/appointments/:id', {
      config: { capability: 'schedule.read' },
      schema: { tags, summary: 'One appointment', params: appointmentParams, response: { 200: appointmentView } },
    }, async (request) => calendar.getAppointment(deps, authed(request.ctx), request.params.id));

    app.get('/api/appointments/:id/calendar.ics', {
      config: { capability: 'schedule.read' },
      schema: { tags, summary: 'One appointment as an iCalendar file (RFC 5545)', params: appointmentParams, produces: ['text/calendar'] },
    }, async (request, reply) => {
      const ics = await calendar.appointmentIcs(deps, authed(request.ctx), request.params.id);
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="appointment.ics"').header('cache-control', 'no-store').send(ics);
    });

    app.post('/api/appointments/:id/reschedule', {
      config: { capability: 'schedule.book' },
      schema: { tags, summary: 'Move an appointment (or it and the later occurrences of its series), revalidated', params: appointmentParams, body: rescheduleRequest, response: { 200: bookResponse } },
    }, async (request) => ({ appointments: await booking.reschedule(deps, authed(request.ctx), request.params.id, request.body) }));

    app.post('/api/appointments/:id/cancel', {
      config: { capability: 'schedule.book' },
      schema: { tags, summary: 'Cancel an appointment (or it and the rest of its series) with a reason', params: appointmentParams, body: cancelRequest, response: { 200: bookResponse } },
    }, async (request) => ({ appointments: await booking.cancel(deps, authed(request.ctx), request.params.id, request.body) }));

    app.post('/api/appointments/:id/status', {
      config: { capability: 'schedule.book' },
      schema: { tags, summary: 'Check in, start, complete, undo a check-in, or record a no-show', params: appointmentParams, body: statusRequest, response: { 200: appointmentView } },
    }, async (request) => booking.setStatus(deps, authed(request.ctx), request.params.id, request.body.status));

    app.post('/api/appointments/:id/members', {
      config: { capability: 'schedule.book' },
      schema: { tags, summary: 'Add a member to a group session (seated, or waitlisted when full)', params: appointmentParams, body: addParticipantRequest, response: { 200: appointmentView } },
    }, async (request) => groups.addGroupMember(deps, authed(request.ctx), request.params.id, request.body.patientId));

    app.post('/api/appointments/:id/members/withdraw', {
      config: { capability: 'schedule.book' },
      schema: { tags, summary: 'Take a member out of a group session (the waitlist moves up)', params: appointmentParams, body: addParticipantRequest, response: { 200: appointmentView } },
    }, async (request) => groups.withdrawGroupMember(deps, authed(request.ctx), request.params.id, request.body.patientId));

    app.post('/api/appointments/:id/attendance', {
      config: { capability: 'schedule.book' },
      schema: { tags, summary: "Record one patient's attendance", params: appointmentParams, body: attendanceRequest, response: { 200: appointmentView } },
    }, async (request) => groups.recordAttendance(deps, authed(request.ctx), request.params.id, request.body.patientId, request.body.attendance));

    app.post('/api/patients/:id/course-plan', {
      config: { capability: 'schedule.book' },
      schema: { tags, summary: "Propose the rest of a patient's course as tentative appointments (nothing is booked)", params: patientIdParams, body: coursePlanRequest, response: { 200: coursePlanResponse } },
    }, async (request) => planner.proposeCourse(deps, authed(request.ctx), request.params.id, request.body));

    app.post('/api/patients/:id/course-plan/accept', {
      config: { capability: 'schedule.book' },
      schema: { tags, summary: 'Book an accepted course plan in one step, each appointment revalidated', params: patientIdParams, body: acceptPlanRequest, response: { 201: bookResponse } },
    }, async (request, reply) => reply.status(201).send({ appointments: await planner.acceptCourse(deps, authed(request.ctx), request.params.id, request.body) }));

    app.get('/api/calendar-feed', {
      config: { capability: 'schedule.read' },
      schema: { tags, summary: "Whether the signed-in staff member's private calendar feed is active", response: { 200: calendarFeedView } },
    }, async (request) => feeds.feedStatus(deps, authed(request.ctx)));

    app.post('/api/calendar-feed', {
      config: { capability: 'schedule.read' },
      schema: { tags, summary: 'Make a new private calendar feed address (revokes the previous one; shown once)', response: { 201: calendarFeedView } },
    }, async (request, reply) => reply.status(201).send(await feeds.renewFeed(deps, authed(request.ctx))));

    app.post('/api/calendar-feed/revoke', {
      config: { capability: 'schedule.read' },
      schema: { tags, summary: 'Revoke the private calendar feed address', response: { 200: calendarFeedView } },
    }, async (request) => feeds.revokeFeed(deps, authed(request.ctx)));

    app.get('/api/calendar-feeds/:token/calendar.ics', {
      config: { public: true },
      schema: { tags, summary: "A staff member's private calendar feed (RFC 5545, text/calendar); the address is the credential", params: feedParams, produces: ['text/calendar'] },
    }, async (request, reply) => {
      const ics = await feeds.feedCalendar(deps, request.ctx, request.params.token);
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(ics);
    });
  };
}
