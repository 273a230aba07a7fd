package partition

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxKeyLen is the longest key, in bytes: a key may become a file name.
const MaxKeyLen = 255

// CheckKey reports whether key may name a static or dynamic partition
// (time keys come from their layout and are checked with it). A key is
// safe as a path component, and free of what the key syntax reserves:
//
//   - not empty, at most MaxKeyLen bytes, valid UTF-8;
//   - no '/', '\\', NUL or other control character; no "..", and no '.'
//     at either end (no ".", no "..", no hidden file);
//   - no white space at either end (lists trim it);
//   - no '|' (it joins the keys of a multi-dimensional partition) and no
//     ',' (it separates keys in a list); "..." (a range) is ruled out
//     with "..".
//
// Quotes and other punctuation are allowed: keys reach SQL only as bound
// parameters, never as text of a statement. The error names the key (the
// first bytes of a long one), so callers need not.
func CheckKey(key string) error {
	switch {
	case key == "":
		return errors.New(`key "" is empty`)
	case len(key) > MaxKeyLen:
		return fmt.Errorf("key %.20q... has %d bytes: at most %d", key, len(key), MaxKeyLen)
	case !utf8.ValidString(key):
		return fmt.Errorf("key %q is not valid UTF-8", key)
	case strings.HasPrefix(key, ".") || strings.HasSuffix(key, "."):
		return fmt.Errorf("key %q starts or ends with '.'", key)
	case strings.Contains(key, ".."):
		return fmt.Errorf("key %q holds \"..\"", key)
	}
	for _, r := range key {
		switch {
		case r == '/' || r == '\\':
			return fmt.Errorf("key %q holds %q: keys become path components", key, r)
		case r == '|':
			return fmt.Errorf("key %q holds '|', which joins the dimensions of a multi-dimensional key", key)
		case r == ',':
			return fmt.Errorf("key %q holds ',', which separates keys in a list", key)
		case unicode.IsControl(r):
			return fmt.Errorf("key %q holds the control character %U", key, r)
		}
	}
	if r, _ := utf8.DecodeRuneInString(key); unicode.IsSpace(r) {
		return fmt.Errorf("key %q starts with white space", key)
	}
	if r, _ := utf8.DecodeLastRuneInString(key); unicode.IsSpace(r) {
		return fmt.Errorf("key %q ends with white space", key)
	}
	return nil
}

// RangeSep separates the ends of a key range, as in Dagster's
// --partition-range START...END.
const RangeSep = "..."

// Range is the keys from Start to End, both included, in the order of
// the definition; for a multi-dimensional definition, every combination
// of each dimension's range.
type Range struct {
	Start, End string
}

// String returns "START...END".
func (r Range) String() string { return r.Start + RangeSep + r.End }

// ParseRange parses "START...END". A key cannot end or start with '.',
// so the first "..." is the separator.
func ParseRange(s string) (Range, error) {
	i := strings.Index(s, RangeSep)
	if i < 0 {
		return Range{}, fmt.Errorf("partition range %q: want START...END", s)
	}
	r := Range{strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(RangeSep):])}
	if r.Start == "" || r.End == "" {
		return Range{}, fmt.Errorf("partition range %q: want START...END, both given", s)
	}
	if strings.HasSuffix(r.Start, ".") || strings.HasPrefix(r.End, ".") {
		return Range{}, fmt.Errorf("partition range %q: more than three dots between START and END (a key cannot start or end with '.')", s)
	}
	return r, nil
}

// ParseList parses a comma-separated list of keys ("a,b, c"); white
// space around each key is dropped. An empty item or a key given twice
// is an error.
func ParseList(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, errors.New("empty list of partitions")
	}
	parts := strings.Split(s, ",")
	seen := make(map[string]bool, len(parts))
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil, fmt.Errorf("list of partitions %q: item %d is empty", s, i+1)
		}
		if seen[p] {
			return nil, fmt.Errorf("list of partitions %q: %q is given twice", s, p)
		}
		seen[p] = true
		parts[i] = p
	}
	return parts, nil
}

// UnknownKeyError reports a key that a definition does not have.
type UnknownKeyError struct {
	Key        string     // the key asked for
	Def        Definition // the definition
	Suggestion string     // the nearest key, or ""
	Valid      string     // the valid keys, in short: "2024-01-01...2026-11-30"
	Reason     string     // why, when more can be said: "part 2 ..."
}

func (e *UnknownKeyError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "unknown partition %q", e.Key)
	if e.Reason != "" {
		b.WriteString(": ")
		b.WriteString(e.Reason)
	}
	if e.Suggestion != "" {
		fmt.Fprintf(&b, " (did you mean %q?)", e.Suggestion)
	}
	b.WriteString("; valid: ")
	b.WriteString(e.Valid)
	return b.String()
}
