import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import type { Capability } from '@lantern/core';
import { SignInPage } from '../features/identity/SignInPage';
import { InvitePage } from '../features/identity/InvitePage';
import { MfaEnrolPage } from '../features/identity/MfaEnrolPage';
import { HomePage } from '../features/home/HomePage';
import { Loading } from '../ui/Loading';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { CALENDAR_PATH, CHECK_IN_PATH, CONSENT_DOCUMENTS_PATH, CONSENT_SIGNING_ROUTE, HOME_PATH, INTAKE_PATH, LEDGER_PATH, MFA_ENROL_PATH, MY_HOURS_PATH, NEW_PLAN_PATH, NOTE_TEMPLATES_PATH, PUBLIC_PAGES_ADMIN_PATH, SCHEDULE_SETUP_PATH } from './paths';
import { RequireCapability } from './RequireCapability';
import { RequireSession } from './RequireSession';

// Pages a role may never open load on first visit, keeping sign-in and home quick on a tablet.
const PatientsPage = lazy(() => import('../features/patients/PatientsPage').then((m) => ({ default: m.PatientsPage })));
const PatientChartPage = lazy(() => import('../features/patients/PatientChartPage').then((m) => ({ default: m.PatientChartPage })));
const StaffPage = lazy(() => import('../features/admin/StaffPage').then((m) => ({ default: m.StaffPage })));
const PolicyPage = lazy(() => import('../features/admin/PolicyPage').then((m) => ({ default: m.PolicyPage })));
const OutboxPage = lazy(() => import('../features/admin/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const AuditTrailPage = lazy(() => import('../features/audit/AuditTrailPage').then((m) => ({ default: m.AuditTrailPage })));
const IntakeQueuePage = lazy(() => import('../features/intake/IntakeQueuePage').then((m) => ({ default: m.IntakeQueuePage })));
const InquiryDetailPage = lazy(() => import('../features/intake/InquiryDetailPage').then((m) => ({ default: m.InquiryDetailPage })));
const PublicPagesPage = lazy(() => import('../features/public-site/PublicPagesPage').then((m) => ({ default: m.PublicPagesPage })));
const BreakGlassReviewPage = lazy(() => import('../features/audit/BreakGlassReviewPage').then((m) => ({ default: m.BreakGlassReviewPage })));
const PatientConsentsPage = lazy(() => import('../features/consent/PatientConsentsPage').then((m) => ({ default: m.PatientConsentsPage })));
const ConsentSigningPage = lazy(() => import('../features/consent/ConsentSigningPage').then((m) => ({ default: m.ConsentSigningPage })));
const CoursesByPhasePage = lazy(() => import('../features/course/CoursesByPhasePage').then((m) => ({ default: m.CoursesByPhasePage })));
const NewPlanPage = lazy(() => import('../features/course/NewPlanPage').then((m) => ({ default: m.NewPlanPage })));
const NoteTemplatesPage = lazy(() => import('../features/admin/NoteTemplatesPage').then((m) => ({ default: m.NoteTemplatesPage })));
const CalendarPage = lazy(() => import('../features/scheduling/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const ScheduleSetupPage = lazy(() => import('../features/scheduling/setup/ScheduleSetupPage').then((m) => ({ default: m.ScheduleSetupPage })));
const MyHoursPage = lazy(() => import('../features/scheduling/MyHoursPage').then((m) => ({ default: m.MyHoursPage })));
const CheckInBoard = lazy(() => import('../features/scheduling/CheckInBoard').then((m) => ({ default: m.CheckInBoard })));
const LedgerPage = lazy(() => import('../features/ledger/LedgerPage').then((m) => ({ default: m.LedgerPage })));
const ConsentDocumentsPage = lazy(() => import('../features/consent/ConsentDocumentsPage').then((m) => ({ default: m.ConsentDocumentsPage })));

function guarded(capability: Capability, page: React.JSX.Element): React.JSX.Element {
  return <RequireCapability capability={capability}>{page}</RequireCapability>;
}

const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/invite', element: <InvitePage /> },
  {
    path: MFA_ENROL_PATH,
    element: (
      <RequireSession enrolment>
        <MfaEnrolPage />
      </RequireSession>
    ),
  },
  {
    // Full screen, outside the staff frame: the patient holds the tablet while signing.
    path: CONSENT_SIGNING_ROUTE,
    element: (
      <RequireSession>
        <Suspense fallback={<Loading label="Opening document…" fullPage />}>
          <ConsentSigningPage />
        </Suspense>
      </RequireSession>
    ),
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to={HOME_PATH} replace /> },
      { path: HOME_PATH.slice(1), element: <HomePage /> },
      { path: 'patients', element: guarded('patients.demographics', <PatientsPage />) },
      { path: 'patients/:id', element: <PatientChartPage /> },
      { path: 'courses', element: guarded('patients.clinical', <CoursesByPhasePage />) },
      { path: NEW_PLAN_PATH.slice(1), element: guarded('notes.author', <NewPlanPage />) },
      { path: 'patients/:id/consents', element: guarded('consent.collect', <PatientConsentsPage />) },
      { path: INTAKE_PATH.slice(1), element: guarded('intake.manage', <IntakeQueuePage />) },
      { path: `${INTAKE_PATH.slice(1)}/:id`, element: guarded('intake.manage', <InquiryDetailPage />) },
      { path: CALENDAR_PATH.slice(1), element: guarded('schedule.read', <CalendarPage />) },
      { path: MY_HOURS_PATH.slice(1), element: guarded('schedule.own_hours', <MyHoursPage />) },
      { path: CHECK_IN_PATH.slice(1), element: guarded('schedule.book', <CheckInBoard />) },
      { path: LEDGER_PATH.slice(1), element: guarded('ledger.read', <LedgerPage />) },
      { path: 'admin/staff', element: guarded('staff.manage', <StaffPage />) },
      { path: SCHEDULE_SETUP_PATH.slice(1), element: guarded('schedule.manage', <ScheduleSetupPage />) },
      { path: PUBLIC_PAGES_ADMIN_PATH.slice(1), element: guarded('site.manage', <PublicPagesPage />) },
      { path: CONSENT_DOCUMENTS_PATH.slice(1), element: guarded('consent.documents.publish', <ConsentDocumentsPage />) },
      { path: 'admin/policy', element: guarded('policy.manage', <PolicyPage />) },
      { path: NOTE_TEMPLATES_PATH.slice(1), element: guarded('policy.manage', <NoteTemplatesPage />) },
      { path: 'admin/outbox', element: guarded('staff.manage', <OutboxPage />) },
      { path: 'audit', element: guarded('audit.read', <AuditTrailPage />) },
      { path: 'audit/break-glass', element: guarded('breakglass.review', <BreakGlassReviewPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
