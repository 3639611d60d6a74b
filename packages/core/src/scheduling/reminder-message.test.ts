import { describe, expect, it } from 'vitest';
import { reminderMessage, type ReminderInput } from './reminder-message.js';

const base: ReminderInput = {
  name: 'Theo',
  clinicName: 'Prairie Light',
  clinicPhone: '612-555-0100',
  typeName: 'Medicine session (oral)',
  kind: 'medicine_oral',
  date: 'Tuesday, March 9, 2027',
  time: '10:00 AM',
  where: 'in person at 1 Main St',
  template: null,
  preparation: ['Do not eat for 4 hours before your session.', 'Arrange an escort; no driving for 24 hours.'],
};

describe('appointment reminders', () => {
  it('carries the preparation instructions on a medicine session', () => {
    const { subject, body } = reminderMessage(base);
    expect(subject).toBe('Reminder: your appointment on Tuesday, March 9, 2027');
    expect(body).toContain('How to prepare:\n- Do not eat for 4 hours before your session.\n- Arrange an escort; no driving for 24 hours.');
    expect(body).toContain('call us at 612-555-0100');
  });

  it('leaves them off every other kind', () => {
    const { body } = reminderMessage({ ...base, kind: 'integration', typeName: 'Integration session' });
    expect(body).not.toContain('How to prepare');
    expect(body).toContain('your Integration session with Prairie Light on Tuesday, March 9, 2027 at 10:00 AM');
  });

  it('fills a clinic template and ignores unknown placeholders', () => {
    const { body } = reminderMessage({ ...base, kind: 'preparation', template: 'Hi {name}: {type} {date} {time} {diagnosis}' });
    expect(body.startsWith('Hi Theo: Medicine session (oral) Tuesday, March 9, 2027 10:00 AM {diagnosis}')).toBe(true);
  });
});
