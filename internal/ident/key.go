package ident

import (
	"fmt"
	"strings"
)

// MaxName is the most bytes a key component may have, and MaxKey the most
// a whole key may have, slashes included: limits that every place a key
// goes can store.
//
//   - fs stores key a/b/c as the file a/b/c.json, written first as
//     .c.json.tmp-XXXXXXXXXX, and partition p of it as a/b/c/partition=p.json
//     (p at most 200 bytes): each component is one file name, which Linux
//     and macOS limit to 255 bytes, so a component must stay under about
//     230 bytes there.
//   - DuckDB takes the whole key as one quoted table name (name.new while
//     replacing it) and has no length limit of its own.
//   - PostgreSQL keeps the run history's keys in text columns, with no
//     limit; its identifiers, though, are cut at 63 bytes, so a component
//     of at most 63 bytes can also name a PostgreSQL schema or table
//     unchanged. That is the smallest limit, and MaxName's.
//   - An object store (S3) limits an object key to 1024 bytes: a key of
//     at most 255 bytes leaves more than 500 for a base prefix, a
//     partition and an extension.
const (
	MaxName = 63
	MaxKey  = 255
)

// NameProblem returns why s is not a valid key component, or "" when it
// is: the rule of ValidName in words, for messages.
func NameProblem(s string) string {
	switch {
	case len(s) > MaxName:
		return fmt.Sprintf("%d bytes long; a key component may have at most %d", len(s), MaxName)
	case !ValidName(s):
		return "want a lower-case identifier ([a-z_][a-z0-9_]*)"
	}
	return ""
}

// KeyProblem returns why key, components separated by slashes, is not a
// valid asset key, or "" when it is. The whole key's length is checked
// first.
func KeyProblem(key string) string {
	if len(key) > MaxKey {
		return fmt.Sprintf("%d bytes long; a key may have at most %d", len(key), MaxKey)
	}
	for c := range strings.SplitSeq(key, "/") {
		if p := NameProblem(c); p != "" {
			return fmt.Sprintf("component %q: %s", c, p)
		}
	}
	return ""
}
