// Two small text helpers the rules and custom rules share: escaping text for a regular
// expression (RegExp and RE2 alike), and giving a replacement the capitalisation of the text
// it replaces.

/** `text` as a pattern that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/** "Organization" -> "Organisation": the preferred text takes the found text's capitalisation. */
export function matchCase(preferred: string, found: string): string {
  if (found === found.toUpperCase() && found !== found.toLowerCase() && found.length > 1) {
    return preferred === preferred.toLowerCase() ? preferred.toUpperCase() : preferred;
  }
  if (/^\p{Lu}/u.test(found) && /^\p{Ll}/u.test(preferred)) return preferred[0].toUpperCase() + preferred.slice(1);
  return preferred;
}
