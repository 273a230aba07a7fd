package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestMultiEndToEnd runs the multirun case's pipeline, whose
// multi-assets journal each call of their function: both outputs are
// stored and read downstream after one call; a selection of one output
// calls the function once, which sees only that output selected, and
// stores nothing of the other; a failure of the function fails each
// output's step and skips what reads each; a partitioned multi-asset
// runs once per partition; the config of a multi-asset, one section named
// by its function, reaches its one call, is refused before the run when
// bad, and makes both outputs stale when it differs from the defaults.
func TestMultiEndToEnd(t *testing.T) {
	bin := buildCase(t, "multi_main", "multirun")
	type run struct {
		home, data, journal string
	}
	fresh := func(t *testing.T) run {
		d := t.TempDir()
		return run{filepath.Join(d, "home"), filepath.Join(d, "data"), filepath.Join(d, "journal")}
	}
	exe := func(t *testing.T, r run, env []string, args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "ASSETGEN_HOME="+r.home, "MULTI_DATA="+r.data, "MULTI_JOURNAL="+r.journal, "TERM=dumb", "NO_COLOR=1")
		cmd.Env = append(cmd.Env, env...)
		return runCmd(t, cmd)
	}
	journal := func(t *testing.T, r run) string { return readFile(t, r.journal) }
	stored := func(t *testing.T, r run) []string {
		var files []string
		filepath.WalkDir(r.data, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") { // not the stamps
				rel, _ := filepath.Rel(r.data, p)
				files = append(files, filepath.ToSlash(rel))
			}
			return nil
		})
		return files
	}
	read := func(t *testing.T, r run, name string) string {
		b, err := os.ReadFile(filepath.Join(r.data, name))
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(b))
	}

	t.Run("all", func(t *testing.T) {
		r := fresh(t)
		out, code := exe(t, r, nil, "materialize", "--select", "numbers+")
		if code != 0 {
			t.Fatalf("exit %d:\n%s", code, out)
		}
		if got, want := journal(t, r), "split  selected=evens,odds\n"; got != want {
			t.Errorf("journal:\n%s\nwant:\n%s", got, want)
		}
		// The check of one output, from its field's tag, ran after it.
		if !regexp.MustCompile(`(?m)^evens\s+min_n\s+passed\s+0 of 3 rows have n < 0$`).MatchString(out) {
			t.Errorf("no check of evens in:\n%s", out)
		}
		if got, want := read(t, r, "even_sum.json"), "12"; got != want {
			t.Errorf("even_sum = %s, want %s", got, want)
		}
		if got, want := read(t, r, "odd_count.json"), "3"; got != want {
			t.Errorf("odd_count = %s, want %s", got, want)
		}
		// Each output is an asset of its own in the history.
		out, _ = exe(t, r, nil, "status")
		for _, k := range []string{"evens", "odds", "even_sum", "odd_count"} {
			if !regexp.MustCompile(`(?m)^\s*` + k + `\s+fresh`).MatchString(out) {
				t.Errorf("status does not say %s is fresh:\n%s", k, out)
			}
		}
	})
	t.Run("subset", func(t *testing.T) {
		r := fresh(t)
		if out, code := exe(t, r, nil, "materialize", "--select", "numbers"); code != 0 {
			t.Fatalf("exit %d:\n%s", code, out)
		}
		out, code := exe(t, r, nil, "materialize", "--select", "evens")
		if code != 0 {
			t.Fatalf("exit %d:\n%s", code, out)
		}
		if !strings.Contains(out, "1 step: 1 succeeded") {
			t.Errorf("output:\n%s\nwant one step", out)
		}
		if got, want := journal(t, r), "split  selected=evens\n"; got != want {
			t.Errorf("journal:\n%s\nwant:\n%s", got, want)
		}
		if got, want := strings.Join(stored(t, r), " "), "evens.json numbers.json"; got != want {
			t.Errorf("stored %s, want %s", got, want)
		}
		if got, want := read(t, r, "evens.json"), `[{"N":2},{"N":4},{"N":6}]`; got != want {
			t.Errorf("evens = %s, want %s", got, want)
		}
		out, _ = exe(t, r, nil, "status")
		if !regexp.MustCompile(`(?m)^\s*odds\s+stale\s+never materialized`).MatchString(out) || !regexp.MustCompile(`(?m)^\s*evens\s+fresh`).MatchString(out) {
			t.Errorf("status does not say evens fresh, odds never materialized:\n%s", out)
		}
	})
	t.Run("dry-run and list", func(t *testing.T) {
		r := fresh(t)
		out, code := exe(t, r, nil, "materialize", "--select", "evens+", "--dry-run")
		if code != 0 {
			t.Fatalf("exit %d:\n%s", code, out)
		}
		if !regexp.MustCompile(`(?m)^1\s+evens \(SplitParity\)\s+-\s+numbers$`).MatchString(out) {
			t.Errorf("dry run does not show evens's step with its function:\n%s", out)
		}
		if journal(t, r) != "" {
			t.Errorf("a dry run called the function")
		}
		out, code = exe(t, r, nil, "list", "--json")
		if code != 0 {
			t.Fatalf("exit %d:\n%s", code, out)
		}
		want := regexp.MustCompile(`"multi": \{\s*"function": "SplitParity",\s*"outputs": \[\s*"evens",\s*"odds"\s*\],\s*"can_subset": true\s*\}`)
		if n := len(want.FindAllString(out, -1)); n != 2 {
			t.Errorf("list --json has %s %d times, want 2 (evens, odds):\n%s", want, n, out)
		}
	})
	t.Run("config", func(t *testing.T) {
		r := fresh(t)
		// A bad value or field is refused before anything runs.
		out, code := exe(t, r, nil, "materialize", "--select", "numbers+", "--set", "SplitParity.mn=3")
		if code == 0 || !strings.Contains(out, `multi-asset SplitParity: unknown config field "mn" (did you mean "min"?)`) {
			t.Errorf("exit %d, want a refusal naming the field:\n%s", code, out)
		}
		out, code = exe(t, r, nil, "materialize", "--select", "numbers+", "--set", "SplitParity.min=three")
		if code == 0 || !strings.Contains(out, `multi-asset SplitParity: config field "min" (int)`) {
			t.Errorf("exit %d, want a refusal naming the value:\n%s", code, out)
		}
		if journal(t, r) != "" || len(stored(t, r)) != 0 {
			t.Fatalf("a refused run ran: journal %q, stored %v", journal(t, r), stored(t, r))
		}
		// The dry run shows the one section of both outputs.
		out, code = exe(t, r, nil, "materialize", "--select", "evens+", "--dry-run")
		if code != 0 || !regexp.MustCompile(`(?m)^SplitParity\.min\s+int\s+1\s+Min is the least number kept\.$`).MatchString(out) {
			t.Errorf("exit %d; dry run shows no section SplitParity with min:\n%s", code, out)
		}
		// One call sees the config, for both outputs.
		out, code = exe(t, r, nil, "materialize", "--select", "numbers+", "--set", "SplitParity.min=3")
		if code != 0 {
			t.Fatalf("exit %d:\n%s", code, out)
		}
		if got, want := journal(t, r), "split  selected=evens,odds\n"; got != want {
			t.Errorf("journal:\n%s\nwant:\n%s", got, want)
		}
		if got, want := read(t, r, "even_sum.json"), "10"; got != want { // 4+6
			t.Errorf("even_sum = %s, want %s", got, want)
		}
		if got, want := read(t, r, "odd_count.json"), "2"; got != want { // 3, 5
			t.Errorf("odd_count = %s, want %s", got, want)
		}
		// Both outputs ran with another config than the defaults: stale.
		out, _ = exe(t, r, nil, "status")
		for _, k := range []string{"evens", "odds"} {
			if !regexp.MustCompile(`(?m)^\s*` + k + `\s+stale\s+.*config differs from the defaults`).MatchString(out) {
				t.Errorf("status does not say %s is stale by its config:\n%s", k, out)
			}
		}
		out, code = exe(t, r, nil, "list", "--json")
		want := regexp.MustCompile(`"config": \[\s*\{\s*"name": "min",\s*"type": "int",\s*"default": "1",\s*"doc": "Min is the least number kept."\s*\}\s*\]`)
		if n := len(want.FindAllString(out, -1)); code != 0 || n != 2 {
			t.Errorf("exit %d; list --json has %s %d times, want 2 (evens, odds):\n%s", code, want, n, out)
		}
	})
	t.Run("failure", func(t *testing.T) {
		r := fresh(t)
		out, code := exe(t, r, []string{"MULTI_FAIL=1"}, "materialize", "--select", "numbers+")
		if code != 1 {
			t.Fatalf("exit %d, want 1:\n%s", code, out)
		}
		if got, want := journal(t, r), "split  selected=evens,odds\n"; got != want {
			t.Errorf("journal:\n%s\nwant:\n%s", got, want)
		}
		for _, want := range []string{"evens: export unreadable", "odds: export unreadable", "2 failed", "2 skipped"} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
		if got, want := strings.Join(stored(t, r), " "), "numbers.json"; got != want {
			t.Errorf("stored %s, want %s", got, want)
		}
	})
	t.Run("partitioned", func(t *testing.T) {
		r := fresh(t)
		out, code := exe(t, r, nil, "materialize", "--select", "visits or label", "--partitions", "north,south")
		if code != 0 {
			t.Fatalf("exit %d:\n%s", code, out)
		}
		if got, want := sortLines(journal(t, r)), "shop north selected=visits,label\nshop south selected=visits,label\n"; got != want {
			t.Errorf("journal:\n%s\nwant (sorted):\n%s", got, want)
		}
		if got, want := strings.Join(stored(t, r), " "), "label/partition=north.json label/partition=south.json visits/partition=north.json visits/partition=south.json"; got != want {
			t.Errorf("stored %s, want %s", got, want)
		}
		// Without can_subset, the function computes both; only the
		// selected output is stored.
		r = fresh(t)
		if out, code := exe(t, r, nil, "materialize", "--select", "label", "--partition", "south"); code != 0 {
			t.Fatalf("exit %d:\n%s", code, out)
		}
		if got, want := journal(t, r), "shop south selected=visits,label\n"; got != want {
			t.Errorf("journal:\n%s\nwant:\n%s", got, want)
		}
		if got, want := strings.Join(stored(t, r), " "), "label/partition=south.json"; got != want {
			t.Errorf("stored %s, want %s", got, want)
		}
		if got, want := read(t, r, "label/partition=south.json"), `"shop south"`; got != want {
			t.Errorf("label south = %s, want %s", got, want)
		}
	})
}

// sortLines returns the lines of s sorted, each ending with a newline.
func sortLines(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if s == "" {
		return ""
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n") + "\n"
}
