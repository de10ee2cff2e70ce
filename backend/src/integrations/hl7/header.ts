/**
 * MSH, the header every message starts with, built the way the CDC IG for Immunization
 * Messaging (2.5.1, Release 1.5) profiles it: MSH-12 2.5.1, MSH-15 ER / MSH-16 AL (tell the
 * sender about errors, always send an application acknowledgement), MSH-21 the profile.
 */
import { type HierarchicDesignator, hd, requireText } from './fields.js';
import { toHl7Timestamp } from './datetime.js';
import { type Segment, segment } from './segments.js';

export interface MessageHeader {
  sendingApplication: string | HierarchicDesignator;
  sendingFacility: string | HierarchicDesignator;
  receivingApplication: string | HierarchicDesignator;
  receivingFacility: string | HierarchicDesignator;
  /** MSH-10: unique per message; the acknowledgement quotes it back in MSA-2. */
  messageControlId: string;
  /** MSH-7. */
  createdAt: Date;
  /** MSH-11: P production, T training, D debugging. */
  processingId?: 'P' | 'T' | 'D';
  /** MSH-22 / MSH-23: the organizations responsible for the data (XON.1, their names). */
  sendingResponsibleOrganization?: string;
  receivingResponsibleOrganization?: string;
}

/** MSH-9, e.g. VXU^V04^VXU_V04. */
export type MessageType = readonly [code: string, trigger: string, structure: string];

export function mshSegment(header: MessageHeader, type: MessageType, profile: string): Segment {
  return segment('MSH', {
    3: hd(header.sendingApplication, 'header.sendingApplication'),
    4: hd(header.sendingFacility, 'header.sendingFacility'),
    5: hd(header.receivingApplication, 'header.receivingApplication'),
    6: hd(header.receivingFacility, 'header.receivingFacility'),
    7: toHl7Timestamp(header.createdAt),
    9: [...type],
    10: requireText(header.messageControlId, 'header.messageControlId'),
    11: header.processingId ?? 'P',
    12: '2.5.1',
    15: 'ER',
    16: 'AL',
    21: [profile, 'CDCPHINVS'],
    22: header.sendingResponsibleOrganization,
    23: header.receivingResponsibleOrganization,
  });
}

/** The facility's namespace, used to qualify identifiers this sender assigns (e.g. ORC-3). */
export function namespaceOf(value: string | HierarchicDesignator): string {
  return typeof value === 'string' ? value : value.namespaceId;
}
