/**
 * Regexes for `~`. Kong evaluates them with Rust's regex crate: linear time, RE2 syntax, no look-around,
 * no back-references. JavaScript's RegExp backtracks (`^/api/(\w+/?)+$` against a 40-character route
 * would hold the receiver or the UI for minutes), so `~` runs on re2js, a linear-time RE2 engine, in
 * every place (list filter, capture rule, CLI), and a rule is checked with the same engine that runs it:
 * what compiles here is RE2 syntax, which is what Kong takes. Inline flags such as `(?i)` are RE2 syntax
 * too. Known differences from Rust's crate, all refusals on one side only: Rust also takes `(?x)` (verbose
 * mode, refused here) and class set operations such as `[a-z&&[^aeiou]]`.
 */
import { RE2JS } from 're2js';

export interface Regex {
  /** whether the pattern matches anywhere in `text`, in time linear in its length */
  test(text: string): boolean;
}

export type RegexResult = { ok: true; regex: Regex } | { ok: false; reason: string };

export function compileRegex(pattern: string): RegexResult {
  // RE2's own words for these are terse ("invalid escape sequence"): say why Kong refuses them
  const unsupported = findUnsupported(pattern);
  if (unsupported) return { ok: false, ...unsupported };
  try {
    const re = RE2JS.compile(pattern);
    return { ok: true, regex: { test: (text) => re.test(text) } };
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/^error parsing regexp: /, '') : String(e);
    return { ok: false, reason: message };
  }
}

function findUnsupported(pattern: string): { reason: string } | undefined {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')) {
        return { reason: "back-references are not supported by Kong's regex engine" };
      }
      i++;
    } else if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2, i + 4);
      if (rest.startsWith('=') || rest.startsWith('!') || rest === '<=' || rest === '<!') {
        return { reason: "look-around is not supported by Kong's regex engine" };
      }
    }
  }
  return undefined;
}
