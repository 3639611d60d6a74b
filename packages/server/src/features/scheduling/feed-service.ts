import { and, eq, isNull } from 'drizzle-orm';
import { NotFound, type CalendarFeedView } from '@lantern/core';
import type { AuthedContext, RequestContext } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { transact } from '../../platform/audit/trail.js';
import { appUser, calendarFeed } from '../../platform/db/schema/index.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { newId } from '../../platform/ids.js';
import { appointmentsBetween } from './appointments-repo.js';
import { calendarFile } from './ics.js';
import { clinicCalendarOf } from './setup-repo.js';

/** The feed covers a month back and six months ahead. */
const FEED_PAST_MS = 31 * 86_400_000;
const FEED_AHEAD_MS = 183 * 86_400_000;

function feedUrl(deps: AppDeps, token: string): string {
  return `${deps.config.publicUrl.replace(/\/$/, '')}/api/calendar-feeds/${token}/calendar.ics`;
}

/** Whether the signed-in staff member has a live feed (its address is shown only when made). */
export async function feedStatus(deps: AppDeps, ctx: AuthedContext): Promise<CalendarFeedView> {
  const [row] = await deps.db
    .select({ createdAt: calendarFeed.createdAt })
    .from(calendarFeed)
    .where(and(eq(calendarFeed.userId, ctx.auth.user.id), isNull(calendarFeed.revokedAt)))
    .limit(1);
  return { active: Boolean(row), createdAt: row?.createdAt.toISOString() ?? null, url: null };
}

/**
 * Makes a new private feed address for the signed-in staff member, revoking any earlier one. Only
 * the token's SHA-256 is kept, so the address is shown this once.
 */
export async function renewFeed(deps: AppDeps, ctx: AuthedContext): Promise<CalendarFeedView> {
  const token = randomToken(32);
  await transact(deps.db, ctx, async (tx, audit) => {
    await tx.update(calendarFeed).set({ revokedAt: ctx.now }).where(and(eq(calendarFeed.userId, ctx.auth.user.id), isNull(calendarFeed.revokedAt)));
    const id = newId();
    await tx.insert(calendarFeed).values({ id, clinicId: ctx.auth.user.clinicId, userId: ctx.auth.user.id, tokenHash: sha256Hex(token), createdAt: ctx.now });
    audit.record({ action: 'create', resourceType: 'CalendarFeed', resourceId: id });
  });
  return { active: true, createdAt: ctx.now.toISOString(), url: feedUrl(deps, token) };
}

export async function revokeFeed(deps: AppDeps, ctx: AuthedContext): Promise<CalendarFeedView> {
  await transact(deps.db, ctx, async (tx, audit) => {
    await tx.update(calendarFeed).set({ revokedAt: ctx.now }).where(and(eq(calendarFeed.userId, ctx.auth.user.id), isNull(calendarFeed.revokedAt)));
    audit.record({ action: 'update', resourceType: 'CalendarFeed', detail: { revoked: true } });
  });
  return { active: false, createdAt: null, url: null };
}

/**
 * The feed itself (RFC 5545), fetched by a calendar app with the token as its only credential.
 * Events carry the appointment type, time and room, never a patient's name; a revoked or unknown
 * token is 404, and each fetch is audited under the feed owner's name.
 */
export async function feedCalendar(deps: AppDeps, ctx: RequestContext, token: string): Promise<string> {
  const [feed] = await deps.db
    .select({ id: calendarFeed.id, clinicId: calendarFeed.clinicId, userId: calendarFeed.userId, name: appUser.displayName, active: appUser.active })
    .from(calendarFeed)
    .innerJoin(appUser, eq(appUser.id, calendarFeed.userId))
    .where(and(eq(calendarFeed.tokenHash, sha256Hex(token)), isNull(calendarFeed.revokedAt)))
    .limit(1);
  if (!feed || !feed.active) throw new NotFound('Calendar feed');
  return transact(deps.db, ctx, async (tx, audit) => {
    const clinic = await clinicCalendarOf(tx, feed.clinicId);
    const rows = await appointmentsBetween(tx, feed.clinicId, {
      from: new Date(ctx.now.getTime() - FEED_PAST_MS),
      to: new Date(ctx.now.getTime() + FEED_AHEAD_MS),
      staffId: feed.userId,
      includeCancelled: true,
    });
    audit.record({ action: 'export', resourceType: 'CalendarFeed', resourceId: feed.id, detail: { events: rows.length }, actor: { userId: feed.userId, clinicId: feed.clinicId, roles: 'calendar-feed' } });
    return calendarFile(
      rows.map((r) => ({
        id: r.appointment.id,
        start: r.appointment.startsAt,
        end: r.appointment.endsAt,
        title: r.type.name,
        location: r.roomName ?? (r.appointment.telehealthUrl ? 'Video visit' : null),
        cancelled: r.appointment.status === 'cancelled',
        sequence: r.appointment.version,
        updatedAt: r.appointment.updatedAt,
      })),
      { calendarName: `${feed.name} — ${clinic.name}`, description: 'Open Lantern for the details of this appointment.' },
    );
  });
}
