package examples_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// quality runs the quality example's binary with args in dir, with the
// orders of file orders (none: the sample) and the store, and returns
// its exit code, stdout and stderr.
func quality(t *testing.T, bin, dir, store, orders string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ASSETGEN_HOME="+filepath.Join(dir, ".assetgen"), "SHOP_STORE="+store, "SHOP_ORDERS="+orders)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return code, stdout.String(), stderr.String()
}

// fields returns the lines of out as space-separated fields, for tables.
func fields(out string) []string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		lines = append(lines, strings.Join(strings.Fields(l), " "))
	}
	return lines
}

// TestQuality runs the checks example on both stores: the DuckDB manager
// evaluates the column checks in SQL, the fs manager's rows are checked in
// Go, with the same outcomes. A blocking check that fails skips the
// downstream assets; a failing warning does not.
func TestQuality(t *testing.T) {
	t.Parallel()
	bin := build(t, "quality")
	for _, store := range []string{"duckdb", "fs"} {
		t.Run(store, func(t *testing.T) {
			dir := t.TempDir()
			write := func(name, content string) string {
				p := filepath.Join(dir, name)
				require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
				return p
			}
			bad := write("bad.json", `[{"ID":1,"Status":"closed","Amount":10},{"ID":1,"Status":"lost","Amount":-5},{"ID":2,"Status":"open","Amount":3},{"ID":2,"Status":"open","Amount":4}]`)
			empty := write("empty.json", `[]`)

			// The sample passes every check but the warning, which
			// stops nothing.
			code, out, errOut := quality(t, bin, dir, store, "", "materialize")
			require.Equal(t, 0, code, "%s\n%s", out, errOut)
			lines := fields(out)
			assert.Contains(t, lines, "raw_orders unique_id passed 0 of 3 rows share their id with another row")
			assert.Contains(t, lines, "revenue on_target FAILED (warn) closed orders 200.00, target 250.00")
			assert.Regexp(t, `^3 steps: 3 succeeded in \S+ \(run \S+\)$`, lines[len(lines)-1])
			assert.Contains(t, errOut, "check   revenue     on_target FAILED (warn): closed orders 200.00, target 250.00")

			// Bad rows fail the column checks, with the failing rows
			// counted and shown; they are not blocking: everything runs.
			code, out, errOut = quality(t, bin, dir, store, bad, "materialize", "--json")
			require.Equal(t, 0, code, "%s\n%s", out, errOut)
			type event struct {
				Type     string         `json:"type"`
				RunID    string         `json:"run_id"`
				Asset    string         `json:"asset"`
				Metadata map[string]any `json:"metadata"`
				Check    *struct {
					Name     string `json:"name"`
					Passed   bool   `json:"passed"`
					Severity string `json:"severity"`
				} `json:"check"`
			}
			var checks []event
			runID := ""
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				var e event
				require.NoError(t, json.Unmarshal([]byte(l), &e), l)
				runID = e.RunID
				if e.Type == "check_evaluated" {
					checks = append(checks, e)
				}
			}
			require.Len(t, checks, 6)
			outcome := map[string]string{}
			for _, c := range checks {
				s := "passed"
				if !c.Check.Passed {
					s = "failed " + c.Check.Severity
				}
				outcome[c.Asset+" "+c.Check.Name] = s
			}
			assert.Equal(t, map[string]string{
				"raw_orders not_null_id": "passed", "raw_orders unique_id": "failed error",
				"raw_orders accepted_values_status": "failed error", "raw_orders min_amount": "failed error",
				"raw_orders raw_orders_not_empty": "passed", "revenue on_target": "failed warn",
			}, outcome)
			assert.Equal(t, "unique_id", checks[1].Check.Name)
			assert.EqualValues(t, 4, checks[1].Metadata["failing_rows"])
			assert.EqualValues(t, 4, checks[1].Metadata["rows"])
			assert.Len(t, checks[1].Metadata["examples"], 4)
			assert.Equal(t, []any{map[string]any{"id": "1", "status": "lost", "amount": "-5"}}, normalize(checks[2].Metadata["examples"]))

			// The history has them: runs show and status.
			code, out, _ = quality(t, bin, dir, store, "", "runs", "show", runID)
			require.Equal(t, 0, code)
			assert.Contains(t, fields(out), "raw_orders min_amount FAILED (error) 1 of 4 rows have amount < 0")
			code, out, _ = quality(t, bin, dir, store, "", "status")
			require.Equal(t, 0, code)
			assert.Contains(t, out, "raw_orders: check unique_id FAILED (error) in run "+runID+": 4 of 4 rows share their id with another row\n")

			// check alone, on the stored outputs (the bad rows): it exits 1
			// for the failures of severity error, and records them.
			code, out, errOut = quality(t, bin, dir, store, "", "check", "--select", "raw_orders")
			assert.Equal(t, 1, code, "%s\n%s", out, errOut)
			assert.Equal(t, []string{
				"ASSET CHECK RESULT DESCRIPTION",
				"raw_orders not_null_id passed 0 of 4 rows have NULL id",
				"raw_orders unique_id FAILED (error) 4 of 4 rows share their id with another row",
				"raw_orders accepted_values_status FAILED (error) 1 of 4 rows have status outside open|closed",
				"raw_orders min_amount FAILED (error) 1 of 4 rows have amount < 0",
				"raw_orders raw_orders_not_empty passed -",
			}, fields(out))

			// An empty export fails the blocking check: revenue and report
			// are skipped, the run fails.
			code, out, errOut = quality(t, bin, dir, store, empty, "materialize")
			assert.Equal(t, 1, code, "%s\n%s", out, errOut)
			lines = fields(out)
			assert.Contains(t, lines, "revenue skipped - - -")
			assert.Contains(t, lines, "report skipped - - -")
			assert.Contains(t, lines, "revenue: blocking check raw_orders_not_empty of raw_orders failed (error)")
			assert.Contains(t, lines, "raw_orders raw_orders_not_empty FAILED (error, blocking) the export has no orders")

			// --no-checks: nothing is checked, nothing is skipped.
			code, out, errOut = quality(t, bin, dir, store, empty, "materialize", "--no-checks")
			assert.Equal(t, 0, code, "%s\n%s", out, errOut)
			assert.NotContains(t, out, "CHECK")
			assert.NotContains(t, errOut, "check ")
		})
	}
}

// normalize writes the numbers of example rows alike: DuckDB casts the
// double -5 to "-5.0", Go prints "-5".
func normalize(v any) any {
	rows, _ := v.([]any)
	for _, r := range rows {
		if m, ok := r.(map[string]any); ok {
			for k, val := range m {
				if s, ok := val.(string); ok && strings.HasSuffix(s, ".0") {
					m[k] = strings.TrimSuffix(s, ".0")
				}
			}
		}
	}
	return rows
}
