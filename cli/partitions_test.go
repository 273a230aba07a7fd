package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/assetgen/assetgen/internal/runview"
	"github.com/assetgen/assetgen/runtime"
)

// partEnv is the environment of the partitioned test pipeline, storing
// its outputs and history in dirs of its own that the calls share.
func partEnv(t *testing.T, more ...string) []string {
	return append([]string{"PIPELINE_PARTITIONS=1", "PIPELINE_DATA=" + t.TempDir(), "ASSETGEN_HOME=" + t.TempDir()}, more...)
}

// jsonRun is materialize --json parsed back: the steps that ended, as
// "status asset[partition]", and the progress each step_success gave.
type jsonRun struct {
	ended    []string
	progress map[string]string // "raw[2024-01-03]" -> "3/10, 0 failed"
	plan     []jsonPlanAsset
	runID    string
}

func parseJSONRun(t *testing.T, r result) jsonRun {
	t.Helper()
	out := jsonRun{progress: map[string]string{}}
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var j jsonEvent
		if err := json.Unmarshal(sc.Bytes(), &j); err != nil {
			t.Fatalf("%v: %s", err, sc.Text())
		}
		name := stepName(runtime.Key(j.Asset), j.Partition)
		switch j.Type {
		case "run_start":
			out.plan, out.runID = j.Plan, j.RunID
		case "step_success", "step_failure", "step_skipped":
			out.ended = append(out.ended, strings.TrimPrefix(j.Type, "step_")+" "+name)
			if j.Progress != nil {
				out.progress[name] = fmt.Sprintf("%d/%d, %d failed, %d skipped", j.Progress.Done, j.Progress.Total, j.Progress.Failed, j.Progress.Skipped)
			}
			if j.Partition != "" && len(j.PartitionKeys) == 0 {
				t.Errorf("%s: no partition_keys", name)
			}
		}
	}
	slices.Sort(out.ended)
	return out
}

// days returns "status asset[2024-01-DD]" for each day.
func days(status, asset string, ds ...int) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s %s[2024-01-%02d]", status, asset, d))
	}
	return out
}

func daysFrom(lo, hi int) []int {
	var out []int
	for d := lo; d <= hi; d++ {
		out = append(out, d)
	}
	return out
}

func sorted(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	slices.Sort(out)
	return out
}

// A backfill of a range with a failing day; the failed day re-run from
// the failure, alone with what reads it; status, its health bar and the
// partitions command.
func TestPartitionsBackfill(t *testing.T) {
	env := partEnv(t)
	sel := "raw or totals"
	r := run(t, append(env, "PIPELINE_FAIL_DAY=2024-01-05"), "materialize", "--select", sel, "--partition-range", "2024-01-01...2024-01-10", "--json", "-j", "2")
	r.want(t, 1)
	jr := parseJSONRun(t, r)
	same(t, "plan", []jsonPlanAsset{{Asset: "raw", Steps: 10, Partitions: 10}, {Asset: "totals", Steps: 10, Partitions: 10}}, jr.plan)
	same(t, "steps", sorted(days("success", "raw", 1, 2, 3, 4, 6, 7, 8, 9, 10), days("failure", "raw", 5),
		days("success", "totals", 1, 2, 3, 4, 6, 7, 8, 9, 10), days("skipped", "totals", 5)), jr.ended)
	// The last partition of raw to end saw 10 of 10 done, one failed.
	var last []string
	for _, p := range jr.progress {
		if strings.HasPrefix(p, "10/10") {
			last = append(last, p)
		}
	}
	slices.Sort(last)
	same(t, "progress at the end", []string{"10/10, 0 failed, 1 skipped", "10/10, 1 failed, 0 skipped"}, last)
	failed := jr.runID

	// Plain lines carry the progress; the summary has a row per asset, in
	// the order of the run (summary, unpartitioned, last), and the failed
	// partitions.
	r = run(t, partEnv(t, "PIPELINE_FAIL_DAY=2024-01-02"), "materialize", "--select", sel+" or summary", "--partition-range", "2024-01-01...2024-01-03", "-j", "1")
	r.want(t, 1, `(?m)^ASSET .*\nraw +failed .*\ntotals +skipped .*\nsummary +skipped .*\n\n`, `err:(?m)^ok +raw\[2024-01-03\] +\[3/3, 1 failed\] `, `err:(?m)^FAIL +raw\[2024-01-02\] +\[2/3, 1 failed\] `,
		`err:(?m)^skip +totals\[2024-01-02\] +\[\d/3, 1 skipped\] `,
		summaryRow("raw", "failed", "1")+`.* +3 partitions: 2 success, 1 failed$`,
		summaryRow("totals", "skipped", "1")+`.* +3 partitions: 2 success, 1 skipped$`,
		`(?m)^raw\[2024-01-02\]: no data for 2024-01-02$`, `(?m)^totals\[2024-01-02\]: upstream raw partition 2024-01-02 failed$`)

	// status: counts and a health bar, one cell per partition or two.
	r = run(t, env, "status", "--select", sel)
	r.want(t, 0,
		`(?m)^raw +stale +partitions: 9 materialized, 1 failed, 50 missing of 60 `,
		`(?m)^totals +stale +partitions: 9 materialized, 0 failed, 51 missing of 60 `,
		// 60 days in 50 cells: cell 4 holds days 5 and 6.
		`(?m)^raw +████╳████`+strings.Repeat("░", 41)+`  9 materialized, 1 failed, 50 missing of 60$`,
		`(?m)^totals +████░████`+strings.Repeat("░", 41)+`  9 materialized, 0 failed, 51 missing of 60$`,
		`█ fresh  ▓ stale  ╳ failed  ░ missing`)
	var st []statusEntry
	r = run(t, env, "status", "--select", "raw", "--json")
	r.want(t, 0)
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil {
		t.Fatal(err)
	}
	health := slices.Concat(slices.Repeat([]string{"fresh"}, 4), []string{"failed"}, slices.Repeat([]string{"fresh"}, 4), slices.Repeat([]string{"missing"}, 41))
	same(t, "status --json", &runview.Partitions{Total: 60, Materialized: 9, Fresh: 9, Failed: 1, Missing: 50, Health: health}, st[0].Partitions)

	run(t, env, "partitions", "raw").want(t, 0,
		`(?m)^raw: 9 materialized, 1 failed, 50 missing of 60$`,
		`(?m)^2024-01-01\.\.\.2024-01-04 \(4\) +fresh +\d{4}-.* `+failed+` +-$`,
		`(?m)^2024-01-05 +failed +- +`+failed+` +last attempt failed \(in run `+failed+`: no data for 2024-01-05\)$`,
		`(?m)^2024-01-06\.\.\.2024-01-10 \(5\) +fresh `,
		`(?m)^2024-01-11\.\.\.2024-02-29 \(50\) +missing +- +- +never materialized$`)
	run(t, env, "partitions", "raw", "--status", "failed,stale").want(t, 0, `(?m)^2024-01-05 +failed `)
	run(t, env, "partitions", "totals", "-n", "1").want(t, 0, `(?m)^2024-01-01\.\.\.2024-01-04 \(4\) +fresh`, `\.\.\. 3 more lines; `)

	// From the failure: the failed day of raw and of totals, nothing else.
	r = run(t, env, "materialize", "--from-failure", failed, "--json")
	r.want(t, 0, "err:re-executing the failed steps of 2 assets \\(2 partitions\\) of run "+failed)
	rerun := parseJSONRun(t, r)
	same(t, "re-run", sorted(days("success", "raw", 5), days("success", "totals", 5)), rerun.ended)
	run(t, env, "partitions", "raw").want(t, 0, `(?m)^2024-01-05 +fresh .* `+rerun.runID+` +-$`, `(?m)^2024-01-06\.\.\.2024-01-10 \(5\) +fresh `)
	run(t, env, "status", "--select", sel).want(t, 0, `(?m)^raw +stale +partitions: 10 materialized, 0 failed, 50 missing of 60 `)
	run(t, env, "materialize", "--from-failure", rerun.runID).want(t, 0, "err:run "+rerun.runID+" succeeded; nothing to re-execute")
}

// --stale runs the stale, failed and missing partitions only, through
// the mappings: a code version, changed upstream data; the same data
// stored again keeps the downstream fresh.
func TestPartitionsStale(t *testing.T) {
	env := partEnv(t)
	ten := []string{"--partition-range", "2024-01-01...2024-01-10"}
	run(t, env, append([]string{"materialize", "--select", "raw or totals"}, ten...)...).want(t, 0)
	run(t, env, append([]string{"materialize", "--stale", "--select", "raw or totals", "--json"}, ten...)...).want(t, 0,
		"err:every selected asset is fresh in the partitions asked for; nothing to materialize")

	// A new code version of totals: its ten partitions, not raw's.
	v2 := append(slices.Clone(env), "PIPELINE_TOTALS_VERSION=v2")
	run(t, v2, "status", "--select", "totals").want(t, 0, `(?m)^totals +stale +partitions: 10 materialized \(10 stale\), 0 failed, 50 missing of 60 `)
	run(t, v2, "partitions", "totals", "--status", "stale").want(t, 0,
		`(?m)^2024-01-01\.\.\.2024-01-10 \(10\) +stale .* code version changed$`)
	r := run(t, v2, append([]string{"materialize", "--stale", "--select", "raw or totals", "--json"}, ten...)...)
	r.want(t, 0)
	same(t, "--stale after a code change", days("success", "totals", daysFrom(1, 10)...), parseJSONRun(t, r).ended)

	// raw 2024-01-03 again, with the same data: totals stays fresh.
	run(t, v2, "materialize", "--select", "raw", "--partition", "2024-01-03").want(t, 0)
	run(t, v2, "status", "--select", "totals").want(t, 0, `(?m)^totals +stale +partitions: 10 materialized, 0 failed, 50 missing of 60 `)
	// With new data: that partition of totals only.
	run(t, append(v2, "PIPELINE_RAW_ADD=1"), "materialize", "--select", "raw", "--partition", "2024-01-03").want(t, 0)
	run(t, v2, "partitions", "totals", "--status", "stale").want(t, 0,
		`(?m)^2024-01-03 +stale .* upstream data changed raw \(partition 2024-01-03: [0-9a-z:]+ -> [0-9a-z:]+\)$`)
	r = run(t, v2, append([]string{"materialize", "--stale", "--select", "raw or totals", "--json"}, ten...)...)
	r.want(t, 0)
	same(t, "--stale after new upstream data", days("success", "totals", 3), parseJSONRun(t, r).ended)

	// Without --partition...: every stale or missing partition, with the
	// upstream partitions never materialized.
	r = run(t, v2, "materialize", "--stale", "--select", "totals", "--dry-run", "--json")
	r.want(t, 0, `"asset":"totals","partitions":50,"steps":50,"range":"2024-01-11...2024-02-29"`,
		`"asset":"raw","partitions":50,"steps":50,"range":"2024-01-11...2024-02-29"`)
}

// A step of a whole range (backfill=single) is recorded per partition;
// a weekly asset maps the days it reads.
func TestPartitionsRangeStep(t *testing.T) {
	env := partEnv(t)
	r := run(t, env, "materialize", "--select", "raw or rollup or weekly", "--partition-range", "2024-01-07...2024-01-20")
	r.want(t, 0,
		summaryRow("rollup", "success", "1")+`.* +14 partitions: 14 success$`,
		summaryRow("weekly", "success", "1")+`.* +2 partitions: 2 success$`,
		`err:(?m)^ok +rollup\[2024-01-07\.\.\.2024-01-20\] +\[14/14\] `)
	id := runID(t, r)
	run(t, env, "partitions", "rollup").want(t, 0, `(?m)^2024-01-07\.\.\.2024-01-20 \(14\) +fresh +.* `+id+` +-$`)
	run(t, env, "partitions", "weekly").want(t, 0, `(?m)^2024-01-07\.\.\.2024-01-14 \(2\) +fresh `)
	run(t, env, "runs", "show", id).want(t, 0, `(?m)^Steps: +30 success$`, `(?m)^Partitions: +raw 2024-01-07\.\.\.2024-01-20$`,
		`(?m)^rollup +success +1 .* 14 partitions: 14 success$`)
	// Re-running one day of raw with new data makes that day of rollup
	// stale, and the week that reads it.
	run(t, append(env, "PIPELINE_RAW_ADD=5"), "materialize", "--select", "raw", "--partition", "2024-01-08").want(t, 0)
	run(t, env, "partitions", "rollup", "--status", "stale").want(t, 0, `(?m)^2024-01-08 +stale .* upstream data changed raw `)
	run(t, env, "partitions", "weekly", "--status", "stale").want(t, 0, `(?m)^2024-01-07 +stale .* upstream data changed raw \(7 partitions 2024-01-07\.\.\.2024-01-13\)$`)
}

// Keys of dynamic partitions added by two processes at once are seen by
// a run in a third.
func TestDynamicPartitionsAcrossProcesses(t *testing.T) {
	env := partEnv(t)
	run(t, env, "dynamic").want(t, 0, `(?m)^customers +0 +accounts$`)
	run(t, env, "materialize", "--select", "accounts", "--partition", "acme").want(t, 2,
		`err:unknown partition "acme"`)
	var wg sync.WaitGroup
	results := make([]result, 2)
	for i, keys := range [][]string{{"acme", "globex"}, {"initech", "acme"}} {
		wg.Go(func() {
			cmd := pipeline(t, env, append([]string{"dynamic", "add", "customers"}, keys...)...)
			results[i] = runCmd(t, cmd)
		})
	}
	wg.Wait()
	for _, r := range results {
		r.want(t, 0, `(?m)^customers: added [12] keys?`)
	}
	r := run(t, env, "dynamic", "list", "customers")
	r.want(t, 0)
	got := strings.Fields(r.stdout)
	slices.Sort(got)
	same(t, "keys", []string{"acme", "globex", "initech"}, got)

	r = run(t, env, "materialize", "--select", "accounts", "--partitions", "acme,initech", "--json")
	r.want(t, 0)
	same(t, "accounts", []string{"success accounts[acme]", "success accounts[initech]"}, parseJSONRun(t, r).ended)
	run(t, env, "status", "--select", "accounts").want(t, 0, `(?m)^accounts +stale +partitions: 2 materialized, 0 failed, 1 missing of 3 `)

	run(t, env, "dynamic", "delete", "customers", "globex", "nope").want(t, 1, `(?m)^customers: deleted 1 key$`, `err:customers has no key "nope"`)
	run(t, env, "dynamic", "add", "customers", "a/b", "..x").want(t, 2, `err:invalid keys, nothing added`, `err:key "a/b"`, `err:key "..x"`)
	// Each bad key is named once, by the reason it is refused.
	if r := run(t, env, "dynamic", "add", "customers", "a/b"); strings.Count(r.stderr, `"a/b"`) != 1 {
		t.Errorf("dynamic add names the bad key %d times, want once:\n%s", strings.Count(r.stderr, `"a/b"`), r.stderr)
	}
	run(t, env, "dynamic", "add", "customer", "x").want(t, 2, `err:no dynamic partitions definition "customer" \(did you mean "customers"\?\)`)
	run(t, env, "status", "--select", "accounts").want(t, 0, `(?m)^accounts +fresh +partitions: 2 materialized, 0 failed, 0 missing of 2 `)
}

// Bad requests are usage errors that say what is valid.
func TestPartitionsUsageErrors(t *testing.T) {
	env := partEnv(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"materialize", "--select", "raw"}, `asset raw is partitioned \(Daily\("2024-01-01", End\("2024-03-01"\)\)\): give the partitions to run \(2024-01-01\.\.\.2024-02-29\)`},
		{[]string{"materialize", "--select", "raw", "--partition", "2024-13-01"}, `unknown partition "2024-13-01" \(did you mean "2024-01-01"\?\); valid: 2024-01-01\.\.\.2024-02-29`},
		{[]string{"materialize", "--select", "raw", "--partition", "2024-01-01", "--partitions", "2024-01-02"}, `--partition and --partitions cannot be combined`},
		{[]string{"materialize", "--select", "raw", "--partition-range", "2024-01-01"}, `--partition-range: `},
		{[]string{"materialize", "--select", "raw", "--partition", "2024-01-01...2024-01-02"}, `a range goes with --partition-range`},
		{[]string{"materialize", "--select", "raw", "--partitions", "2024-01-01,2024-01-01"}, `--partitions: `},
		{[]string{"materialize", "--from-failure", "x", "--partition", "2024-01-01"}, `--from-failure and --partition... cannot be combined`},
		{[]string{"partitions"}, `want an asset key`},
		{[]string{"partitions", "totalz"}, `no asset "totalz" \(did you mean "totals"\?\)`},
		{[]string{"partitions", "summary"}, `asset summary is not partitioned`},
		{[]string{"partitions", "raw", "--status", "stael"}, `unknown state "stael" \(did you mean "stale"\?\)`},
		{[]string{"dynamic", "ad", "customers", "x"}, `unknown subcommand "ad" \(did you mean "add"\?\)`},
	} {
		r := run(t, env, c.args...)
		r.want(t, 2, "err:"+c.want)
		if r.stdout != "" {
			t.Errorf("%v wrote to stdout: %q", c.args, r.stdout)
		}
	}
}

// same fails t when got is not want, as JSON shows them.
func same(t *testing.T, what string, want, got any) {
	t.Helper()
	w, _ := json.Marshal(want)
	g, _ := json.Marshal(got)
	if string(w) != string(g) {
		t.Errorf("%s:\n got %s\nwant %s", what, g, w)
	}
}
