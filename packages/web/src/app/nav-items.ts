import { IconCalendar, IconCalendarCog, IconPill, IconDoorEnter, IconClipboardList, IconFileText, IconHome, IconInbox, IconLockOpen, IconRoute, IconSettings, IconSignature, IconUsers, IconUsersGroup, IconWorld, type Icon } from '@tabler/icons-react';
import { CALENDAR_PATH, CHECK_IN_PATH, CONSENT_DOCUMENTS_PATH, HOME_PATH, INTAKE_PATH, LEDGER_PATH, NOTE_TEMPLATES_PATH, PUBLIC_PAGES_ADMIN_PATH, SCHEDULE_SETUP_PATH } from './paths';
import { can, type Capability, type StaffRole } from '@lantern/core';

export interface NavItem {
  readonly label: string;
  readonly to: string;
  readonly icon: Icon;
  /** The capability that shows this item; none means everyone signed in. */
  readonly capability?: Capability;
}

export interface NavSection {
  readonly label: string | null;
  readonly items: readonly NavItem[];
}

/** The app's navigation, each item keyed to a capability from the role table in @lantern/core. */
export const NAV_SECTIONS: readonly NavSection[] = [
  {
    label: null,
    items: [
      { label: 'Home', to: HOME_PATH, icon: IconHome },
      { label: 'Patients', to: '/patients', icon: IconUsers, capability: 'patients.demographics' },
      { label: 'Courses', to: '/courses', icon: IconRoute, capability: 'patients.clinical' },
      { label: 'Intake', to: INTAKE_PATH, icon: IconInbox, capability: 'intake.manage' },
      { label: 'Calendar', to: CALENDAR_PATH, icon: IconCalendar, capability: 'schedule.read' },
      { label: 'Check-in', to: CHECK_IN_PATH, icon: IconDoorEnter, capability: 'schedule.book' },
      { label: 'Controlled substances', to: LEDGER_PATH, icon: IconPill, capability: 'ledger.read' },
    ],
  },
  {
    label: 'Administration',
    items: [
      { label: 'Staff', to: '/admin/staff', icon: IconUsersGroup, capability: 'staff.manage' },
      { label: 'Schedule set-up', to: SCHEDULE_SETUP_PATH, icon: IconCalendarCog, capability: 'schedule.manage' },
      { label: 'Policy', to: '/admin/policy', icon: IconSettings, capability: 'policy.manage' },
      { label: 'Note templates', to: NOTE_TEMPLATES_PATH, icon: IconFileText, capability: 'policy.manage' },
      { label: 'Outbox', to: '/admin/outbox', icon: IconInbox, capability: 'staff.manage' },
      { label: 'Public pages', to: PUBLIC_PAGES_ADMIN_PATH, icon: IconWorld, capability: 'site.manage' },
      { label: 'Consent documents', to: CONSENT_DOCUMENTS_PATH, icon: IconSignature, capability: 'consent.documents.publish' },
    ],
  },
  {
    label: 'Compliance',
    items: [
      { label: 'Audit trail', to: '/audit', icon: IconClipboardList, capability: 'audit.read' },
      { label: 'Break-glass review', to: '/audit/break-glass', icon: IconLockOpen, capability: 'breakglass.review' },
    ],
  },
];

/** The sections and items `roles` may see; empty sections are dropped. */
export function navFor(roles: readonly StaffRole[]): NavSection[] {
  return NAV_SECTIONS.map((section) => ({
    label: section.label,
    items: section.items.filter((item) => !item.capability || can(roles, item.capability)),
  })).filter((section) => section.items.length > 0);
}

/** The item a path belongs to: the longest `to` that is the path or a parent of it. */
export function activeItem(pathname: string, items: readonly NavItem[]): NavItem | undefined {
  return [...items]
    .filter((item) => pathname === item.to || (item.to !== '/' && pathname.startsWith(`${item.to}/`)))
    .sort((a, b) => b.to.length - a.to.length)[0];
}
