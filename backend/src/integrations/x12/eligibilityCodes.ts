/**
 * The code lists of the 270/271 (005010X279A1) this platform reads and writes, with their
 * meanings, so a rejection or a benefit can be shown to a person instead of as a code.
 */

/** EB01: eligibility or benefit information. 1-5 mean covered, 6-8 not covered (now). */
export const ELIGIBILITY_CODES: Readonly<Record<string, string>> = {
  '1': 'Active Coverage',
  '2': 'Active - Full Risk Capitation',
  '3': 'Active - Services Capitated',
  '4': 'Active - Services Capitated to Primary Care Physician',
  '5': 'Active - Pending Investigation',
  '6': 'Inactive',
  '7': 'Inactive - Pending Eligibility Update',
  '8': 'Inactive - Pending Investigation',
  A: 'Co-Insurance',
  B: 'Co-Payment',
  C: 'Deductible',
  D: 'Benefit Description',
  F: 'Limitations',
  I: 'Non-Covered',
  L: 'Primary Care Provider',
  N: 'Services Restricted to Following Provider',
  R: 'Other or Additional Payor',
  U: 'Contact Following Entity for Eligibility or Benefit Information',
  V: 'Cannot Process',
};

export const ACTIVE_CODES: readonly string[] = ['1', '2', '3', '4', '5'];
export const INACTIVE_CODES: readonly string[] = ['6', '7', '8'];

/** EQ01/EB03: service type codes a school health office asks about. */
export const SERVICE_TYPES: Readonly<Record<string, string>> = {
  '1': 'Medical Care',
  '30': 'Health Benefit Plan Coverage',
  '33': 'Chiropractic',
  '35': 'Dental Care',
  '47': 'Hospital',
  '48': 'Hospital - Inpatient',
  '50': 'Hospital - Outpatient',
  '86': 'Emergency Services',
  '88': 'Pharmacy',
  '98': 'Professional (Physician) Visit - Office',
  AL: 'Vision (Optometry)',
  BZ: 'Physician Visit - Office: Well',
  MH: 'Mental Health',
  UC: 'Urgent Care',
};

/** AAA03: why a request was rejected. */
export const REJECT_REASONS: Readonly<Record<string, string>> = {
  '15': 'Required application data missing',
  '41': 'Authorization/Access Restrictions',
  '42': 'Unable to Respond at Current Time',
  '43': 'Invalid/Missing Provider Identification',
  '44': 'Invalid/Missing Provider Name',
  '45': 'Invalid/Missing Provider Specialty',
  '46': 'Invalid/Missing Provider Phone Number',
  '47': 'Invalid/Missing Provider State',
  '48': 'Invalid/Missing Referring Provider Identification Number',
  '50': 'Provider Ineligible for Inquiries',
  '51': 'Provider Not on File',
  '52': 'Service Dates Not Within Provider Plan Enrollment',
  '56': 'Inappropriate Date',
  '57': 'Invalid/Missing Date(s) of Service',
  '58': 'Invalid/Missing Date-of-Birth',
  '60': 'Date of Birth Follows Date(s) of Service',
  '61': 'Date of Death Precedes Date(s) of Service',
  '62': 'Date of Service Not Within Allowable Inquiry Period',
  '63': 'Date of Service in Future',
  '71': 'Patient Birth Date Does Not Match That for the Patient on the Database',
  '72': 'Invalid/Missing Subscriber/Insured ID',
  '73': 'Invalid/Missing Subscriber/Insured Name',
  '74': 'Invalid/Missing Subscriber/Insured Gender Code',
  '75': 'Subscriber/Insured Not Found',
  '76': 'Duplicate Subscriber/Insured ID Number',
  '78': 'Subscriber/Insured Not in Group/Plan Identified',
  '79': 'Invalid Participant Identification',
  '80': 'No Response received - Transaction Terminated',
  T4: 'Payer Name or Identifier Missing',
};

/** AAA04: what the sender should do next. */
export const FOLLOW_UP_ACTIONS: Readonly<Record<string, string>> = {
  C: 'Please Correct and Resubmit',
  N: 'Resubmission Not Allowed',
  P: 'Please Resubmit Original Transaction',
  R: 'Resubmission Allowed',
  S: 'Do Not Resubmit; Inquiry Initiated to a Third Party',
  W: 'Please Wait 30 Days and Resubmit',
  X: 'Please Wait 10 Days and Resubmit',
  Y: 'Do Not Resubmit; We Will Hand Deliver the Response',
};
