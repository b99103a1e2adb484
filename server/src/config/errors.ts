// User mistakes in a config file are values, not exceptions: each names the file, the exact
// place (offsets for the editor, 1-based line:column for the terminal) and what to do.

export interface ConfigError {
  /** Path of the config file as given (absolute or relative to the working folder). */
  file: string;
  /** 1-based line and column, as terminals and CI annotations show them. */
  line: number;
  column: number;
  /** [start, end) UTF-16 offsets in the config file's text, for editor diagnostics. */
  start: number;
  end: number;
  /** What is wrong, then what to do: "unknown rule "datline". Did you mean "dateline"? Rule ids are listed by `copydesk rules`." */
  message: string;
}

export function formatConfigError(e: ConfigError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}
