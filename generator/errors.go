package generator

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// Diagnostic is one problem found in a package, at a position.
type Diagnostic struct {
	File string // absolute file name; empty when the problem has no position
	Line int    // 1-based; 0 when unknown
	Col  int    // 1-based byte column; 0 when unknown
	Msg  string

	// Notes are related positions printed under the message, indented,
	// as go/types does ("\tother declaration of X").
	Notes []Diagnostic
}

// Format returns "file:line:col: message", with the file name relative to
// dir when it lies below it.
func (d Diagnostic) Format(dir string) string {
	s := d.format(dir)
	for _, n := range d.Notes {
		s += "\n\t" + n.format(dir)
	}
	return s
}

func (d Diagnostic) format(dir string) string {
	if d.File == "" {
		return d.Msg
	}
	name := relPath(dir, d.File)
	switch {
	case d.Line == 0:
		return fmt.Sprintf("%s: %s", name, d.Msg)
	case d.Col == 0:
		return fmt.Sprintf("%s:%d: %s", name, d.Line, d.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", name, d.Line, d.Col, d.Msg)
}

func (d Diagnostic) String() string { return d.Format("") }

// relPath returns file relative to dir when file is below dir.
func relPath(dir, file string) string {
	if dir == "" || !filepath.IsAbs(file) {
		return file
	}
	rel, err := filepath.Rel(dir, file)
	if err != nil || strings.HasPrefix(rel, "..") {
		return file
	}
	return rel
}

// Errors is the list of problems found by Generate, sorted by position.
type Errors []Diagnostic

// Error returns every diagnostic, one per line.
func (e Errors) Error() string { return e.Format("") }

// Format returns every diagnostic, one per line, with file names relative
// to dir.
func (e Errors) Format(dir string) string {
	var b strings.Builder
	for i, d := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Format(dir))
	}
	return b.String()
}

// sortErrors sorts diagnostics by file, line, column and message, and drops
// exact duplicates.
func sortErrors(e Errors) Errors {
	sort.SliceStable(e, func(i, j int) bool {
		a, b := e[i], e[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
	out := e[:0]
	for i, d := range e {
		if i > 0 && d.Format("") == e[i-1].Format("") {
			continue
		}
		out = append(out, d)
	}
	return out
}
