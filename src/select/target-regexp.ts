/**
 * Go regular expressions (RE2 syntax, what kustomize compiles patch targets and image names with) as
 * JavaScript ones. The translated source is for the `u` flag, so that both sides work on code points:
 * - what RE2 has and JavaScript spells otherwise: `[[:alpha:]]` classes, `\pL` and `\p{Greek}`,
 *   `\Q…\E`, `\A`, `\z`, `(?P<name>…)`, `\x{41}`, any ASCII non-alphanumeric escaped (`\-`, `\@`, `\ `), a literal `{`
 *   where no repetition is (`a{`, `{x}`), a `]` first in a class (`[]a]`);
 * - what RE2 means otherwise: `.` never matches a line feed only (JavaScript: no line terminator),
 *   `\s` is `[\t\n\f\r ]`;
 * - what RE2 refuses is an error: lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`), backreferences,
 *   repetition counts over 1000.
 * Flags: `(?i)`, `(?s)`, `(?m)` at the start become JavaScript flags; flags anywhere else and `(?U)` are
 * not supported.
 */

export class GoRegExpError extends Error {}

export interface TranslatedRegExp {
  source: string;
  /** `u` and the leading flags. */
  flags: string;
}

const LEADING_FLAGS = /^\(\?([a-zA-Z]+)\)/;
const SYNTAX = new Set('^$\\.*+?()[]{}|/');

type Range = [number, number];
const POSIX: Record<string, Range[]> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};
const SPACE: Range[] = [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]];
const GENERAL_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

/** Translates a Go regular expression; throws GoRegExpError with RE2's reason for what RE2 refuses. */
export function fromGoRegExp(pattern: string): TranslatedRegExp {
  let flags = '';
  let rest = pattern;
  const leading = LEADING_FLAGS.exec(pattern);
  if (leading) {
    const given = leading[1]!;
    if (/[^ims]/.test(given)) throw new GoRegExpError(`flags (?${given}) are not supported`);
    flags = [...new Set(given)].join('');
    rest = pattern.slice(leading[0].length);
  }
  return { source: new Translator(rest, flags.includes('s')).run(), flags: flags + 'u' };
}

class Translator {
  private at = 0;
  private out = '';

  constructor(
    private readonly text: string,
    private readonly dotAll: boolean,
  ) {}

  run(): string {
    const { text } = this;
    while (this.at < text.length) {
      const char = this.next();
      switch (char) {
        case '\\':
          this.out += this.escape(false);
          break;
        case '[':
          this.out += this.charClass();
          break;
        case '(':
          this.out += this.group();
          break;
        case '.':
          this.out += this.dotAll ? '[^]' : '[^\\n]';
          break;
        case '{': {
          const repeat = /^(\d+)(,(\d*))?\}/.exec(text.slice(this.at));
          if (repeat && this.out !== '' && !/(^|[^\\])[(|]$/.test(this.out)) {
            for (const count of [repeat[1], repeat[3]]) {
              if (count && Number(count) > 1000) throw new GoRegExpError(`invalid repeat count: {${repeat[0]}`);
            }
            this.out += '{' + repeat[0];
            this.at += repeat[0].length;
          } else {
            this.out += '\\{';
          }
          break;
        }
        case '}':
        case ']':
          this.out += '\\' + char;
          break;
        default:
          this.out += char;
      }
    }
    return this.out;
  }

  private next(): string {
    const code = this.text.codePointAt(this.at)!;
    const char = String.fromCodePoint(code);
    this.at += char.length;
    return char;
  }

  /** After a `\`: the JavaScript for the escape, inside a class or not. */
  private escape(inClass: boolean): string {
    if (this.at >= this.text.length) throw new GoRegExpError('trailing backslash at end of expression');
    const char = this.next();
    if (/[1-9]/.test(char)) throw new GoRegExpError(`invalid escape sequence: \\${char} (backreferences are not supported)`);
    switch (char) {
      case 'p':
      case 'P':
        return this.unicodeClass(char === 'P');
      case 'Q': {
        const end = this.text.indexOf('\\E', this.at);
        const literal = this.text.slice(this.at, end < 0 ? undefined : end);
        this.at = end < 0 ? this.text.length : end + 2;
        return [...literal].map((c) => literalChar(c, inClass)).join('');
      }
      case 'A':
        if (inClass) break;
        return '(?<![^])';
      case 'z':
        if (inClass) break;
        return '(?![^])';
      case 's':
        return inClass ? ranges(SPACE) : `[${ranges(SPACE)}]`;
      case 'S':
        return inClass ? ranges(complement(SPACE)) : `[^${ranges(SPACE)}]`;
      case 'a':
        return '\\x07';
      case 'x': {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(this.text.slice(this.at));
        if (braced) {
          this.at += braced[0].length;
          return `\\u{${braced[1]}}`;
        }
        const two = /^[0-9a-fA-F]{2}/.exec(this.text.slice(this.at));
        if (!two) break;
        this.at += 2;
        return '\\x' + two[0];
      }
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 'f':
      case 't':
      case 'n':
      case 'r':
      case 'v':
        return '\\' + char;
      case 'b':
      case 'B':
        if (inClass) break;
        return '\\' + char;
      case '0':
        return '\\0';
      default:
        // Go: an escaped ASCII character that is not a letter or digit is itself
        if (char < '\x80' && !/[A-Za-z0-9]/.test(char)) return literalChar(char, inClass);
    }
    throw new GoRegExpError(`invalid escape sequence: \\${char}`);
  }

  /** After `\p` or `\P`: `L`, `{L}`, `{Greek}`, `{^Greek}`. */
  private unicodeClass(negated: boolean): string {
    let name: string;
    if (this.text[this.at] === '{') {
      const end = this.text.indexOf('}', this.at);
      if (end < 0) throw new GoRegExpError('invalid character class range: missing }');
      name = this.text.slice(this.at + 1, end);
      this.at = end + 1;
    } else {
      name = this.next();
    }
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const property = GENERAL_CATEGORIES.has(name) || name === 'Any' ? name : `Script=${name}`;
    const source = `\\${negated ? 'P' : 'p'}{${property}}`;
    try {
      new RegExp(source, 'u');
    } catch {
      throw new GoRegExpError(`invalid character class range: \\p{${name}}`);
    }
    return source;
  }

  /** After `[`: the whole class. */
  private charClass(): string {
    let out = '[';
    if (this.text[this.at] === '^') {
      out += '^';
      this.at++;
    }
    let first = true;
    for (;;) {
      if (this.at >= this.text.length) throw new GoRegExpError('missing closing ]');
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.text.slice(this.at));
      if (posix) {
        const set = POSIX[posix[2]!];
        if (!set) throw new GoRegExpError(`invalid character class range: ${posix[0]}`);
        out += ranges(posix[1] ? complement(set) : set);
        this.at += posix[0].length;
        first = false;
        continue;
      }
      const char = this.next();
      if (char === ']' && !first) return out + ']';
      first = false;
      if (char === '\\') out += this.escape(true);
      else if (char === '[' || char === ']') out += '\\' + char;
      else out += char;
    }
  }

  /** After `(`: the group's opening. */
  private group(): string {
    if (this.text[this.at] !== '?') return '(';
    const rest = this.text.slice(this.at + 1);
    if (rest.startsWith(':')) {
      this.at += 2;
      return '(?:';
    }
    const named = /^P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
    if (named) {
      this.at += 1 + named[0].length;
      return `(?<${named[1]}>`;
    }
    if (/^(=|!|<=|<!)/.test(rest)) throw new GoRegExpError(`invalid or unsupported Perl syntax: (?${rest.slice(0, rest[0] === '<' ? 2 : 1)}`);
    throw new GoRegExpError(`unsupported group syntax: (?${rest.slice(0, 3)}…`);
  }
}

function literalChar(char: string, inClass: boolean): string {
  if (SYNTAX.has(char) || (inClass && char === '-')) return '\\' + char;
  if (/[\p{L}\p{N} ]/u.test(char)) return char;
  return `\\u{${char.codePointAt(0)!.toString(16)}}`;
}

function ranges(set: Range[]): string {
  const hex = (code: number) => `\\u{${code.toString(16)}}`;
  return set.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('');
}

function complement(set: Range[]): Range[] {
  const result: Range[] = [];
  let from = 0;
  for (const [lo, hi] of set) {
    if (lo > from) result.push([from, lo - 1]);
    from = hi + 1;
  }
  if (from <= 0x10ffff) result.push([from, 0x10ffff]);
  return result;
}

/**
 * A Go regular expression as a JavaScript RegExp, its translated source placed by `wrap` (anchors, a
 * suffix). Why the pattern is invalid goes to `invalid`, which makes the error thrown.
 */
export function compileGoRegExp(pattern: string, wrap: (source: string) => string, invalid: (reason: string) => Error): RegExp {
  let translated: TranslatedRegExp;
  try {
    translated = fromGoRegExp(pattern);
  } catch (error) {
    if (error instanceof GoRegExpError) throw invalid(error.message);
    throw error;
  }
  try {
    return new RegExp(wrap(translated.source), translated.flags);
  } catch (error) {
    throw invalid((error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, ''));
  }
}
