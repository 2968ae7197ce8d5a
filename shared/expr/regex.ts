/**
 * Regexes for `~`. Kong evaluates them with Rust's regex crate, which has no look-around and no
 * back-references; a rule using them would be refused by the gateway, so they are refused here too (it
 * also keeps the evaluator free of catastrophic backtracking from those features). A leading inline flag
 * group such as (?i) is Rust syntax JavaScript lacks, so it becomes a RegExp flag.
 */

export type RegexResult = { ok: true; regex: RegExp } | { ok: false; reason: string };

export function compileRegex(pattern: string): RegexResult {
  let body = pattern;
  let flags = '';
  const inline = /^\(\?([imsx]+)\)/.exec(body);
  if (inline) {
    if (inline[1]!.includes('x')) return { ok: false, reason: 'the (?x) flag is not supported' };
    flags = [...new Set(inline[1]!)].join('');
    body = body.slice(inline[0].length);
  }
  const unsupported = findUnsupported(pattern);
  if (unsupported) return { ok: false, ...unsupported };
  try {
    return { ok: true, regex: new RegExp(body, `${flags}u`) };
  } catch {
    // Rust accepts escapes such as \- outside a class that JavaScript's unicode mode refuses
  }
  try {
    return { ok: true, regex: new RegExp(body, flags) };
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : String(e);
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
