// Escaping for the XML report formats (junit, checkstyle): text and attribute values.

/** Text content: markup characters escaped, CR kept as a reference (a parser would turn a bare CR into LF). */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/** An attribute value: also LF and TAB as references, which attribute-value normalisation would turn into spaces. */
export function escapeXmlAttribute(s: string): string {
  return escapeXml(s).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
