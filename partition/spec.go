package partition

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/assetgen/assetgen/internal/ident"
	"github.com/assetgen/assetgen/internal/suggest"
)

// ParseMapping parses a mapping written for a directive. The syntax has
// no white space and no comma, so that it fits one item of a directive's
// comma list:
//
//	identity              Identity()
//	all                   All()
//	last                  Last()
//	window                TimeWindow(0, 0): the overlapping windows
//	window(-1)            TimeWindow(-1, -1): the previous window
//	window(-6...0)        TimeWindow(-6, 0): the last seven windows
//	static(eu=europe|uk;us=america)
//	                      StaticMap: downstream key = upstream keys
//	dim(date)             Dim("date")
//
// A key of a static map that holds white space or one of ()=;|'" is
// written between single quotes, a quote in it doubled: 'new york'.
// An error is a *SyntaxError with the byte offset of the problem.
func ParseMapping(s string) (Mapping, error) {
	p := &specParser{s: s}
	m, err := p.mapping()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(s) {
		return nil, p.errorf("unexpected %q after %s", s[p.i:], m)
	}
	return m, nil
}

// SyntaxError is an error in a mapping's text, at a byte offset.
type SyntaxError struct {
	Offset int    // byte offset in the text
	Msg    string // what is wrong
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg) }

var mappingWords = []string{"identity", "all", "last", "window", "static", "dim"}

type specParser struct {
	s string
	i int
}

func (p *specParser) errorf(format string, args ...any) error {
	return &SyntaxError{p.i, fmt.Sprintf(format, args...)}
}

func (p *specParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// eat consumes tok, after any space, if it comes next.
func (p *specParser) eat(tok string) bool {
	p.space()
	if strings.HasPrefix(p.s[p.i:], tok) {
		p.i += len(tok)
		return true
	}
	return false
}

func (p *specParser) expect(tok, what string) error {
	if !p.eat(tok) {
		if p.i >= len(p.s) {
			return p.errorf("missing %q %s", tok, what)
		}
		return p.errorf("want %q %s, not %q", tok, what, p.s[p.i:p.i+1])
	}
	return nil
}

// word reads a run of letters, digits and underscores.
func (p *specParser) word() string {
	p.space()
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c != '_' && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') {
			break
		}
		p.i++
	}
	return p.s[start:p.i]
}

func (p *specParser) mapping() (Mapping, error) {
	p.space()
	start := p.i
	w := p.word()
	switch w {
	case "identity":
		return Identity(), nil
	case "all":
		return All(), nil
	case "last":
		return Last(), nil
	case "window":
		return p.window()
	case "static":
		return p.static()
	case "dim":
		if err := p.expect("(", "after dim"); err != nil {
			return nil, err
		}
		at := p.i
		name := p.word()
		if !ident.ValidName(name) {
			p.i = at
			return nil, p.errorf("want a dimension name (a lower-case identifier) in dim(...)")
		}
		if err := p.expect(")", "after the dimension name"); err != nil {
			return nil, err
		}
		return Dim(name), nil
	case "":
		p.i = start
		if p.i >= len(p.s) {
			return nil, p.errorf("empty mapping: want one of %s", strings.Join(mappingWords, ", "))
		}
		return nil, p.errorf("want a mapping (%s), not %q", strings.Join(mappingWords, ", "), p.s[p.i:])
	}
	p.i = start
	return nil, p.errorf("unknown mapping %q%s; want one of %s", w, suggest.Hint(w, mappingWords), strings.Join(mappingWords, ", "))
}

func (p *specParser) window() (Mapping, error) {
	if !p.eat("(") {
		return TimeWindow(0, 0), nil
	}
	at := p.i
	start, err := p.int()
	if err != nil {
		return nil, err
	}
	end := start
	if p.eat(RangeSep) {
		if end, err = p.int(); err != nil {
			return nil, err
		}
	}
	if err := p.expect(")", "to close window("); err != nil {
		return nil, err
	}
	w := window{start, end}
	if err := w.err(); err != nil {
		p.i = at
		return nil, p.errorf("%v", err)
	}
	return w, nil
}

// int reads a signed offset.
func (p *specParser) int() (int, error) {
	p.space()
	start := p.i
	if p.i < len(p.s) && (p.s[p.i] == '-' || p.s[p.i] == '+') {
		p.i++
	}
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	n, err := strconv.Atoi(p.s[start:p.i])
	if err != nil || n < -maxOffset || n > maxOffset {
		p.i = start
		if err == nil || strings.Contains(err.Error(), "range") {
			return 0, p.errorf("offset beyond ±%d", maxOffset)
		}
		return 0, p.errorf("want an offset, a whole number of windows such as -1 or 0")
	}
	return n, nil
}

func (p *specParser) static() (Mapping, error) {
	if err := p.expect("(", "after static"); err != nil {
		return nil, err
	}
	m := map[string][]string{}
	for {
		at := p.i
		d, err := p.key()
		if err != nil {
			return nil, err
		}
		if _, dup := m[d]; dup {
			p.i = at
			return nil, p.errorf("downstream key %q is mapped twice", d)
		}
		if err := p.expect("=", "after the downstream key "+strconv.Quote(d)); err != nil {
			return nil, err
		}
		var ups []string
		for {
			u, err := p.key()
			if err != nil {
				return nil, err
			}
			ups = append(ups, u)
			if !p.eat("|") {
				break
			}
		}
		m[d] = ups
		if p.eat(")") {
			return StaticMap(m), nil
		}
		if err := p.expect(";", "between the entries of static(...)"); err != nil {
			return nil, err
		}
	}
}

// specSyntax holds the characters that end a bare key.
const specSyntax = "()=;|'\""

// key reads a key, bare or single-quoted, and checks it.
func (p *specParser) key() (string, error) {
	p.space()
	start := p.i
	var k string
	if p.i < len(p.s) && p.s[p.i] == '\'' {
		var b strings.Builder
		p.i++
		for {
			j := strings.IndexByte(p.s[p.i:], '\'')
			if j < 0 {
				p.i = start
				return "", p.errorf("unterminated quoted key")
			}
			b.WriteString(p.s[p.i : p.i+j])
			p.i += j + 1
			if p.i < len(p.s) && p.s[p.i] == '\'' {
				b.WriteByte('\'')
				p.i++
				continue
			}
			break
		}
		k = b.String()
	} else {
		for p.i < len(p.s) && !strings.ContainsRune(specSyntax, rune(p.s[p.i])) && p.s[p.i] != ' ' && p.s[p.i] != '\t' {
			p.i++
		}
		k = p.s[start:p.i]
		if k == "" {
			return "", p.errorf("want a key")
		}
	}
	if err := CheckKey(k); err != nil {
		p.i = start
		return "", p.errorf("%v", err)
	}
	return k, nil
}

// specKey writes a key for ParseMapping: bare, or quoted when it holds
// white space or syntax.
func specKey(k string) string {
	if k != "" && !strings.ContainsAny(k, specSyntax) && !strings.ContainsFunc(k, unicode.IsSpace) {
		return k
	}
	return "'" + strings.ReplaceAll(k, "'", "''") + "'"
}
