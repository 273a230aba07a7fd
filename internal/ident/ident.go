// Package ident holds the naming rules that the generator, the runtime and
// the I/O managers must agree on: Go identifiers to snake_case, for asset
// names (CombinedData -> combined_data) and column names (UserID ->
// user_id), and what a component of an asset key may be.
package ident

import (
	"strings"
	"unicode"
)

// Snake converts a Go identifier to snake_case: CombinedData ->
// combined_data, HTTPLogs -> http_logs, Asset1 -> asset1, userID ->
// user_id. An underscore already in the name is kept, not doubled.
func Snake(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i, r := range rs {
		if unicode.IsUpper(r) {
			if i > 0 && rs[i-1] != '_' {
				prev := rs[i-1]
				nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
				if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
					b.WriteByte('_')
				}
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ValidName reports whether s is a valid asset key component: a lower-case
// identifier of letters, digits and underscores that does not start with a
// digit, at most MaxName bytes long, so that it is safe as a file name and
// an SQL identifier.
func ValidName(s string) bool {
	if s == "" || len(s) > MaxName {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c == '_':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
