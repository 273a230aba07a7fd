// Package suggest finds, among known names, the one a misspelled name was
// probably meant to be, for the "did you mean" hints of the generator, the
// runtime and the command line.
package suggest

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxRunes bounds the strings Distance compares in full; longer ones are
// never near anything, which keeps hostile input cheap.
const maxRunes = 200

// Distance is the optimal string alignment distance between a and b, in
// runes: Levenshtein's insertions, deletions and substitutions, plus
// transpositions of adjacent runes, the commonest typo ("peolpe").
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > maxRunes || len(rb) > maxRunes {
		return max(len(ra), len(rb))
	}
	// Rows i-2, i-1 and i of the table.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Closest returns the candidate nearest to s, when it is near enough to be
// a plausible typo: at most a third of the longer one's length away (one
// edit at least, three at most), and not a complete rewrite (as many edits
// as the longer one has runes), so "nn" suggests "n" but "x" not "y". A
// difference only in case counts as one edit. Ties go to the candidate that sorts first.
func Closest(s string, candidates []string) (string, bool) {
	best, bestD := "", -1
	for _, c := range candidates {
		if c == s {
			continue
		}
		d := Distance(s, c)
		if d > 0 && strings.EqualFold(s, c) {
			d = 1
		}
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	if bestD < 0 {
		return "", false
	}
	n, nb := utf8.RuneCountInString(s), utf8.RuneCountInString(best)
	limit := min(max((max(n, nb)+1)/3, 1), 3)
	return best, bestD <= limit && bestD < max(n, nb)
}

// Hint returns ` (did you mean "x"?)` naming the candidate closest to s,
// or "" when none is close enough.
func Hint(s string, candidates []string) string {
	if c, ok := Closest(s, candidates); ok {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	return ""
}
