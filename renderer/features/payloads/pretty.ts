/**
 * Captured bodies for reading: JSON pretty-printed (when it parses, whatever the content type says),
 * everything else as it came. Headers as sorted name/value rows, repeated headers one row each.
 */

export interface PrettyBody {
  text: string;
  json: boolean;
}

/** Bodies past this size are shown as they are: pretty-printing megabytes would freeze the view. */
const PRETTY_LIMIT = 2_000_000;

export function prettyBody(body: string, contentType: string | null = null): PrettyBody {
  const trimmed = body.trim();
  const looksJson = /json/i.test(contentType ?? '') || trimmed.startsWith('{') || trimmed.startsWith('[');
  if (looksJson && body.length <= PRETTY_LIMIT) {
    try {
      return { text: JSON.stringify(JSON.parse(trimmed), null, 2), json: true };
    } catch {
      // not JSON after all: show it as captured
    }
  }
  return { text: body, json: false };
}

export function headerRows(headers: Record<string, string | string[]>): [string, string][] {
  const rows: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    for (const v of Array.isArray(value) ? value : [value]) rows.push([name, v]);
  }
  return rows.sort((a, b) => a[0].localeCompare(b[0]));
}

export function contentTypeOf(headers: Record<string, string | string[]>): string | null {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'content-type') return Array.isArray(value) ? (value[0] ?? null) : value;
  }
  return null;
}
