import { IconBuildingHospital, IconCash, IconClipboardCheck, IconHeartHandshake, IconShieldCheck, IconStethoscope, IconVaccine, type Icon } from '@tabler/icons-react';
import type { StaffRole } from '@lantern/core';

export interface RoleHome {
  readonly title: string;
  readonly icon: Icon;
  readonly color: string;
  /** What this card will hold once the features behind it are in use: said plainly, never faked. */
  readonly upcoming: string;
  readonly link?: { readonly label: string; readonly to: string };
}

/** Each role's corner of the home page. */
export const ROLE_HOME: Record<StaffRole, RoleHome> = {
  admin: {
    title: 'Clinic administration',
    icon: IconBuildingHospital,
    color: 'indigo',
    upcoming: 'Staff accounts, invitations, the outbox and the clinic policy.',
    link: { label: 'Manage staff', to: '/admin/staff' },
  },
  physician: {
    title: 'Medical oversight',
    icon: IconStethoscope,
    color: 'blue',
    upcoming: 'Eligibility reviews, dosing orders and notes waiting for your signature will appear here once those parts of Lantern are in use.',
    link: { label: 'Open patients', to: '/patients' },
  },
  nurse: {
    title: "Today's dosing sessions",
    icon: IconVaccine,
    color: 'teal',
    upcoming: "Today's dosing sessions, with room, patient and monitoring status, will appear here once scheduling is in use.",
    link: { label: 'Open patients', to: '/patients' },
  },
  therapist: {
    title: "Your patients and today's sessions",
    icon: IconHeartHandshake,
    color: 'grape',
    upcoming: "Today's preparation, dosing and integration sessions will appear here once scheduling is in use.",
  },
  front_desk: {
    title: 'Check-in board',
    icon: IconClipboardCheck,
    color: 'cyan',
    upcoming: "Today's arrivals, check-ins and room assignments will appear here once scheduling is in use.",
    link: { label: 'Find a patient', to: '/patients' },
  },
  billing: {
    title: 'Billing',
    icon: IconCash,
    color: 'green',
    upcoming: 'Claims, superbills and balances waiting for you will appear here once billing is in use.',
    link: { label: 'Find a patient', to: '/patients' },
  },
  auditor: {
    title: 'Audit and compliance',
    icon: IconShieldCheck,
    color: 'orange',
    upcoming: 'Every sign-in, chart access and change is in the audit trail.',
    link: { label: 'Open the audit trail', to: '/audit' },
  },
};
