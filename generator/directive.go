package generator

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/assetgen/assetgen/internal/ident"
	"github.com/assetgen/assetgen/internal/suggest"
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
	switch {
	case strings.HasPrefix(line, Directive):
		return line[len(Directive):], len(Directive), true
	case strings.HasPrefix(line, spacedDirective):
		return line[len(spacedDirective):], len(spacedDirective), true
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

	// Offsets holds the byte offset, in the directive text, of each
	// option's value, by option name; DepOffsets that of each deps item.
	Offsets    map[string]int
	DepOffsets []int
}

// SyntaxError is an error in a directive, at a byte offset of its text.
type SyntaxError struct {
	Offset int    // byte offset in the text given to ParseDirective
	Msg    string // what is wrong
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("column %d: %s", e.Offset+1, e.Msg) }

// optionNames lists the options ParseDirective knows, in documentation order.
var optionNames = []string{
	"name", "prefix", "deps", "group", "io", "code_version",
	"kinds", "owners", "tags", "retries", "retry_delay", "timeout",
}

// listOptions take a comma-separated list of values; the others take one.
var listOptions = map[string]bool{"deps": true, "kinds": true, "owners": true, "tags": true}

// item is one value of an option, unquoted, with its offset.
type item struct {
	text string
	off  int
}

// ParseDirective parses the options of a directive: text is what follows
// "//asset:" on the comment line. Options are key=value words separated by
// spaces; a value is a comma-separated list of items, each bare or a
// double-quoted Go string (which may hold spaces and commas). The first
// problem found is returned as a *SyntaxError.
func ParseDirective(text string) (Options, error) {
	var o Options
	seen := map[string]bool{}
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
			if isKnown(key) {
				return o, &SyntaxError{i, fmt.Sprintf("missing '=' after option %s", key)}
			}
			return o, &SyntaxError{keyStart, fmt.Sprintf("malformed option %q: want key=value", key)}
		}
		if key == "" {
			return o, &SyntaxError{keyStart, "missing option name before '='"}
		}
		if !isKnown(key) {
			msg := fmt.Sprintf("unknown option %q", key)
			if k, ok := suggest.Closest(key, optionNames); ok {
				msg += fmt.Sprintf(" (did you mean %q?)", k)
			}
			return o, &SyntaxError{keyStart, msg}
		}
		if seen[key] {
			return o, &SyntaxError{keyStart, fmt.Sprintf("duplicate option %s", key)}
		}
		seen[key] = true
		i++ // '='
		valStart := i
		items, end, err := scanValue(text, i)
		if err != nil {
			return o, err
		}
		i = end
		if len(items) == 0 {
			return o, &SyntaxError{valStart, fmt.Sprintf("empty value for option %s", key)}
		}
		if !listOptions[key] && len(items) > 1 {
			return o, &SyntaxError{items[1].off, fmt.Sprintf("option %s takes one value, not a list (quote it if it holds a comma)", key)}
		}
		for _, it := range items {
			if it.text == "" {
				return o, &SyntaxError{it.off, fmt.Sprintf("empty value for option %s", key)}
			}
		}
		if o.Offsets == nil {
			o.Offsets = map[string]int{}
		}
		o.Offsets[key] = valStart
		if err := o.set(key, items); err != nil {
			return o, err
		}
	}
	return o, nil
}

// scanValue reads a value starting at i, up to the next unquoted space.
func scanValue(text string, i int) ([]item, int, error) {
	var items []item
	var cur strings.Builder
	curOff := i
	started := false
	for i < len(text) && !isSpace(text[i]) {
		switch c := text[i]; c {
		case ',':
			items = append(items, item{cur.String(), curOff})
			cur.Reset()
			i++
			curOff = i
			started = true
		case '"':
			j := i + 1
			for j < len(text) && text[j] != '"' {
				if text[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(text) {
				return nil, 0, &SyntaxError{i, "unterminated quoted string"}
			}
			s, err := strconv.Unquote(text[i : j+1])
			if err != nil {
				return nil, 0, &SyntaxError{i, "malformed quoted string: " + strings.TrimPrefix(err.Error(), "strconv.Unquote: ")}
			}
			cur.WriteString(s)
			i = j + 1
			started = true
		default:
			cur.WriteByte(c)
			i++
			started = true
		}
	}
	if started {
		items = append(items, item{cur.String(), curOff})
	}
	return items, i, nil
}

func (o *Options) set(key string, items []item) error {
	v, off := items[0].text, items[0].off
	switch key {
	case "name":
		if !ident.ValidName(v) {
			return &SyntaxError{off, fmt.Sprintf("invalid name %q: %s", v, nameRule)}
		}
		o.Name = v
	case "prefix":
		for _, c := range strings.Split(v, "/") {
			if !ident.ValidName(c) {
				return &SyntaxError{off, fmt.Sprintf("invalid prefix %q: component %q: %s", v, c, nameRule)}
			}
		}
		o.Prefix = strings.Split(v, "/")
	case "deps":
		for _, it := range items {
			if err := checkKey(it.text); err != "" {
				return &SyntaxError{it.off, fmt.Sprintf("invalid deps key %q: %s", it.text, err)}
			}
			o.Deps = append(o.Deps, it.text)
			o.DepOffsets = append(o.DepOffsets, it.off)
		}
	case "group":
		if !ident.ValidName(v) {
			return &SyntaxError{off, fmt.Sprintf("invalid group %q: %s", v, nameRule)}
		}
		o.Group = v
	case "io":
		if !ident.ValidName(v) {
			return &SyntaxError{off, fmt.Sprintf("invalid I/O manager key %q: %s", v, nameRule)}
		}
		o.IO = v
	case "code_version":
		o.CodeVersion = v
	case "kinds":
		o.Kinds = texts(items)
	case "owners":
		o.Owners = texts(items)
	case "tags":
		o.Tags = map[string]string{}
		for _, it := range items {
			k, val, ok := strings.Cut(it.text, ":")
			if !ok || k == "" {
				return &SyntaxError{it.off, fmt.Sprintf("malformed tag %q: want key:value", it.text)}
			}
			if _, dup := o.Tags[k]; dup {
				return &SyntaxError{it.off, fmt.Sprintf("duplicate tag %q", k)}
			}
			o.Tags[k] = val
		}
	case "retries":
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return &SyntaxError{off, fmt.Sprintf("invalid retries %q: want a whole number >= 0", v)}
		}
		o.Retries = n
	case "retry_delay", "timeout":
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return &SyntaxError{off, fmt.Sprintf("invalid %s %q: want a positive duration such as 500ms, 2s or 1m30s", key, v)}
		}
		if key == "timeout" {
			o.Timeout = d
		} else {
			o.RetryDelay = d
		}
	}
	return nil
}

func texts(items []item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.text
	}
	return out
}

func isKnown(key string) bool {
	for _, k := range optionNames {
		if k == key {
			return true
		}
	}
	return false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

const nameRule = "want a lower-case identifier ([a-z_][a-z0-9_]*)"

// checkKey returns why key is not a valid slash-separated key, or "".
func checkKey(key string) string {
	for _, c := range strings.Split(key, "/") {
		if !ident.ValidName(c) {
			return fmt.Sprintf("component %q: %s", c, nameRule)
		}
	}
	return ""
}
