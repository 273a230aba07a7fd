// Package ident holds the naming rule that the generator, the runtime and
// the I/O managers must agree on: Go identifiers to snake_case, for asset
// names (CombinedData -> combined_data) and column names (UserID -> user_id).
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
