/**
 * Errors of the X12 layer. Their messages name the element (e.g. "subscriber.memberId
 * (NM109)") and never echo its value: callers log them, and the values identify a child.
 */

/** The input cannot make a valid transaction. */
export class X12BuildError extends Error {
  override readonly name = 'X12BuildError';
}

/** The text received is not an X12 interchange this layer can read, or its counts disagree. */
export class X12ParseError extends Error {
  override readonly name = 'X12ParseError';
}
