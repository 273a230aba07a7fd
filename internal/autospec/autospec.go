// Package autospec parses the automation options of the asset directive:
// automation= (a declarative condition) and freshness= (how old the asset
// may get). The generator checks them with it, at generation time, with
// positioned errors; package automation builds its conditions and
// policies from the same parse at start. It depends on neither.
//
// The syntax, with spaces allowed around every word:
//
//	automation=eager
//	automation=on_missing
//	automation="on_cron(0 7 * * *;Europe/Paris)"   cron schedule; zone (UTC when left out)
//	automation="and(on_cron(@daily), not(on_missing))"
//	automation=or(eager,on_missing)
//	freshness=6h                                    at most 6h old
//	freshness="cron(0 9 * * *;Europe/Paris;3h)"     by each tick, materialized within 3h before it
//	freshness=cron(@daily)                          by each tick, materialized since the tick before
//
// The arguments of on_cron and cron are separated by semicolons, since a
// cron schedule may hold commas (0 9,17 * * *).
package autospec

import (
	"fmt"
	"strings"
	"time"

	"github.com/assetgen/assetgen/internal/suggest"
	"github.com/assetgen/assetgen/partition"
)

// Operators of a condition.
const (
	Eager     = "eager"
	OnMissing = "on_missing"
	OnCron    = "on_cron"
	And       = "and"
	Or        = "or"
	Not       = "not"
)

var condNames = []string{Eager, OnMissing, OnCron, And, Or, Not}

// Cond is a parsed condition.
type Cond struct {
	Op         string // Eager, OnMissing, OnCron, And, Or, Not
	Cron, Zone string // of OnCron; Zone "" is UTC
	Args       []Cond // of And, Or (two or more) and Not (one)
}

// String returns c in the directive's syntax, normalized: no spaces but
// those of a cron schedule.
func (c Cond) String() string {
	switch c.Op {
	case OnCron:
		return OnCron + "(" + cronArgs(c.Cron, c.Zone) + ")"
	case And, Or, Not:
		s := make([]string, len(c.Args))
		for i, a := range c.Args {
			s[i] = a.String()
		}
		return c.Op + "(" + strings.Join(s, ",") + ")"
	}
	return c.Op
}

func cronArgs(cron, zone string) string {
	if zone == "" {
		return cron
	}
	return cron + ";" + zone
}

// Freshness is a parsed freshness policy: MaxAge alone, or a Cron
// deadline in Zone with an optional MaxAge.
type Freshness struct {
	MaxAge     time.Duration
	Cron, Zone string
}

// String returns f in the directive's syntax, normalized.
func (f Freshness) String() string {
	if f.Cron == "" {
		return f.MaxAge.String()
	}
	s := "cron(" + f.Cron
	if f.Zone != "" || f.MaxAge > 0 {
		s += ";" + f.Zone
	}
	if f.MaxAge > 0 {
		s += ";" + f.MaxAge.String()
	}
	return s + ")"
}

// SyntaxError is a problem at a byte offset of the parsed text.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("column %d: %s", e.Offset+1, e.Msg) }

// maxDepth bounds the nesting of conditions (and of a fuzzer's input).
const maxDepth = 32

type parser struct {
	s string
	i int
}

func (p *parser) errorf(off int, format string, args ...any) error {
	return &SyntaxError{Offset: off, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// word reads a name of lower-case letters, digits and underscores.
func (p *parser) word() (string, int) {
	p.space()
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c != '_' && (c < 'a' || c > 'z') && (c < '0' || c > '9') && (c < 'A' || c > 'Z') {
			break
		}
		p.i++
	}
	return p.s[start:p.i], start
}

// peek reports whether the next character, after spaces, is c.
func (p *parser) peek(c byte) bool {
	p.space()
	return p.i < len(p.s) && p.s[p.i] == c
}

// expect reads c or fails saying what was wanted.
func (p *parser) expect(c byte, what string) error {
	if !p.peek(c) {
		return p.errorf(p.i, "want %s, found %s", what, p.found())
	}
	p.i++
	return nil
}

func (p *parser) found() string {
	if p.i >= len(p.s) {
		return "the end"
	}
	r := p.s[p.i:]
	if len(r) > 10 {
		r = r[:10] + "..."
	}
	return fmt.Sprintf("%q", r)
}

// args reads the semicolon-separated arguments of on_cron or cron up to
// the closing parenthesis, and their offsets.
func (p *parser) args() ([]string, []int, error) {
	var out []string
	var offs []int
	start := p.i
	for {
		if p.i >= len(p.s) {
			return nil, nil, p.errorf(p.i, "missing ')'")
		}
		c := p.s[p.i]
		if c == ';' || c == ')' {
			raw := p.s[start:p.i]
			lead := len(raw) - len(strings.TrimLeft(raw, " \t"))
			out = append(out, strings.TrimSpace(raw))
			offs = append(offs, start+lead)
			p.i++
			if c == ')' {
				return out, offs, nil
			}
			start = p.i
			continue
		}
		if c == '(' {
			return nil, nil, p.errorf(p.i, "unexpected '(' in a cron argument")
		}
		p.i++
	}
}

// ParseCondition parses an automation= value. A cron schedule or zone
// that is not valid is an error, as is an unknown name (with a
// suggestion); the error is a *SyntaxError.
func ParseCondition(s string) (Cond, error) {
	p := &parser{s: s}
	c, err := p.cond(0)
	if err != nil {
		return Cond{}, err
	}
	p.space()
	if p.i < len(p.s) {
		return Cond{}, p.errorf(p.i, "unexpected %s after the condition", p.found())
	}
	return c, nil
}

func (p *parser) cond(depth int) (Cond, error) {
	if depth > maxDepth {
		return Cond{}, p.errorf(p.i, "conditions nested more than %d deep", maxDepth)
	}
	name, off := p.word()
	if name == "" {
		return Cond{}, p.errorf(off, "want a condition (%s), found %s", strings.Join(condNames, ", "), p.found())
	}
	c := Cond{Op: name}
	switch name {
	case Eager, OnMissing:
		if p.peek('(') {
			p.i++
			if err := p.expect(')', "')': "+name+" takes no argument"); err != nil {
				return Cond{}, err
			}
		}
		return c, nil
	case OnCron:
		if err := p.expect('(', "'(' after on_cron: on_cron(CRON;ZONE)"); err != nil {
			return Cond{}, err
		}
		args, offs, err := p.args()
		if err != nil {
			return Cond{}, err
		}
		if len(args) > 2 {
			return Cond{}, p.errorf(offs[2], "on_cron takes a cron schedule and a zone, not %d arguments", len(args))
		}
		c.Cron = args[0]
		if len(args) == 2 {
			c.Zone = args[1]
		}
		return c, checkCron(c.Cron, c.Zone, offs)
	case And, Or, Not:
		if err := p.expect('(', "'(' after "+name); err != nil {
			return Cond{}, err
		}
		for {
			a, err := p.cond(depth + 1)
			if err != nil {
				return Cond{}, err
			}
			c.Args = append(c.Args, a)
			if p.peek(',') {
				p.i++
				continue
			}
			if err := p.expect(')', "',' or ')'"); err != nil {
				return Cond{}, err
			}
			break
		}
		switch {
		case name == Not && len(c.Args) != 1:
			return Cond{}, p.errorf(off, "not takes one condition, not %d", len(c.Args))
		case name != Not && len(c.Args) < 2:
			return Cond{}, p.errorf(off, "%s takes two conditions or more", name)
		}
		return c, nil
	}
	msg := fmt.Sprintf("unknown condition %q: want %s", name, strings.Join(condNames, ", "))
	if k, ok := suggest.Closest(name, condNames); ok {
		msg = fmt.Sprintf("unknown condition %q (did you mean %q?)", name, k)
	}
	return Cond{}, p.errorf(off, "%s", msg)
}

// checkCron checks a cron schedule and zone at offs.
func checkCron(cron, zone string, offs []int) error {
	if cron == "" {
		return &SyntaxError{Offset: offs[0], Msg: "missing cron schedule"}
	}
	if zone != "" {
		if _, err := partition.NewTimeline("@daily", zone); err != nil {
			return &SyntaxError{Offset: offs[1], Msg: err.Error()}
		}
	}
	if _, err := partition.NewTimeline(cron, zone); err != nil {
		return &SyntaxError{Offset: offs[0], Msg: err.Error()}
	}
	return nil
}

// ParseFreshness parses a freshness= value: a positive duration, or
// cron(CRON[;ZONE[;MAXAGE]]). The error is a *SyntaxError.
func ParseFreshness(s string) (Freshness, error) {
	p := &parser{s: s}
	p.space()
	lead := p.i
	if name, _ := p.word(); name == "cron" && p.peek('(') {
		p.i++
		args, offs, err := p.args()
		if err != nil {
			return Freshness{}, err
		}
		p.space()
		if p.i < len(p.s) {
			return Freshness{}, p.errorf(p.i, "unexpected %s after cron(...)", p.found())
		}
		if len(args) > 3 {
			return Freshness{}, p.errorf(offs[3], "cron takes a cron schedule, a zone and a maximum age, not %d arguments", len(args))
		}
		f := Freshness{Cron: args[0]}
		if len(args) > 1 {
			f.Zone = args[1]
		}
		if len(args) > 2 && args[2] != "" {
			d, err := time.ParseDuration(args[2])
			if err != nil || d <= 0 {
				return Freshness{}, p.errorf(offs[2], "invalid maximum age %q: want a positive duration such as 3h", args[2])
			}
			f.MaxAge = d
		}
		return f, checkCron(f.Cron, f.Zone, offs)
	}
	v := strings.TrimSpace(s)
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return Freshness{}, &SyntaxError{Offset: lead, Msg: `want a positive duration such as 6h, or cron(CRON;ZONE;MAXAGE) such as "cron(0 9 * * *;Europe/Paris;3h)"`}
	}
	return Freshness{MaxAge: d}, nil
}
