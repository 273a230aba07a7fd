package cli

import (
	"flag"
	"io"
	"strings"
	"testing"
)

// TestSynopsisListsEveryFlag checks that materialize's usage line names
// each flag the command accepts.
func TestSynopsisListsEveryFlag(t *testing.T) {
	for _, c := range commands() {
		if c.name != "materialize" {
			continue
		}
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		c.setup(fs)
		fs.VisitAll(func(f *flag.Flag) {
			dash := "--"
			if len(f.Name) == 1 {
				dash = "-"
			}
			if !strings.Contains(c.args+" ", "["+dash+f.Name+" ") && !strings.Contains(c.args+" ", "["+dash+f.Name+"]") && !strings.Contains(c.args, " "+dash+f.Name+" ") {
				t.Errorf("%s: usage line %q lacks %s%s", c.name, c.args, dash, f.Name)
			}
		})
	}
}
