// Package defview is how the views of a pipeline show its asset
// definitions: the command line's list and the web page's catalog, asset
// page and lineage graph. One form, so that they say the same.
package defview

import (
	"strings"

	"github.com/assetgen/assetgen/runtime"
)

// IOManager returns the key of the I/O manager that stores d's output, or
// "" when d has no output to store (and needs no manager).
func IOManager(d *runtime.AssetDef) string {
	if d.OutputType == nil {
		return ""
	}
	return d.IOManagerKey()
}

// Synopsis returns the first sentence of description, on one line, as go
// doc summarizes a package: the first paragraph, its lines joined, up to
// the first period, question mark or exclamation mark followed by a space
// or the end, but for a period after a single capital letter (an initial,
// as in "J. Smith"). The whole first paragraph when no sentence ends in it.
func Synopsis(description string) string {
	var para []string
	for line := range strings.Lines(description) {
		line = strings.TrimSpace(line)
		if line == "" {
			if len(para) > 0 {
				break
			}
			continue
		}
		para = append(para, line)
	}
	text := strings.Join(strings.Fields(strings.Join(para, " ")), " ")
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '.', '!', '?':
			if i+1 < len(text) && text[i+1] != ' ' {
				continue // "e.g", "3.5", "a.b"
			}
			if text[i] == '.' && initial(text[:i]) {
				continue
			}
			return text[:i+1]
		}
	}
	return text
}

// initial reports whether s ends with a word of one capital letter.
func initial(s string) bool {
	n := len(s)
	return n >= 1 && 'A' <= s[n-1] && s[n-1] <= 'Z' && (n == 1 || s[n-2] == ' ')
}

// Check is the JSON form of an asset check's definition.
type Check struct {
	Name        string `json:"name"`
	Blocking    bool   `json:"blocking"`
	Description string `json:"description,omitempty"`
	Source      string `json:"source,omitempty"`
	// Rule is a column rule as the checks= option writes it; empty for a
	// check function.
	Rule string `json:"rule,omitempty"`
	// Config is the schema of the check's config (its section is
	// runtime.CheckSection); nil when it takes none.
	Config []runtime.ConfigField `json:"config,omitempty"`
}

// Checks returns the JSON form of d's checks, in d's order; empty, not
// nil, when it has none.
func Checks(d *runtime.AssetDef) []Check {
	out := make([]Check, 0, len(d.Checks))
	for _, c := range d.Checks {
		if c == nil {
			continue
		}
		j := Check{Name: c.Name, Blocking: c.Blocking, Description: c.Description, Source: c.Source}
		if c.Rule != nil {
			j.Rule = c.Rule.String()
		}
		if c.Config != nil {
			j.Config = c.Config.Fields()
		}
		out = append(out, j)
	}
	return out
}
