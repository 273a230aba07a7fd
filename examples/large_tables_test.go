package examples_test

import (
	"bufio"
	"bytes"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// largeTables runs the large_tables binary in dir with the environment
// env, and returns its exit status and standard error.
func largeTables(t *testing.T, bin, dir string, env ...string) (int, string) {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "materialize")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append(env, "ASSETGEN_HOME="+filepath.Join(dir, ".assetgen"))...)
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, stderr.String()
	case errors.As(err, &exit):
		return exit.ExitCode(), stderr.String()
	}
	t.Fatalf("large_tables: %v\n%s", err, &stderr)
	return 0, ""
}

// tableCounts reads what the large_tables example stored in dir, through
// DuckDB (which also reads the fs manager's JSON lines files): the rows
// of events and cleaned, the events summed by daily_totals, and the rows
// of busiest.
func tableCounts(t *testing.T, dir string, files bool) []int64 {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	require.NoError(t, err)
	defer db.Close()
	from := func(table string) string {
		if files {
			return "read_json('" + filepath.Join(dir, "data", table+".json") + "', format = 'newline_delimited')"
		}
		return "lt." + table
	}
	if !files {
		_, err := db.Exec("ATTACH '" + filepath.Join(dir, "large_tables.duckdb") + "' AS lt (READ_ONLY)")
		require.NoError(t, err)
	}
	var out [4]int64
	require.NoError(t, db.QueryRow("SELECT (SELECT count(*) FROM "+from("events")+"), (SELECT count(*) FROM "+from("cleaned")+
		"), (SELECT sum(events) FROM "+from("daily_totals")+"), (SELECT count(*) FROM "+from("busiest")+")").Scan(&out[0], &out[1], &out[2], &out[3]))
	return out[:]
}

// TestLargeTables streams the large_tables example's events through
// DuckDB and through JSON lines files: the chain's tables agree; a
// producer failing halfway, and a run interrupted mid-stream, leave the
// tables of the last good run.
func TestLargeTables(t *testing.T) {
	t.Parallel()
	bin := build(t, "large_tables")
	for _, store := range []string{"duckdb", "fs"} {
		t.Run(store, func(t *testing.T) {
			dir := t.TempDir()
			env := []string{"LARGE_TABLES_STORE=" + store}
			code, stderr := largeTables(t, bin, dir, append(env, "EVENTS=100000")...)
			require.Equal(t, 0, code, stderr)
			// 100,000 events, of which a quarter are refunds, which
			// cleaned drops; four a minute, so 18 days.
			want := []int64{100_000, 75_000, 75_000, 18}
			require.Equal(t, want, tableCounts(t, dir, store == "fs"))

			code, stderr = largeTables(t, bin, dir, append(env, "EVENTS=120000", "EVENTS_FAIL_AT=60000")...)
			require.Equal(t, 1, code, stderr)
			require.Contains(t, stderr, "the stream failed after 60000 rows: event source failed at event 60000")
			require.Equal(t, want, tableCounts(t, dir, store == "fs"), "a failed stream leaves the tables of the last run")

			// Interrupted once half the events are made.
			mark := filepath.Join(dir, "half")
			cmd := exec.Command(bin, "materialize")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), append(env, "EVENTS=4000000", "EVENTS_MARK="+mark, "ASSETGEN_HOME="+filepath.Join(dir, ".assetgen"))...)
			var errOut bytes.Buffer
			cmd.Stderr = &errOut
			require.NoError(t, cmd.Start())
			deadline := time.Now().Add(5 * time.Minute)
			for {
				if _, err := os.Stat(mark); err == nil {
					break
				}
				require.True(t, time.Now().Before(deadline), "the events never reached half way:\n%s", &errOut)
				time.Sleep(10 * time.Millisecond)
			}
			require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
			err := cmd.Wait()
			var exit *exec.ExitError
			require.ErrorAs(t, err, &exit, "%s", &errOut)
			require.Equal(t, 130, exit.ExitCode(), "%s", &errOut)
			require.Contains(t, lastLines(errOut.String()), "canceled")
			require.Equal(t, want, tableCounts(t, dir, store == "fs"), "an interrupted stream leaves the tables of the last run")
		})
	}
}

// lastLines returns the last lines of s, for messages.
func lastLines(s string) string {
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return strings.Join(lines[max(0, len(lines)-8):], "\n")
}
