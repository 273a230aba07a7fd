// Package selection implements the asset selection language of Dagster for
// assetgen: an expression such as
//
//	+key:combined_data and not group:staging
//
// names a set of assets of a graph. The package is independent of the
// runtime: a graph is built from plain [Node] values.
//
// The language:
//
//	people                 the asset with key "people" (same as key:people)
//	key:sales/eu/orders    a key path; "*" matches any run of characters,
//	key:"sales/*"          and values may be double-quoted
//	+x   2+x               x and all its upstream assets, or two layers of them
//	x+   x+1               x and all its downstream assets, or one layer
//	+x+                    both directions
//	group:analytics        assets of a group
//	kind:duckdb            assets with a kind
//	owner:team:data        assets with an owner
//	tag:tier  tag:tier=gold  assets with a tag, or with a tag of that value
//	kind:<null>            assets with no kind (owner:<null>: no owner,
//	tag:<null>  tag:tier=<null>  no tag, tag tier without a value)
//	a and b, a or b, not a, (a or b)
//	roots(x)               the assets of x with no other asset of x upstream
//	sinks(x)               the assets of x with no other asset of x downstream
//
// "not" binds tighter than "and", which binds tighter than "or"; traversals
// ("+") bind tightest. Keywords and function names are case-insensitive.
// roots and sinks look at any distance, through assets outside x too, as
// Dagster's do. As in Dagster's grammar, a value with "@", "<" or ">"
// (other than <null>), or "=" (other than the one after a tag's name)
// must be quoted: owner:"alice@example.com".
package selection

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/assetgen/assetgen/internal/graph"
	"github.com/assetgen/assetgen/internal/suggest"
)

// Expr is a parsed selection expression. It is immutable and may be
// evaluated against any number of graphs.
type Expr struct {
	src  string
	root node
}

// String returns the expression in canonical form: binary operations
// parenthesized, values quoted where needed.
func (e *Expr) String() string { return e.root.String() }

// Error is a syntax error in an expression, or a part of it that matches
// no asset. It points at the column of the problem.
type Error struct {
	Expr string // the whole expression
	Pos  int    // byte offset of the problem in Expr
	Msg  string // what is wrong
}

// Col returns the 1-based column, in characters, of the problem.
func (e *Error) Col() int {
	pos := min(max(e.Pos, 0), len(e.Expr))
	return utf8.RuneCountInString(e.Expr[:pos]) + 1
}

// Error returns the message, then the expression with a caret under the
// column of the problem, on two indented lines. A long expression is cut
// to a window around the column, marked with "..." where cut, so that the
// error stays short whatever the expression's length.
func (e *Error) Error() string {
	// Show control characters as spaces so the caret stays aligned.
	runes := []rune(strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, e.Expr))
	col := e.Col() - 1
	from, to := max(0, col-window), min(len(runes), col+window)
	shown, caret := string(runes[from:to]), col-from
	if from > 0 {
		shown, caret = "..."+shown, caret+3
	}
	if to < len(runes) {
		shown += "..."
	}
	return fmt.Sprintf("column %d: %s\n    %s\n    %s^", e.Col(), e.Msg, shown, strings.Repeat(" ", caret))
}

// window is how many characters of the expression an error shows on
// each side of its column.
const window = 40

// clip returns s quoted for a message, cut to its first characters when
// long.
func clip(s string) string { return strconv.Quote(clipText(s)) }

// Parse parses a selection expression.
func Parse(expr string) (*Expr, error) {
	p := &parser{src: expr}
	if err := p.lex(); err != nil {
		return nil, err
	}
	if len(p.toks) == 1 { // only EOF
		return nil, p.errorf(len(expr), "empty selection")
	}
	root, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, p.errorf(t.pos, "unexpected %s, want and, or, or the end of the expression", t.describe())
	}
	return &Expr{src: expr, root: root}, nil
}

// Token kinds.
const (
	tokEOF = iota
	tokWord
	tokNum
	tokPlus
	tokLParen
	tokRParen
	tokAnd
	tokOr
	tokNot
)

type token struct {
	kind int
	pos  int    // byte offset
	end  int    // byte offset after the token
	text string // raw text of words and numbers
}

func (t token) describe() string {
	switch t.kind {
	case tokEOF:
		return "end of expression"
	case tokPlus:
		return `"+"`
	case tokLParen:
		return `"("`
	case tokRParen:
		return `")"`
	case tokNum:
		return "number " + t.text
	case tokAnd, tokOr, tokNot:
		return strings.ToLower(t.text)
	}
	return clip(t.text)
}

type parser struct {
	src  string
	toks []token
	i    int
	nest int // current nesting of parentheses, calls and not
}

func (p *parser) errorf(pos int, format string, args ...any) *Error {
	return &Error{Expr: p.src, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// lex splits the source into tokens. A word runs until white space, a
// parenthesis or a plus sign outside double quotes.
func (p *parser) lex() error {
	s := p.src
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isSpace(c):
			i++
		case c == '(':
			p.toks = append(p.toks, token{kind: tokLParen, pos: i, end: i + 1})
			i++
		case c == ')':
			p.toks = append(p.toks, token{kind: tokRParen, pos: i, end: i + 1})
			i++
		case c == '+':
			p.toks = append(p.toks, token{kind: tokPlus, pos: i, end: i + 1})
			i++
		default:
			start := i
			for i < len(s) && !isSpace(s[i]) && s[i] != '(' && s[i] != ')' && s[i] != '+' {
				if s[i] == '"' {
					q := i
					i++
					for i < len(s) && s[i] != '"' {
						if s[i] == '\\' && i+1 < len(s) {
							i++
						}
						i++
					}
					if i >= len(s) {
						return p.errorf(q, "unterminated quoted string")
					}
				}
				i++
			}
			text := s[start:i]
			t := token{kind: tokWord, pos: start, end: i, text: text}
			switch strings.ToLower(text) {
			case "and":
				t.kind = tokAnd
			case "or":
				t.kind = tokOr
			case "not":
				t.kind = tokNot
			default:
				if isDigits(text) {
					t.kind = tokNum
				}
			}
			p.toks = append(p.toks, t)
		}
	}
	p.toks = append(p.toks, token{kind: tokEOF, pos: len(s), end: len(s)})
	return nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

func (p *parser) parseOr() (node, error) { return p.parseBinary(tokOr, "or", p.parseAnd) }

func (p *parser) parseAnd() (node, error) { return p.parseBinary(tokAnd, "and", p.parseUnary) }

// parseBinary parses operands joined by the operator op (token kind k),
// left-associative, each operand parsed by operand.
func (p *parser) parseBinary(k int, op string, operand func() (node, error)) (node, error) {
	x, err := operand()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == k {
		at := p.next().pos
		y, err := operand()
		if err != nil {
			return nil, err
		}
		x = &binary{op: op, x: x, y: y, at: at}
	}
	return x, nil
}

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 200

// enter records one more level of nesting at pos, failing beyond maxDepth;
// the caller calls leave when done with the level.
func (p *parser) enter(pos int) error {
	p.nest++
	if p.nest > maxDepth {
		return p.errorf(pos, "expression nested too deeply")
	}
	return nil
}

func (p *parser) leave() { p.nest-- }

func (p *parser) parseUnary() (node, error) {
	if t := p.peek(); t.kind == tokNot {
		p.next()
		if err := p.enter(t.pos); err != nil {
			return nil, err
		}
		defer p.leave()
		x, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		return &not{x: x, at: t.pos}, nil
	}
	return p.parseTraversal()
}

// parseTraversal parses [N]["+"] primary ["+"[N]].
func (p *parser) parseTraversal() (node, error) {
	start := p.peek()
	up, down := 0, 0
	if t := p.peek(); t.kind == tokNum {
		p.next()
		if p.peek().kind != tokPlus {
			return nil, p.errorf(t.pos, "unexpected number %s: a depth must be followed by \"+\" and an asset, as in 2+name", t.text)
		}
		n, err := depthValue(t.text)
		if err != nil {
			return nil, p.errorf(t.pos, "%v", err)
		}
		up = n
	}
	if p.peek().kind == tokPlus {
		p.next()
		if up == 0 {
			up = all
		}
	}
	x, err := p.parsePrimary()
	if err != nil {
		return nil, err
	}
	if p.peek().kind == tokPlus {
		p.next()
		down = all
		if t := p.peek(); t.kind == tokNum {
			p.next()
			n, err := depthValue(t.text)
			if err != nil {
				return nil, p.errorf(t.pos, "%v", err)
			}
			down = n
		}
	}
	if up == 0 && down == 0 {
		return x, nil
	}
	return &traversal{x: x, up: up, down: down, at: start.pos}, nil
}

// all is the traversal depth that means every layer.
const all = graph.All

func depthValue(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n > 1_000_000 {
		return 0, fmt.Errorf("depth %s is too large", s)
	}
	if n == 0 {
		return 0, fmt.Errorf("depth must be at least 1")
	}
	return n, nil
}

// functions lists the functions of the language.
var functions = []string{"roots", "sinks"}

func (p *parser) parsePrimary() (node, error) {
	t := p.peek()
	switch t.kind {
	case tokLParen:
		p.next()
		if err := p.enter(t.pos); err != nil {
			return nil, err
		}
		defer p.leave()
		x, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.kind != tokRParen {
			return nil, p.errorf(c.pos, "unexpected %s, want \")\" to close the \"(\" at column %d", c.describe(), (&Error{Expr: p.src, Pos: t.pos}).Col())
		}
		return x, nil
	case tokWord:
		p.next()
		if p.peek().kind == tokLParen {
			return p.parseCall(t)
		}
		return p.parseWord(t)
	case tokEOF:
		return nil, p.errorf(t.pos, "unexpected end of expression, want an asset, an attribute such as group:name, \"(\" or not")
	}
	return nil, p.errorf(t.pos, "unexpected %s, want an asset, an attribute such as group:name, \"(\" or not", t.describe())
}

func (p *parser) parseCall(name token) (node, error) {
	fn := strings.ToLower(name.text)
	known := false
	for _, f := range functions {
		known = known || f == fn
	}
	if !known {
		return nil, p.errorf(name.pos, "unknown function %s%s", clip(name.text), suggest.Hint(fn, functions))
	}
	open := p.next()
	if err := p.enter(open.pos); err != nil {
		return nil, err
	}
	defer p.leave()
	x, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if c := p.next(); c.kind != tokRParen {
		return nil, p.errorf(c.pos, "unexpected %s, want \")\" to close %s(", c.describe(), fn)
	}
	return &call{fn: fn, x: x, at: name.pos}, nil
}

// attributes lists the attribute names of the language.
var attributes = []string{"key", "group", "kind", "owner", "tag"}

// null is the value that selects assets without the attribute.
const null = "<null>"

// parseWord parses an asset key or an attribute:value word.
func (p *parser) parseWord(t token) (node, error) {
	attr, rest, hasAttr := splitUnquoted(t.text, ':')
	if !hasAttr {
		if t.text == null {
			return nil, p.errorf(t.pos, "unexpected <null>: only kind:, owner:, group: and tag: take <null>")
		}
		v, err := p.unquote(t.pos, t.text, "")
		if err != nil {
			return nil, err
		}
		if v == "" {
			return nil, p.errorf(t.pos, "empty asset key")
		}
		return &match{attr: "key", value: v, at: t.pos, valueAt: t.pos}, nil
	}
	name := strings.ToLower(attr)
	valueAt := t.pos + len(attr) + 1
	known := false
	for _, a := range attributes {
		known = known || a == name
	}
	if !known {
		return nil, p.errorf(t.pos, "unknown attribute %s%s", clip(attr), suggest.Hint(name, attributes))
	}
	if name == "tag" {
		k, v, hasValue := splitUnquoted(rest, '=')
		m := &match{attr: "tag", at: t.pos, valueAt: valueAt}
		if k == null {
			if hasValue {
				return nil, p.errorf(valueAt+len(k), "unexpected \"=\" after tag:<null>, which selects the assets without tags")
			}
			m.null = true
			return m, nil
		}
		key, err := p.unquote(valueAt, k, name+":")
		if err != nil {
			return nil, err
		}
		if key == "" {
			return nil, p.errorf(valueAt, "missing tag name after tag:")
		}
		m.value = key
		if hasValue {
			m.tagValueAt = valueAt + len(k) + 1
			m.hasTagValue = true
			if v == null {
				m.tagNull = true
				return m, nil
			}
			// A second "=" is part of the value, and must be quoted.
			val, err := p.unquote(m.tagValueAt, v, "tag:"+k+"=")
			if err != nil {
				return nil, err
			}
			m.tagValue = val
		}
		return m, nil
	}
	if rest == null {
		if name == "key" {
			return nil, p.errorf(valueAt, "unexpected <null>: every asset has a key (only kind:, owner:, group: and tag: take <null>)")
		}
		return &match{attr: name, null: true, at: t.pos, valueAt: valueAt}, nil
	}
	v, err := p.unquote(valueAt, rest, name+":")
	if err != nil {
		return nil, err
	}
	if v == "" {
		return nil, p.errorf(valueAt, "missing value after %s:", name)
	}
	return &match{attr: name, value: v, at: t.pos, valueAt: valueAt}, nil
}

// splitUnquoted splits s at the first sep outside double quotes.
func splitUnquoted(s string, sep byte) (before, after string, found bool) {
	inQuote := false
	for i := 0; i < len(s); i++ {
		switch {
		case inQuote && s[i] == '\\':
			i++
		case s[i] == '"':
			inQuote = !inQuote
		case !inQuote && s[i] == sep:
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// unquote removes double quotes and their escapes from s, which starts at
// byte offset pos of the source and follows prefix (such as "owner:") in
// its word. Quoted and unquoted parts may alternate. Outside quotes, the
// characters Dagster's grammar does not allow in a value ("@", "<", ">",
// "=") are errors that say how to quote the value.
func (p *parser) unquote(pos int, s, prefix string) (string, error) {
	const forbidden = "@<>="
	if !strings.ContainsAny(s, `"`+forbidden) {
		return s, nil
	}
	var b strings.Builder
	inQuote, bad := false, -1 // bad: the first forbidden character
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote && c == '\\':
			if i+1 >= len(s) {
				return "", p.errorf(pos+i, "unterminated quoted string")
			}
			i++
			b.WriteByte(s[i])
		default:
			if bad < 0 && !inQuote && strings.IndexByte(forbidden, c) >= 0 {
				bad = i
			}
			b.WriteByte(c)
		}
	}
	if inQuote {
		return "", p.errorf(pos, "unterminated quoted string")
	}
	if bad >= 0 {
		return "", p.errorf(pos+bad, "%s", unquoted(s[bad], b.String(), prefix))
	}
	return b.String(), nil
}

// unquoted explains character c, which a value written after prefix has
// outside quotes and Dagster's grammar does not allow there; value is the
// value without its quotes.
func unquoted(c byte, value, prefix string) string {
	msg := fmt.Sprintf("unexpected %q in a value", string(c))
	if c == '=' && strings.HasPrefix(prefix, "tag:") {
		msg = `unexpected second "=" in a tag`
	}
	if c == '<' || c == '>' {
		msg += ": angle brackets are only allowed in <null>"
		if v, ok := suggest.Closest(value, []string{null}); ok {
			msg += fmt.Sprintf(" (did you mean %s?)", v)
		}
		msg += "; to mean the text, quote the value"
	} else {
		msg += "; quote the value"
	}
	return msg + ": " + prefix + quoted(clipText(value))
}

// clipText returns s, cut to its first characters when long.
func clipText(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) > most {
		s = string([]rune(s)[:most-3]) + "..."
	}
	return s
}
