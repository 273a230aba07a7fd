package generator

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/assetgen/assetgen/internal/ident"
	"github.com/assetgen/assetgen/internal/suggest"
	"github.com/assetgen/assetgen/partition"
)

// Directive is the comment prefix that marks an asset function.
const Directive = "//asset:"

// spacedDirective is Directive as gofmt rewrites it. gofmt keeps a
// comment line as a directive only when a lower-case letter or digit
// follows the colon ("//asset:group=etl"); it turns "//asset:" and
// "//asset: group=etl" into "// asset:" and "// asset: group=etl", so
// that form marks an asset too.
const spacedDirective = "// asset:"

// directiveText returns the options text of a comment line that is an
// asset directive, and its byte offset in the line.
func directiveText(line string) (text string, off int, ok bool) {
	return cutDirective(line, Directive, spacedDirective)
}

// cutDirective returns the text after prefix, or its spaced form, at
// the start of line, and the text's offset in the line.
func cutDirective(line, prefix, spaced string) (text string, off int, ok bool) {
	switch {
	case strings.HasPrefix(line, prefix):
		return line[len(prefix):], len(prefix), true
	case strings.HasPrefix(line, spaced):
		return line[len(spaced):], len(spaced), true
	}
	return "", 0, false
}

// Options are the parsed options of one //asset: directive.
type Options struct {
	Name        string            // name=: the asset's name; empty means the default
	Prefix      []string          // prefix=a/b: key components before the name
	Deps        []string          // deps=: ordering-only upstream keys
	Group       string            // group=
	IO          string            // io=: the I/O manager key
	CodeVersion string            // code_version=
	Kinds       []string          // kinds=
	Owners      []string          // owners=
	Tags        map[string]string // tags=k:v,...
	Retries     int               // retries=N
	RetryDelay  time.Duration     // retry_delay=DURATION
	Timeout     time.Duration     // timeout=DURATION

	// Partitions names the variable holding the asset's partitions
	// definition (partitions=Daily or partitions=pkg.Daily).
	Partitions string
	// Backfill is how many partitions one step covers (backfill=N), or
	// BackfillSingle (backfill=single); 0 when not given.
	Backfill int
	// PartitionColumn names the output's column holding the partition
	// (partition_column=).
	PartitionColumn string
	// Map holds the explicit partition mappings (map=PARAM:SPEC,...).
	Map []MapItem
	// Checks holds the declarative column checks (checks=RULE(COL),...).
	Checks []RuleItem
	// External marks an external asset (the external flag): another
	// system produces it, its function observes it.
	External bool
	// Observe opts an asset into observation of its stored output (the
	// observe flag).
	Observe bool
	// Multi: the directive starts with the word multi; the function is a
	// multi-asset, each tagged field of its result an asset (see multi.go).
	Multi bool
	// CanSubset: can_subset=true, the multi-asset's function reads
	// Context.Selected and may leave outputs that are not selected zero.
	CanSubset bool
	// MultiOffset is the byte offset of the word multi in the directive
	// text, when Multi.
	MultiOffset int
	// Automation is the asset's automation condition (automation=) and
	// Freshness its freshness policy (freshness=), each in the normal
	// form of package internal/autospec; empty when not given.
	Automation, Freshness string

	// Offsets holds the byte offset, in the directive text, of each
	// option's value, by option name; DepOffsets that of each deps item.
	Offsets    map[string]int
	DepOffsets []int
}

// BackfillSingle is Options.Backfill for backfill=single: one step covers
// every requested partition of a contiguous span.
const BackfillSingle = -1

// MapItem is one item of the map= option: the partition mapping of an
// input (a parameter's name) or of a deps= key.
type MapItem struct {
	Name    string
	Mapping partition.Mapping
	Offset  int // of the item, in the directive text
}

// SyntaxError is an error in a directive, at a byte offset of its text.
type SyntaxError struct {
	Offset int    // byte offset in the text given to ParseDirective
	Msg    string // what is wrong
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("column %d: %s", e.Offset+1, e.Msg) }

// SyntaxErrors are all the problems of one directive, in order of offset.
type SyntaxErrors []*SyntaxError

// Error returns every problem, separated by "; ".
func (e SyntaxErrors) Error() string {
	msgs := make([]string, len(e))
	for i, se := range e {
		msgs[i] = se.Error()
	}
	return strings.Join(msgs, "; ")
}

// Unwrap returns the problems, for errors.As.
func (e SyntaxErrors) Unwrap() []error {
	errs := make([]error, len(e))
	for i, se := range e {
		errs[i] = se
	}
	return errs
}

// optionNames lists the options ParseDirective knows, in documentation order.
var optionNames = []string{
	"name", "prefix", "deps", "group", "io", "code_version",
	"kinds", "owners", "tags", "retries", "retry_delay", "timeout",
	"partitions", "backfill", "partition_column", "map", "checks", "can_subset",
	"external", "observe", "automation", "freshness",
}

// flagOptions are written alone, without a value.
var flagOptions = map[string]bool{"external": true, "observe": true}

// listOptions take a comma-separated list of values; the others take one.
// automation= and freshness= are lists too, joined back with commas:
// their own syntax has commas (and(eager,on_missing)).
var listOptions = map[string]bool{"deps": true, "kinds": true, "owners": true, "tags": true, "map": true, "checks": true,
	"automation": true, "freshness": true}

// item is one value of an option, unquoted, with its offset.
type item struct {
	text   string
	off    int
	quoted bool // written as a quoted string, in whole or in part
}

// ParseDirective parses the options of a directive: text is what follows
// "//asset:" on the comment line. Options are key=value words separated by
// spaces; a value is a comma-separated list of items, each bare or a
// double-quoted Go string (which may hold spaces and commas). Every
// problem is reported: the error, when not nil, is a SyntaxErrors. The
// Options hold the options that parsed.
func ParseDirective(text string) (Options, error) {
	o, errs := parseDirective(text)
	if len(errs) > 0 {
		return o, errs
	}
	return o, nil
}

// directiveParser collects the problems of one directive.
type directiveParser struct {
	errs SyntaxErrors
}

func (p *directiveParser) errorf(off int, format string, args ...any) {
	p.errs = append(p.errs, &SyntaxError{Offset: off, Msg: fmt.Sprintf(format, args...)})
}

// parseDirective is ParseDirective. After a problem it goes on with the
// next option: a malformed word is skipped to the next space, an option
// with a problem is left unset, and only an unterminated quoted string,
// which takes the rest of the line, ends the parse.
func parseDirective(text string) (Options, SyntaxErrors) {
	var o Options
	var p directiveParser
	if rest, ok := strings.CutPrefix(strings.TrimLeft(text, " \t"), multiWord); ok && (rest == "" || isSpace(rest[0])) {
		// Blanked out, so that the offsets of the options stay those of text.
		o.Multi = true
		o.MultiOffset = len(text) - len(strings.TrimLeft(text, " \t"))
		text = strings.Repeat(" ", len(text)-len(rest)) + rest
	}
	p.options(text, optionNames, listOptions, func(key string, valStart int, items []item) {
		if o.Offsets == nil {
			o.Offsets = map[string]int{}
		}
		o.Offsets[key] = valStart
		p.set(&o, key, items)
	})
	for k, off := range o.Offsets {
		switch {
		case o.Multi && slices.Contains(multiOnly, k):
			p.errorf(off, "option %s is set on each output of a multi-asset, in its field's tag: `asset:\"NAME %s=...\"`", k, k)
		case !o.Multi && k == "can_subset":
			p.errorf(off, "option can_subset is for a multi-asset: start the directive with multi")
		}
	}
	slices.SortStableFunc(p.errs, func(a, b *SyntaxError) int { return cmp.Compare(a.Offset, b.Offset) })
	return o, p.errs
}

// options parses the key=value options of a directive's text, known
// by names (lists: those taking a comma list), reports every problem,
// and calls set for each option that parsed, with the offset of its
// value.
func (p *directiveParser) options(text string, names []string, lists map[string]bool, set func(key string, valStart int, items []item)) {
	seen := map[string]bool{}
	isKnown := func(key string) bool { return slices.Contains(names, key) }
	i := 0
	for {
		for i < len(text) && isSpace(text[i]) {
			i++
		}
		if i >= len(text) {
			break
		}
		keyStart := i
		for i < len(text) && text[i] != '=' && !isSpace(text[i]) {
			i++
		}
		key := text[keyStart:i]
		if i >= len(text) || text[i] != '=' {
			if isKnown(key) && flagOptions[key] {
				if seen[key] {
					p.errorf(keyStart, "duplicate option %s", key)
				} else {
					seen[key] = true
					set(key, keyStart, nil)
				}
				continue
			}
			if isKnown(key) {
				p.errorf(i, "missing '=' after option %s", key)
			} else {
				p.errorf(keyStart, "malformed option %q: want key=value", key)
			}
			continue
		}
		i++ // '='
		valStart := i
		items, end := p.scanValue(text, i)
		i = end
		raw := text[valStart:end]
		if close := strings.IndexByte(text[end:], ')'); close >= 0 && !strings.Contains(raw, `"`) && strings.Count(raw, "(") > strings.Count(raw, ")") {
			// automation=on_cron(0 7 * * *): the value ends at the first
			// space; one error, not one per word up to the ')'.
			i = end + close + 1
			p.errorf(valStart, "the value of option %s holds a space: quote it, %s=%q", key, key, strings.TrimSpace(text[valStart:i]))
			continue
		}
		switch {
		case key == "":
			p.errorf(keyStart, "missing option name before '='")
			continue
		case !isKnown(key):
			msg := fmt.Sprintf("unknown option %q", key)
			if k, ok := suggest.Closest(key, names); ok {
				msg += fmt.Sprintf(" (did you mean %q?)", k)
			}
			p.errorf(keyStart, "%s", msg)
			continue
		case seen[key]:
			p.errorf(keyStart, "duplicate option %s", key)
			continue
		}
		seen[key] = true
		if flagOptions[key] && isKnown(key) {
			p.errorf(valStart-1, "option %s takes no value: write it alone", key)
			continue
		}
		if items == nil {
			continue // a quoted string was malformed
		}
		if len(items) == 0 {
			p.errorf(valStart, "empty value for option %s", key)
			continue
		}
		ok := true
		if !lists[key] && len(items) > 1 {
			p.errorf(items[1].off, "option %s takes one value, not a list (quote it if it holds a comma)", key)
			ok = false
		}
		for _, it := range items {
			if it.text == "" {
				p.errorf(it.off, "empty value for option %s", key)
				ok = false
			}
		}
		if !ok {
			continue
		}
		set(key, valStart, items)
	}
	slices.SortStableFunc(p.errs, func(a, b *SyntaxError) int { return cmp.Compare(a.Offset, b.Offset) })
}

// scanValue reads a value starting at i, up to the next unquoted space,
// and returns its items and where it ends. It returns nil items when a
// quoted string in it is malformed (reported), and an empty list when the
// value is empty.
func (p *directiveParser) scanValue(text string, i int) ([]item, int) {
	items := []item{}
	var cur strings.Builder
	curOff := i
	started, bad, quoted := false, false, false
	for i < len(text) && !isSpace(text[i]) {
		switch c := text[i]; c {
		case ',':
			items = append(items, item{cur.String(), curOff, quoted})
			cur.Reset()
			i++
			curOff = i
			started, quoted = true, false
		case '"':
			j := i + 1
			for j < len(text) && text[j] != '"' {
				if text[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(text) {
				p.errorf(i, "unterminated quoted string")
				return nil, len(text)
			}
			s, err := strconv.Unquote(text[i : j+1])
			if err != nil {
				p.errorf(i, "malformed quoted string: %s", strings.TrimPrefix(err.Error(), "strconv.Unquote: "))
				bad = true
			}
			cur.WriteString(s)
			i = j + 1
			started, quoted = true, true
		default:
			cur.WriteByte(c)
			i++
			started = true
		}
	}
	if bad {
		return nil, i
	}
	if started {
		items = append(items, item{cur.String(), curOff, quoted})
	}
	return items, i
}

// set checks the items of option key and sets it when they are valid.
func (p *directiveParser) set(o *Options, key string, items []item) {
	switch key {
	case "external":
		o.External = true
		return
	case "observe":
		o.Observe = true
		return
	}
	v, off := items[0].text, items[0].off
	switch key {
	case "name":
		if why := ident.NameProblem(v); why != "" {
			p.errorf(off, "invalid name %q: %s", v, why)
			return
		}
		o.Name = v
	case "prefix":
		if why := ident.KeyProblem(v); why != "" {
			p.errorf(off, "invalid prefix %q: %s", v, why)
			return
		}
		o.Prefix = strings.Split(v, "/")
	case "deps":
		for _, it := range items {
			if why := ident.KeyProblem(it.text); why != "" {
				p.errorf(it.off, "invalid deps key %q: %s", it.text, why)
				continue
			}
			o.Deps = append(o.Deps, it.text)
			o.DepOffsets = append(o.DepOffsets, it.off)
		}
	case "group":
		if why := ident.NameProblem(v); why != "" {
			p.errorf(off, "invalid group %q: %s", v, why)
			return
		}
		o.Group = v
	case "io":
		if why := ident.NameProblem(v); why != "" {
			p.errorf(off, "invalid I/O manager key %q: %s", v, why)
			return
		}
		o.IO = v
	case "code_version":
		o.CodeVersion = v
	case "kinds":
		o.Kinds = texts(items)
	case "owners":
		o.Owners = texts(items)
	case "tags":
		tags := map[string]string{}
		for _, it := range items {
			k, val, ok := strings.Cut(it.text, ":")
			switch _, dup := tags[k]; {
			case !ok || k == "":
				p.errorf(it.off, "malformed tag %q: want key:value", it.text)
			case dup:
				p.errorf(it.off, "duplicate tag %q", k)
			default:
				tags[k] = val
			}
		}
		o.Tags = tags
	case "retries":
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			p.errorf(off, "invalid retries %q: want a whole number >= 0", v)
			return
		}
		o.Retries = n
	case "retry_delay", "timeout":
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			p.errorf(off, "invalid %s %q: want a positive duration such as 500ms, 2s or 1m30s", key, v)
			return
		}
		if key == "timeout" {
			o.Timeout = d
		} else {
			o.RetryDelay = d
		}
	case "partitions":
		pkg, name, qualified := strings.Cut(v, ".")
		if !token.IsIdentifier(pkg) || (qualified && !token.IsIdentifier(name)) {
			p.errorf(off, "invalid partitions %q: want the name of a variable holding a partitions definition, such as Daily, or pkg.Daily", v)
			return
		}
		o.Partitions = v
	case "backfill":
		n, err := strconv.Atoi(v)
		switch {
		case v == "single":
			o.Backfill = BackfillSingle
		case err != nil || n < 1:
			p.errorf(off, "invalid backfill %q: want single or a whole number of partitions per step >= 1", v)
		default:
			o.Backfill = n
		}
	case "partition_column":
		o.PartitionColumn = v
	case "can_subset":
		o.CanSubset, _ = p.boolean(key, v, off)
	case "map":
		p.maps(o, items)
	case "checks":
		p.rules(o, items)
	case "automation", "freshness":
		p.automation(o, key, items)
	}
}

// maps sets the items of map=: PARAM:SPEC, the left side a parameter's
// name or a deps= key, SPEC in partition.ParseMapping's syntax.
func (p *directiveParser) maps(o *Options, items []item) {
	seen := map[string]bool{}
	for _, it := range items {
		name, spec, ok := strings.Cut(it.text, ":")
		switch {
		case !ok || name == "" || spec == "":
			p.errorf(it.off, "malformed map item %q: want PARAM:MAPPING, such as events:window(-6...0)", it.text)
			continue
		case !token.IsIdentifier(name) && ident.KeyProblem(name) != "":
			p.errorf(it.off, "invalid map item %q: %q is neither a parameter name nor a deps= key", it.text, name)
			continue
		case seen[name]:
			p.errorf(it.off, "duplicate map for %s", name)
			continue
		}
		seen[name] = true
		m, err := partition.ParseMapping(spec)
		if err != nil {
			off, msg := it.off, err.Error()
			if se, ok := err.(*partition.SyntaxError); ok {
				msg = se.Msg
				if !it.quoted {
					off += len(name) + 1 + se.Offset
				}
			}
			p.errorf(off, "invalid mapping %q for %s: %s", spec, name, msg)
			continue
		}
		o.Map = append(o.Map, MapItem{Name: name, Mapping: m, Offset: it.off})
	}
}

// boolean returns v, the value of option key at offset off, as true or
// false; ok is false, and the problem reported, for anything else.
func (p *directiveParser) boolean(key, v string, off int) (b, ok bool) {
	b, err := strconv.ParseBool(v)
	if err != nil {
		p.errorf(off, "invalid %s %q: want true or false", key, v)
		return false, false
	}
	return b, true
}

func texts(items []item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.text
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }
