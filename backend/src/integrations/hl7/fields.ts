/**
 * Builders for the HL7 composite data types the immunization messages share (HD, XPN, XAD,
 * XTN, CE) and the checks every builder applies to its input. Each returns the components
 * in standard order; segments.ts escapes them.
 */
import { lookup } from './codeTables.js';
import { Hl7BuildError } from './errors.js';
import type { Component } from './segments.js';

/** HD: an application or facility, by local name and optionally a universal id (an OID). */
export interface HierarchicDesignator {
  namespaceId: string;
  universalId?: string;
  /** e.g. 'ISO' when universalId is an OID. */
  universalIdType?: string;
}

export interface PersonName {
  family: string;
  given: string;
  middle?: string;
  suffix?: string;
}

export interface Address {
  street: string;
  other?: string;
  city: string;
  /** Two-letter state code. */
  state: string;
  zip: string;
  /** ISO 3166 alpha-3; 'USA' when omitted. */
  country?: string;
}

export interface Phone {
  areaCode: string;
  number: string;
}

/** A non-empty value or a Hl7BuildError naming the input. */
export function requireText(value: string | undefined | null, label: string, maxLength = 199): string {
  const text = (value ?? '').trim();
  if (text === '') throw new Hl7BuildError(`${label} is required`);
  if (text.length > maxLength) throw new Hl7BuildError(`${label} must be at most ${maxLength} characters`);
  return text;
}

/** A code that must be in its table, returned with its display text. */
export function requireCode<T extends Record<string, string>>(
  table: T,
  code: string,
  label: string,
): { code: string; text: string } {
  const text = lookup(table, code);
  if (text === undefined) throw new Hl7BuildError(`${label} is not a known code`);
  return { code, text };
}

export function hd(value: string | HierarchicDesignator, label: string): Component[] {
  if (typeof value === 'string') return [requireText(value, label, 227)];
  return [requireText(value.namespaceId, label, 227), value.universalId ?? '', value.universalIdType ?? ''];
}

/** XPN with its name type: 'L' legal (the IG's default), 'M' maiden. */
export function xpn(name: PersonName, label: string, type: 'L' | 'M' = 'L'): Component[] {
  return [
    requireText(name.family, `${label}.family`, 50),
    requireText(name.given, `${label}.given`, 30),
    name.middle ?? '',
    name.suffix ?? '',
    '',
    '',
    type,
  ];
}

/** XAD with address type 'L' (legal address), as the IG's examples do for a patient. */
export function xad(address: Address, label: string): Component[] {
  return [
    requireText(address.street, `${label}.street`, 120),
    address.other ?? '',
    requireText(address.city, `${label}.city`, 50),
    requireText(address.state, `${label}.state`, 50),
    requireText(address.zip, `${label}.zip`, 12),
    address.country ?? 'USA',
    'L',
  ];
}

/** XTN for a primary residence telephone: ^PRN^PH^^^area^number. */
export function xtn(phone: Phone, label: string): Component[] {
  if (!/^\d{3}$/.test(phone.areaCode) || !/^\d{7}$/.test(phone.number)) {
    throw new Hl7BuildError(`${label} must be a 3-digit area code and a 7-digit number`);
  }
  return ['', 'PRN', 'PH', '', '', phone.areaCode, phone.number];
}

/** CE/CWE: code^text^coding system. */
export function ce(code: string, text: string, system: string): Component[] {
  return [code, text, system];
}
