package examples_test

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPartitions backfills February 2026 with examples/partitions while
// one day fails, re-runs that day from the failure, changes another day's
// events and re-runs what went stale, reading the history back through
// status and partitions, and the data from the DuckDB file and the JSON
// files.
func TestPartitions(t *testing.T) {
	t.Parallel()
	bin := build(t, "partitions")
	dir := t.TempDir()

	// The landing directory, an external asset, is observed (empty): it
	// is never materialized, late_summary depends on it.
	stdout, _ := run(t, dir, bin, "observe")
	assert.Regexp(t, `(?m)^landing +external +cbf29ce484222325 +changed \(run \S+\) +files=0$`, stdout)

	// A partitioned asset needs partitions; a key it lacks gets a
	// did-you-mean.
	_, stderr, code := runEnv(t, dir, nil, bin, "materialize", "--select", "raw_events")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `asset raw_events is partitioned (Daily("2026-02-01", End("2026-03-01"))): give the partitions to run (2026-02-01...2026-02-28)`)
	_, stderr, code = runEnv(t, dir, nil, bin, "materialize", "--partition", "2026-02-30")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `asset raw_events, daily_totals: unknown partition "2026-02-30" (did you mean "2026-02-03"?); valid: 2026-02-01...2026-02-28`)

	// The backfill of a month, 2026-02-10 failing: that day and what
	// reads it do not run, every other partition does.
	stdout, _, code = runEnv(t, dir, []string{"PARTITIONS_FAIL_DAY=2026-02-10"}, bin,
		"materialize", "--partition-range", "2026-02-01...2026-02-28")
	require.Equal(t, 1, code, stdout)
	assert.Regexp(t, `(?m)^raw_events +failed +1 +\S+ +28 partitions: 27 success, 1 failed$`, stdout)
	assert.Regexp(t, `(?m)^daily_totals +skipped +1 +\S+ +28 partitions: 27 success, 1 skipped$`, stdout)
	assert.Regexp(t, `(?m)^weekly_rollup +skipped +1 +\S+ +4 partitions: 3 success, 1 skipped$`, stdout)
	assert.Regexp(t, `(?m)^regional_daily +skipped +1 +\S+ +84 partitions: 81 success, 3 skipped$`, stdout)
	assert.Contains(t, stdout, "raw_events[2026-02-10]: the events of 2026-02-10 are not available yet")
	assert.Contains(t, stdout, "summary: upstream weekly_rollup partition 2026-02-08 was skipped")
	m := regexp.MustCompile(`(?m)^146 steps: 139 succeeded, 1 failed, 6 skipped in \S+ \(run (\S+)\)$`).FindStringSubmatch(stdout)
	require.NotNil(t, m, stdout)
	failed := m[1]
	assert.Equal(t, 27, countRows(t, dir, `SELECT count(DISTINCT day) FROM analytics.daily_totals`))

	stdout, _ = run(t, dir, bin, "status")
	assert.Contains(t, stdout, ""+
		"daily_totals    █████████░██████████████████                        27 materialized, 0 failed, 1 missing of 28\n"+
		"raw_events      █████████╳██████████████████                        27 materialized, 1 failed, 0 missing of 28\n"+
		"regional_daily  ████████████████░░████████████████████████████████  81 materialized, 0 failed, 3 missing of 84\n"+
		"weekly_rollup   █░██                                                3 materialized, 0 failed, 1 missing of 4\n"+
		"                █ fresh  ▓ stale  ╳ failed  ░ missing\n")

	// A range of days picks those days of every region.
	stdout, _ = run(t, dir, bin, "partitions", "regional_daily", "--partition-range", "2026-02-10...2026-02-11")
	assert.Regexp(t, `(?m)^2026-02-10\|eu\.\.\.2026-02-10\|apac \(3\) +missing +- +- +never materialized\n2026-02-11\|eu\.\.\.2026-02-11\|apac \(3\) +fresh `, stdout)

	stdout, _ = run(t, dir, bin, "partitions", "raw_events", "--json")
	var parts struct {
		Counts struct {
			Total, Materialized, Fresh, Stale, Failed, Missing int
			Health                                             []string
		}
		Partitions []struct {
			Partition, Status string
			LastAttempt       struct{ RunID, Status, Error string } `json:"last_attempt"`
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &parts))
	assert.Equal(t, []int{28, 27, 27, 0, 1, 0}, []int{parts.Counts.Total, parts.Counts.Materialized, parts.Counts.Fresh, parts.Counts.Stale, parts.Counts.Failed, parts.Counts.Missing})
	health := slices.Repeat([]string{"fresh"}, 28)
	health[9] = "failed"
	assert.Equal(t, health, parts.Counts.Health)
	require.Len(t, parts.Partitions, 28)
	p := parts.Partitions[9]
	assert.Equal(t, []string{"2026-02-10", "failed", "failed", "the events of 2026-02-10 are not available yet"},
		[]string{p.Partition, p.Status, p.LastAttempt.Status, p.LastAttempt.Error})
	assert.Equal(t, "2026-02-28", parts.Partitions[27].Partition)

	// From the failure: that day and what reads it, nothing else.
	stdout, _ = run(t, dir, bin, "materialize", "--from-failure", failed, "--json")
	assert.Equal(t, []string{
		"daily_totals[2026-02-10]", "raw_events[2026-02-10]",
		"regional_daily[2026-02-10|apac]", "regional_daily[2026-02-10|eu]", "regional_daily[2026-02-10|us]",
		"summary", "weekly_rollup[2026-02-08]",
	}, succeeded(t, stdout))
	assert.Equal(t, 28, countRows(t, dir, `SELECT count(DISTINCT day) FROM analytics.daily_totals`))
	assert.Equal(t, 84, countRows(t, dir, `SELECT count(*) FROM analytics.daily_totals`))
	checkSummary(t, dir)

	// Late events for 2026-02-17: the partitions that read that day are
	// stale, and only they run again.
	_, _, code = runEnv(t, dir, []string{"PARTITIONS_LATE_DAY=2026-02-17"}, bin,
		"materialize", "--select", "raw_events", "--partition", "2026-02-17")
	require.Equal(t, 0, code)
	stdout, _ = run(t, dir, bin, "status")
	assert.Contains(t, stdout, ""+
		"daily_totals    ████████████████▓███████████                        28 materialized (1 stale), 0 failed, 0 missing of 28\n"+
		"raw_events      ████████████████████████████                        28 materialized, 0 failed, 0 missing of 28\n")
	assert.Regexp(t, `(?m)^summary +stale +upstream stale weekly_rollup \(1 partition not fresh\) `, stdout)
	stdout, _ = run(t, dir, bin, "partitions", "daily_totals", "--status", "stale")
	assert.Regexp(t, `(?m)^2026-02-17 +stale .* upstream data changed raw_events \(partition 2026-02-17: \w+ -> \w+\)$`, stdout)
	stdout, _ = run(t, dir, bin, "materialize", "--stale", "--json")
	assert.Equal(t, []string{
		"daily_totals[2026-02-17]",
		"regional_daily[2026-02-17|apac]", "regional_daily[2026-02-17|eu]", "regional_daily[2026-02-17|us]",
		"summary", "weekly_rollup[2026-02-15]",
	}, succeeded(t, stdout))
	checkSummary(t, dir)
	stdout, _ = run(t, dir, bin, "status")
	assert.Contains(t, stdout, "7 assets: 7 fresh, 0 stale")
}

// runEnv runs bin with args in dir, with env added to the environment, and
// returns its stdout, stderr and exit status.
func runEnv(t *testing.T, dir string, env []string, bin string, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr strings.Builder
	cmd := command(dir, bin, args...)
	cmd.Env = append(cmd.Env, env...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := cmd.ProcessState.ExitCode()
	if code < 0 {
		require.NoError(t, err)
	}
	return stdout.String(), stderr.String(), code
}

// succeeded returns the steps that succeeded in the JSON events of a
// run, as "asset[partition]", sorted.
func succeeded(t *testing.T, events string) []string {
	t.Helper()
	var out []string
	for line := range strings.Lines(events) {
		var e struct{ Type, Asset, Partition string }
		require.NoError(t, json.Unmarshal([]byte(line), &e), line)
		switch {
		case e.Type != "step_success":
		case e.Partition == "":
			out = append(out, e.Asset)
		default:
			out = append(out, e.Asset+"["+e.Partition+"]")
		}
	}
	slices.Sort(out)
	return out
}

// countRows returns the one integer that query gives in the example's
// DuckDB file.
func countRows(t *testing.T, dir, query string) int {
	t.Helper()
	db, err := sql.Open("duckdb", filepath.Join(dir, "data", "partitions", "warehouse.duckdb"))
	require.NoError(t, err)
	defer db.Close()
	var n int
	require.NoError(t, db.QueryRow(query).Scan(&n))
	return n
}

// checkSummary checks the summary against the raw events of every day,
// read from their files.
func checkSummary(t *testing.T, dir string) {
	t.Helper()
	var events, amount int64
	byRegion := map[string]int64{}
	files, err := filepath.Glob(filepath.Join(dir, "data", "partitions", "raw_events", "partition=*.json"))
	require.NoError(t, err)
	require.Len(t, files, 28)
	for _, f := range files {
		var day []struct {
			Region string
			Amount int64
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(data, &day))
		for _, e := range day {
			events++
			amount += e.Amount
			byRegion[e.Region] += e.Amount
		}
	}
	var sum struct {
		Weeks          int
		Events, Amount int64
		ByRegion       map[string]int64
	}
	data, err := os.ReadFile(filepath.Join(dir, "data", "partitions", "summary.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &sum))
	assert.Equal(t, 4, sum.Weeks)
	assert.Equal(t, events, sum.Events)
	assert.Equal(t, amount, sum.Amount)
	assert.Equal(t, byRegion, sum.ByRegion)
}

// TestPartitionsAutomation simulates a day of examples/partitions' daemon
// in two halves, with late events dropped in the landing directory
// before the day and at noon: the nightly schedule makes yesterday, the
// sensor runs again the days whose late events landed, the daemon
// observes the landing directory (an external asset), and the eager
// conditions follow: daily_totals after raw_events, late_summary after
// each new observation of the directory.
func TestPartitionsAutomation(t *testing.T) {
	t.Parallel()
	bin := build(t, "partitions")
	dir := t.TempDir()
	landing := filepath.Join(dir, "data", "partitions", "landing")
	require.NoError(t, os.MkdirAll(landing, 0o755))
	drop := func(day, events string) {
		require.NoError(t, os.WriteFile(filepath.Join(landing, day+".json"), []byte(events), 0o644))
	}
	drop("2026-02-08", `[{"ID":"late-1","Time":"2026-02-08T23:50:00Z","Region":"eu","Amount":1200}]`)

	launches := func(out string) []string {
		var got []string
		for _, m := range regexp.MustCompile(`(?m)^(\S+) (observed landing: data version \w+ \(run \S+\)|[a-z ]+\w+: launched run \S+: .*)$`).FindAllStringSubmatch(out, -1) {
			got = append(got, m[1]+" "+regexp.MustCompile(`(run|version) [0-9a-f-]+`).ReplaceAllString(m[2], "$1 …"))
		}
		return got
	}
	stdout, _ := run(t, dir, bin, "daemon", "--simulate", "2026-02-10T00:00:00Z", "--until", "2026-02-10T11:00:00Z")
	assert.Equal(t, []string{
		"2026-02-10T00:00:00Z observed landing: data version … (run …)",
		"2026-02-10T00:00:00Z sensor late_events: launched run …: raw_events [2026-02-08]",
		"2026-02-10T00:00:00Z condition: launched run …: late_summary",
		"2026-02-10T01:00:00Z schedule nightly: launched run …: raw_events [2026-02-09]",
		"2026-02-10T02:00:00Z condition: launched run …: daily_totals [2026-02-09]",
	}, launches(stdout), stdout)
	assert.NotContains(t, stdout, "failed")

	// Late events of yesterday land at noon.
	drop("2026-02-09", `[{"ID":"late-2","Time":"2026-02-09T22:10:00Z","Region":"us","Amount":800},`+
		`{"ID":"late-3","Time":"2026-02-09T23:40:00Z","Region":"apac","Amount":450}]`)
	stdout, _ = run(t, dir, bin, "daemon", "--simulate", "2026-02-10T12:00:00Z", "--until", "2026-02-10T23:00:00Z")
	assert.Equal(t, []string{
		"2026-02-10T12:00:00Z observed landing: data version … (run …)",
		"2026-02-10T12:00:00Z sensor late_events: launched run …: raw_events [2026-02-09]",
		"2026-02-10T12:00:00Z condition: launched run …: late_summary",
		"2026-02-10T13:00:00Z condition: launched run …: daily_totals [2026-02-09]",
	}, launches(stdout), stdout)
	assert.NotContains(t, stdout, "failed")

	// The data: the late events are in raw_events, in daily_totals and in
	// the summary of the landing directory.
	var late struct {
		Days           []string
		Events, Amount int64
	}
	data, err := os.ReadFile(filepath.Join(dir, "data", "partitions", "late_summary.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &late))
	assert.Equal(t, []string{"2026-02-08", "2026-02-09"}, late.Days)
	assert.Equal(t, []int64{3, 2450}, []int64{late.Events, late.Amount})
	var day []struct{ ID string }
	data, err = os.ReadFile(filepath.Join(dir, "data", "partitions", "raw_events", "partition=2026-02-09.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &day))
	assert.Equal(t, "late-3", day[len(day)-1].ID)
	assert.Equal(t, len(day), countRows(t, dir, `SELECT sum(events) FROM analytics.daily_totals WHERE day = '2026-02-09'`))

	// What status and the history say.
	stdout, _ = run(t, dir, bin, "status", "--json")
	var entries []struct {
		Asset       string
		Status      string
		Observation *struct {
			External    bool
			DataVersion string `json:"data_version"`
			Source      string
			Metadata    map[string]any
		} `json:"last_observation"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &entries))
	for _, e := range entries {
		switch e.Asset {
		case "landing":
			require.NotNil(t, e.Observation)
			assert.True(t, e.Observation.External)
			assert.Equal(t, "daemon", e.Observation.Source)
			assert.Equal(t, float64(2), e.Observation.Metadata["files"])
			assert.Equal(t, "fresh", e.Status)
		case "late_summary":
			assert.Equal(t, "fresh", e.Status)
		}
	}
	stdout, _ = run(t, dir, bin, "runs", "--json", "-n", "0")
	assert.Equal(t, 2, strings.Count(stdout, `"observe": "daemon"`), "an observation run per new data version")
	stdout, _ = run(t, dir, bin, "automation")
	assert.Regexp(t, `(?m)^sensor +late_events +every 1m0s `, stdout)
}
