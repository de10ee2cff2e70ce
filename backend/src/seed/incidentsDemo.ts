/** Fictional incidents for the demo district: about one student in five has one on record. */
import type { Server } from '@hapi/hapi';
import type { Actor } from '../infrastructure/http/actor.js';
import type { CreateIncidentInput } from '../modules/incidents/index.js';
import type { StudentView } from '../modules/students/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const SCENARIOS: ReadonlyArray<Omit<CreateIncidentInput, 'studentId' | 'occurredAt'>> = [
  {
    type: 'INJURY',
    severity: 'LOW',
    location: 'Playground',
    description: 'Scraped knee after a fall near the slide.',
    actionsTaken: 'Wound cleaned and bandaged; returned to class.',
    witnesses: ['Playground aide'],
  },
  {
    type: 'ILLNESS',
    severity: 'MEDIUM',
    location: 'Classroom',
    description: 'Reported headache and nausea during the morning lesson.',
    actionsTaken: 'Rested in the health office; temperature checked.',
    followUpRequired: true,
    followUpNotes: 'Check in tomorrow morning.',
  },
  {
    type: 'ALLERGIC_REACTION',
    severity: 'HIGH',
    location: 'Cafeteria',
    description: 'Hives on forearms shortly after lunch.',
    actionsTaken: 'Antihistamine per action plan; observed for 60 minutes.',
    witnesses: ['Cafeteria supervisor'],
    followUpRequired: true,
  },
  {
    type: 'INJURY',
    severity: 'MEDIUM',
    location: 'Gymnasium',
    description: 'Twisted ankle during a relay race.',
    actionsTaken: 'Ice pack applied and ankle elevated.',
  },
  {
    type: 'BEHAVIORAL',
    severity: 'LOW',
    location: 'Hallway',
    description: 'Became upset between classes and asked to see the nurse.',
    actionsTaken: 'Calm-down time in the health office; counselor informed.',
  },
];

export async function seedIncidentsDemo(
  server: Server,
  actor: Actor,
  students: StudentView[],
): Promise<void> {
  const service = server.plugins.incidents.service;
  const now = Date.now();
  for (let i = 0; i < students.length; i += 5) {
    const scenario = SCENARIOS[(i / 5) % SCENARIOS.length]!;
    const occurredAt = new Date(now - (2 + ((i * 3) % 40)) * DAY_MS);
    await service.create(actor, {
      ...scenario,
      studentId: students[i]!.id,
      occurredAt,
      parentNotified: {
        notified: true,
        by: 'Health office',
        at: new Date(occurredAt.getTime() + 30 * 60 * 1000),
        method: i % 2 === 0 ? 'PHONE' : 'EMAIL',
      },
    });
  }
}
