// Every string that reaches the page goes through here: document text is data, never markup.

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  // the HTML parser turns CR/CRLF into LF; a character reference keeps CR so DOM offsets equal text offsets
  '\r': '&#13;',
  // a raw NUL is dropped by the parser; &#0; becomes U+FFFD, which at least keeps the length
  '\0': '&#0;',
};

/** Escapes text content (also safe inside double-quoted attributes via `attr`). */
export function esc(s: string): string {
  return s.replace(/[&<>\r\0]/g, (c) => TEXT_ESCAPES[c]);
}

/** Escapes a value for a double-quoted attribute. */
export function attr(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return '';
  return String(s).replace(/[&<>"'\r\n\0]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Joins class names, dropping empty ones. */
export function cls(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
