/**
 * Just enough SOAP for the CDC immunization-registry interface (WSDL namespace
 * `urn:cdc:iisb:2011`): read an operation's child elements whatever their prefixes, and
 * write a response or a fault in the envelope version the caller used (1.2 by default).
 */

export const IIS_NAMESPACE = 'urn:cdc:iisb:2011';
const SOAP_12 = 'http://www.w3.org/2003/05/soap-envelope';
const SOAP_11 = 'http://schemas.xmlsoap.org/soap/envelope/';

export type SoapVersion = '1.1' | '1.2';

export function soapVersionOf(xml: string): SoapVersion {
  return xml.includes(SOAP_11) ? '1.1' : '1.2';
}

export function contentTypeFor(version: SoapVersion): string {
  return version === '1.1' ? 'text/xml; charset=utf-8' : 'application/soap+xml; charset=utf-8';
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function unescapeXml(text: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(text);
  if (cdata) return cdata[1] ?? '';
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#13;|&#xD;/gi, '\r')
    .replace(/&#10;|&#xA;/gi, '\n')
    .replace(/&amp;/g, '&');
}

/** The first element called `name` in any namespace prefix: its inner text, unescaped. */
export function elementText(xml: string, name: string): string | undefined {
  const pattern = new RegExp(
    `<(?:[\\w.-]+:)?${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>)`,
  );
  const match = pattern.exec(xml);
  return match ? unescapeXml(match[1] ?? '') : undefined;
}

/** Which of `operations` the Body holds. */
export function operationOf(xml: string, operations: readonly string[]): string | undefined {
  return operations.find((op) => new RegExp(`<(?:[\\w.-]+:)?${op}\\b`).test(xml));
}

function envelope(version: SoapVersion, body: string): string {
  const ns = version === '1.1' ? SOAP_11 : SOAP_12;
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${ns}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

/** `<submitSingleMessageResponse><return>...</return></submitSingleMessageResponse>`. */
export function soapResponse(version: SoapVersion, operation: string, returnText: string): string {
  return envelope(
    version,
    `<${operation}Response xmlns="${IIS_NAMESPACE}"><return>${escapeXml(returnText)}</return></${operation}Response>`,
  );
}

export interface SoapFault {
  /** Sender (the caller's fault) or Receiver (ours). */
  code: 'Sender' | 'Receiver';
  /** The WSDL's fault element: SecurityFault, MessageTooLargeFault, UnknownFault. */
  detail: 'SecurityFault' | 'MessageTooLargeFault' | 'UnknownFault';
  reason: string;
}

export function soapFault(version: SoapVersion, fault: SoapFault): string {
  const detail = `<fault:${fault.detail} xmlns:fault="${IIS_NAMESPACE}"><Code>${fault.detail === 'SecurityFault' ? 10 : 1}</Code><Reason>${escapeXml(fault.reason)}</Reason></fault:${fault.detail}>`;
  if (version === '1.1') {
    const code = fault.code === 'Sender' ? 'soap:Client' : 'soap:Server';
    return envelope(
      version,
      `<soap:Fault><faultcode>${code}</faultcode><faultstring>${escapeXml(fault.reason)}</faultstring><detail>${detail}</detail></soap:Fault>`,
    );
  }
  return envelope(
    version,
    `<soap:Fault><soap:Code><soap:Value>soap:${fault.code}</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">${escapeXml(fault.reason)}</soap:Text></soap:Reason><soap:Detail>${detail}</soap:Detail></soap:Fault>`,
  );
}
