// Package versions holds the rule that turns the data versions of the
// upstream partitions a partition read into the version of that input, so
// that the runtime, which records it, and the history, which compares it
// with the current one, agree.
package versions

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Combine returns the version of an input that read the upstream
// partitions keys, whose data versions are versions (same length, in the
// order of the upstream's keys): the version itself for one partition, so
// that an identity mapping records the upstream partition's own version;
// for several, or none, a hash of every key and version, which changes
// when any of them does, or when the set of keys does.
func Combine(keys, versions []string) string {
	if len(keys) == 1 {
		return versions[0]
	}
	h := sha256.New()
	for i, k := range keys {
		h.Write([]byte(k))
		h.Write([]byte{0})
		h.Write([]byte(versions[i]))
		h.Write([]byte{0})
	}
	return "combined:" + hex.EncodeToString(h.Sum(nil)[:12])
}

// Show returns data version v as one line of output shows it: its runs of
// white space as single spaces, as the tables clean their cells (a version
// read from a file often ends in a newline), `""` when empty, and at most
// 16 bytes, cut on a rune boundary.
func Show(v string) string {
	v = strings.Join(strings.Fields(v), " ")
	if v == "" {
		return `""`
	}
	if len(v) > 16 {
		v = strings.ToValidUTF8(v[:16], "")
	}
	return v
}
