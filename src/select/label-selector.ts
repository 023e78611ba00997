import { KsetError } from '../errors.js';
import { labelValueProblems, qualifiedNameProblems } from '../util/label-syntax.js';

/**
 * Kubernetes label selectors in their string form, parsed and matched as apimachinery's
 * `labels.Parse` does (kubectl `-l`, kustomize `labelSelector`/`annotationSelector`):
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`; a comma means AND.
 */

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export interface Selector {
  text: string;
  /** All must hold; none means every resource matches. */
  requirements: Requirement[];
}

export function parseSelector(text: string): Selector {
  try {
    return { text, requirements: new Parser(text).parse() };
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new KsetError(`invalid selector ${JSON.stringify(text)}: ${error.message}`);
    }
    throw error;
  }
}

export function matches(selector: Selector, labels: Record<string, string> | undefined): boolean {
  return selector.requirements.every((requirement) => matchesRequirement(requirement, labels ?? {}));
}

function matchesRequirement({ key, operator, values }: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, key);
  const value = has ? String(labels[key]) : undefined;
  switch (operator) {
    case '=':
    case '==':
    case 'in':
      return has && values.includes(value!);
    case '!=':
    case 'notin':
      return !has || !values.includes(value!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      const actual = has ? toInt64(value!) : undefined;
      if (actual === undefined) return false;
      const wanted = toInt64(values[0]!)!;
      return operator === 'gt' ? actual > wanted : actual < wanted;
    }
  }
}

/** Go's strconv.ParseInt(s, 10, 64); undefined when it would fail. */
function toInt64(text: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? value : undefined;
}

// --- lexer -------------------------------------------------------------------

type TokenKind = 'identifier' | 'end' | ',' | '(' | ')' | '!' | '=' | '==' | '!=' | '>' | '<' | 'in' | 'notin';

interface Token {
  kind: TokenKind;
  text: string;
}

const SYMBOLS = new Set(['=', '!', '(', ')', ',', '>', '<']);
const SYMBOL_TOKENS = new Set(['=', '==', '!=', '!', '(', ')', ',', '>', '<']);
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
    if (i >= text.length) break;
    if (SYMBOLS.has(text[i]!)) {
      // Longest run of symbols that is still a token (`!=`, `==`), like apimachinery's scanner.
      let end = i + 1;
      while (end < text.length && SYMBOLS.has(text[end]!) && SYMBOL_TOKENS.has(text.slice(i, end + 1))) end++;
      const symbol = text.slice(i, end);
      tokens.push({ kind: symbol as TokenKind, text: symbol });
      i = end;
      continue;
    }
    const start = i;
    while (i < text.length && !SYMBOLS.has(text[i]!) && !WHITESPACE.has(text[i]!)) i++;
    const word = text.slice(start, i);
    tokens.push({ kind: word === 'in' || word === 'notin' ? word : 'identifier', text: word });
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

// --- parser ------------------------------------------------------------------

class SyntaxError extends Error {}

class Parser {
  private readonly tokens: Token[];
  private position = 0;

  constructor(text: string) {
    this.tokens = lex(text);
  }

  /** Outside the operator position `in` and `notin` are plain identifiers (a key or value may be `in`). */
  private peek(asOperator = false): Token {
    return this.plain(this.tokens[this.position]!, asOperator);
  }

  private next(asOperator = false): Token {
    const token = this.tokens[this.position]!;
    if (this.position < this.tokens.length - 1) this.position++;
    return this.plain(token, asOperator);
  }

  private plain(token: Token, asOperator: boolean): Token {
    return !asOperator && (token.kind === 'in' || token.kind === 'notin') ? { ...token, kind: 'identifier' } : token;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { kind, text } = this.peek();
      if (kind === 'end') return requirements;
      if (kind !== 'identifier' && kind !== '!') {
        throw new SyntaxError(`found '${text}', expected: !, identifier, or 'end of string'`);
      }
      requirements.push(this.requirement());
      const after = this.next();
      if (after.kind === 'end') return requirements;
      if (after.kind !== ',') throw new SyntaxError(`found '${after.text}', expected: ',' or 'end of string'`);
      const following = this.peek();
      if (following.kind !== 'identifier' && following.kind !== '!') {
        throw new SyntaxError(`found '${following.text}', expected: identifier after ','`);
      }
    }
  }

  private requirement(): Requirement {
    try {
      return this.requirementBody();
    } catch (error) {
      if (error instanceof SyntaxError) throw new SyntaxError(`unable to parse requirement: ${error.message}`);
      throw error;
    }
  }

  private requirementBody(): Requirement {
    let negated = false;
    let token = this.next();
    if (token.kind === '!') {
      negated = true;
      token = this.next();
    }
    if (token.kind !== 'identifier') throw new SyntaxError(`found '${token.text}', expected: identifier`);
    const key = token.text;
    checkKey(key);
    const ahead = this.peek().kind;
    if (negated) return { key, operator: '!', values: [] };
    if (ahead === 'end' || ahead === ',') return { key, operator: 'exists', values: [] };

    const operator = this.operator();
    const values = operator === 'in' || operator === 'notin' ? this.valueSet() : [this.exactValue()];
    if ((operator === 'gt' || operator === 'lt') && toInt64(values[0]!) === undefined) {
      throw new SyntaxError(`for 'Gt', 'Lt' operators, the value must be an integer`);
    }
    for (const value of values) checkValue(key, value);
    return { key, operator, values };
  }

  private operator(): Operator {
    const { kind, text } = this.next(true);
    switch (kind) {
      case '=':
      case '==':
      case '!=':
      case 'in':
      case 'notin':
        return kind;
      case '>':
        return 'gt';
      case '<':
        return 'lt';
      default:
        throw new SyntaxError(`found '${text}', expected: '=', '!=', '==', 'in', 'notin'`);
    }
  }

  private exactValue(): string {
    const ahead = this.peek().kind;
    if (ahead === 'end' || ahead === ',') return '';
    const { kind, text } = this.next();
    if (kind !== 'identifier') throw new SyntaxError(`found '${text}', expected: identifier`);
    return text;
  }

  /** `(a,b)`; empty members (`()`, `(,a)`, `(a,,b)`) are the empty value, as in apimachinery. */
  private valueSet(): string[] {
    const open = this.next();
    if (open.kind !== '(') throw new SyntaxError(`found '${open.text}' expected: '('`);
    const first = this.peek();
    if (first.kind === ')') {
      this.next();
      return [''];
    }
    if (first.kind !== 'identifier' && first.kind !== ',') {
      throw new SyntaxError(`found '${first.text}', expected: ',', ')' or identifier`);
    }
    const values = new Set<string>();
    for (;;) {
      const token = this.next();
      if (token.kind === 'identifier') {
        values.add(token.text);
        const ahead = this.peek();
        if (ahead.kind === ')') break;
        if (ahead.kind !== ',') throw new SyntaxError(`found '${ahead.text}', expected: ',' or ')'`);
      } else if (token.kind === ',') {
        if (values.size === 0) values.add('');
        const ahead = this.peek().kind;
        if (ahead === ')') {
          values.add('');
          break;
        }
        if (ahead === ',') {
          this.next();
          values.add('');
        }
      } else {
        throw new SyntaxError(`found '${token.text}', expected: ',', or identifier`);
      }
    }
    this.next(); // the ')'
    return [...values].sort();
  }
}

// --- validation (apimachinery IsQualifiedName / IsValidLabelValue) ------------

function checkKey(key: string): void {
  const problems = qualifiedNameProblems(key);
  if (problems.length > 0) throw new SyntaxError(`invalid label key ${JSON.stringify(key)}: ${problems.join('; ')}`);
}

function checkValue(key: string, value: string): void {
  const [problem] = labelValueProblems(value);
  if (problem) {
    throw new SyntaxError(`invalid label value: ${JSON.stringify(value)}: at key: ${JSON.stringify(key)}: ${problem}`);
  }
}
