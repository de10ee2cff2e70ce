/**
 * Errors of the HL7 layer. Their messages name the field (e.g. "patient.dob (PID-7)") and
 * never echo its value: callers log them, and the values are health data.
 */

/** The input cannot make a valid message (a required field is missing or malformed). */
export class Hl7BuildError extends Error {
  override readonly name = 'Hl7BuildError';
}

/** The text received is not an HL7 v2 message this layer can read. */
export class Hl7ParseError extends Error {
  override readonly name = 'Hl7ParseError';
}
