package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/pgtest"
	"github.com/assetgen/assetgen/runtime"
	_ "modernc.org/sqlite" // the driver of the history's SQLite files
)

// store is a history home and an fs data directory shared by several
// commands, as on a user's machine.
func store(t *testing.T) []string {
	t.Helper()
	return []string{"ASSETGEN_HOME=" + t.TempDir(), "PIPELINE_DATA=" + t.TempDir()}
}

func with(env []string, more ...string) []string {
	return append(append([]string{}, env...), more...)
}

var runIDPattern = regexp.MustCompile(`\(run ([0-9a-f-]+)\)`)

// runID returns the run ID in materialize's summary.
func runID(t *testing.T, r result) string {
	t.Helper()
	m := runIDPattern.FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("no run ID in the summary:\n%s", r)
	}
	return m[1]
}

// runsJSON is runs --json parsed back.
func runsJSON(t *testing.T, env []string, args ...string) []runEntry {
	t.Helper()
	r := run(t, env, append([]string{"runs", "--json"}, args...)...)
	r.want(t, 0)
	var runs []runEntry
	if err := json.Unmarshal([]byte(r.stdout), &runs); err != nil {
		t.Fatalf("runs --json: %v\n%s", err, r)
	}
	return runs
}

// statusJSON is status --json parsed back, by asset.
func statusJSON(t *testing.T, env []string) map[string]statusEntry {
	t.Helper()
	r := run(t, env, "status", "--json")
	r.want(t, 0)
	var entries []statusEntry
	if err := json.Unmarshal([]byte(r.stdout), &entries); err != nil {
		t.Fatalf("status --json: %v\n%s", err, r)
	}
	m := map[string]statusEntry{}
	for _, e := range entries {
		m[e.Asset] = e
	}
	return m
}

// statusRow matches the status row of an asset.
func statusRow(asset, status, why string) string {
	return `(?m)^` + regexp.QuoteMeta(asset) + ` +` + status + ` +` + why
}

func TestHistoryRuns(t *testing.T) {
	env := store(t)
	run(t, env, "runs").want(t, 0, "err:no runs recorded: there is no run history at .* yet \\(materialize creates it\\)\n$")
	if runs := runsJSON(t, env); len(runs) != 0 {
		t.Errorf("runs --json before any run: %+v", runs)
	}

	state := filepath.Join(t.TempDir(), "flaky")
	r := run(t, with(env, "PIPELINE_FAIL=1", "PIPELINE_FLAKY_STATE="+state), "materialize")
	r.want(t, 1)
	failed := runID(t, r)
	r = run(t, env, "materialize", "--select", "+combined_data")
	r.want(t, 0)
	ok := runID(t, r)

	// Neither --dry-run nor --no-history records anything.
	run(t, env, "materialize", "--dry-run").want(t, 0)
	run(t, env, "materialize", "--no-history", "--select", "people").want(t, 0)

	r = run(t, env, "runs")
	r.want(t, 0,
		`(?m)^RUN ID +STATUS +START +DURATION +STEPS$`,
		`(?m)^`+ok+` +success +\S+ \S+ +\S+ +3 success$`,
		`(?m)^`+failed+` +failed +\S+ \S+ +\S+ +8 success, 1 failed, 1 skipped$`,
	)
	if strings.Index(r.stdout, ok) > strings.Index(r.stdout, failed) {
		t.Errorf("runs: not newest first:\n%s", r.stdout)
	}
	runs := runsJSON(t, env)
	if len(runs) != 2 || runs[0].ID != ok || runs[1].ID != failed {
		t.Fatalf("runs --json: %+v, want %s then %s", runs, ok, failed)
	}
	if f := runs[1]; f.Status != "failed" || f.Steps["success"] != 8 || f.Steps["failed"] != 1 || f.Steps["skipped"] != 1 ||
		len(f.Selection) != 10 || f.End == nil || f.PID == 0 {
		t.Errorf("failed run in runs --json: %+v", f)
	}
	if runs := runsJSON(t, env, "-n", "1"); len(runs) != 1 || runs[0].ID != ok {
		t.Errorf("runs -n 1: %+v", runs)
	}
	// A list cut by -n says so; one that is not, does not.
	run(t, env, "runs", "-n", "1").want(t, 0, "err:only the newest run; -n 0 lists them all")
	if r := run(t, env, "runs", "-n", "2"); strings.Contains(r.stderr, "only the newest") {
		t.Errorf("runs -n 2 of 2 runs says the list was cut:\n%s", r.stderr)
	}

	r = run(t, env, "runs", "show", failed)
	r.want(t, 0,
		`(?m)^Run: +`+failed+`$`,
		`(?m)^Status: +failed$`,
		`(?m)^Steps: +8 success, 1 failed, 1 skipped$`,
		`(?m)^ASSET +STATUS +ATTEMPTS +START +DURATION +ERROR +METADATA$`,
		`(?m)^people +success +1 +\S+ \S+ +\S+ +- +.*rows=3`,
		`(?m)^broken +failed +1 +\S+ \S+ +\S+ +broken on purpose +-$`,
		`(?m)^after_broken +skipped +- +.* upstream broken failed`,
		`(?m)^flaky +success +2 .*attempt=2`,
		`(?m)^flaky: attempt 1: first attempt fails`,
	)
	// Flags may follow the ID; a unique prefix is enough.
	r = run(t, env, "runs", "show", failed[:len(failed)-4], "--json")
	r.want(t, 0)
	var shown struct {
		Run   runEntry    `json:"run"`
		Steps []stepEntry `json:"steps"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &shown); err != nil {
		t.Fatalf("runs show --json: %v\n%s", err, r)
	}
	if shown.Run.ID != failed || len(shown.Steps) != 10 {
		t.Fatalf("runs show --json: run %s with %d steps, want %s with 10", shown.Run.ID, len(shown.Steps), failed)
	}
	steps := map[string]stepEntry{}
	for _, s := range shown.Steps {
		steps[s.Asset] = s
	}
	if s := steps["combined_data"]; s.Status != "success" || s.Metadata["rows"] != 6.0 || s.DataVersion == "" ||
		s.InputVersions["people"] == "" || s.Start == nil || s.End == nil {
		t.Errorf("combined_data in runs show --json: %+v", s)
	}
	if s := steps["people"]; s.CodeVersion != "v1" {
		t.Errorf("people in runs show --json: code version %q, want v1", s.CodeVersion)
	}
	if s := steps["broken"]; s.Status != "failed" || s.Error != "broken on purpose" || s.Attempts != 1 {
		t.Errorf("broken in runs show --json: %+v", s)
	}
	if s := steps["flaky"]; s.Attempts != 2 || len(s.Retries) != 1 || !strings.Contains(s.Retries[0].Error, "first attempt fails") {
		t.Errorf("flaky in runs show --json: %+v", s)
	}
	if s := steps["after_broken"]; s.Status != "skipped" || s.Cause != "broken" {
		t.Errorf("after_broken in runs show --json: %+v", s)
	}

	// The lines the steps logged, recorded with the run.
	run(t, env, "runs", "logs", failed).want(t, 0,
		`(?m)^\d\d:\d\d:\d\d\.\d{3} INFO +people +loading people$`,
		`(?m)^\S+ WARN +flaky +failing on purpose attempt=1$`,
	)
	r = run(t, env, "runs", "logs", failed, "--asset", "flaky", "--json")
	r.want(t, 0)
	var lines []logEntry
	if err := json.Unmarshal([]byte(r.stdout), &lines); err != nil {
		t.Fatalf("runs logs --json: %v\n%s", err, r)
	}
	if len(lines) != 1 || lines[0].Asset != "flaky" || lines[0].Level != "WARN" || lines[0].Attempt != 1 || lines[0].Line != 1 {
		t.Errorf("runs logs --asset flaky --json: %+v, want flaky's retry line", lines)
	}
	run(t, env, "runs", "logs", ok, "--asset", "peple").want(t, 1, `err:run \S+ has no step of asset "peple" \(did you mean "people"\?\)`)
	run(t, env, "runs", "logs", ok, "--asset", "birds").want(t, 0, "err:logged no lines")
	run(t, env, "runs", "show", ok, "--asset", "people").want(t, 2, "err:--asset goes with runs logs")
	run(t, env, "runs", "show", "nope").want(t, 1, `err:no run "nope" in the history`, `err:Run 'pipeline runs' to list`)
	// Both IDs start with the same timestamp digits.
	run(t, env, "runs", "show", "0").want(t, 1, `err:run ID prefix "0" is ambiguous: it matches `)
	run(t, env, "runs", "show").want(t, 2, "err:want a run ID", "err:usage: pipeline runs")
	run(t, env, "runs", "show", ok, "extra").want(t, 2, `err:unexpected argument "extra"`)
	run(t, env, "runs", "shw").want(t, 2, `err:unknown subcommand "shw" \(did you mean "show"\?\)`)
	run(t, env, "runs", "-n", "-1").want(t, 2, "err:-n -1: want a positive number")
	run(t, env, "runs", "show", "-h").want(t, 0, "out:usage: pipeline runs", "out:show RUN_ID")
}

func TestStatus(t *testing.T) {
	env := store(t)
	r := run(t, env, "status")
	r.want(t, 0,
		`(?m)^ASSET +STATUS +WHY +LAST MATERIALIZED +RUN$`,
		statusRow("people", "stale", "never materialized +- +-$"),
		"10 assets: 0 fresh, 10 stale",
	)
	first := runID(t, run(t, env, "materialize"))
	r = run(t, env, "status")
	r.want(t, 0, statusRow("people", "fresh", `- +\S+ \S+ +`+first+`$`), "10 assets: 10 fresh, 0 stale")

	// A new code version of people makes it stale, and its downstream.
	v2 := with(env, "PIPELINE_PEOPLE_VERSION=v2")
	r = run(t, v2, "status")
	r.want(t, 0,
		statusRow("people", "stale", `code version changed \("v1" -> "v2"\) +\S+ \S+ +`+first),
		statusRow("combined_data", "stale", `upstream stale people`),
		statusRow("report", "stale", `upstream stale combined_data`),
		statusRow("birds", "fresh", "-"),
		"10 assets: 7 fresh, 3 stale",
	)
	st := statusJSON(t, v2)
	if p := st["people"]; !p.Stale || p.Status != "stale" || len(p.Causes) != 1 || p.Causes[0].Reason != string(history.CodeVersionChanged) ||
		p.Materialization == nil || p.Materialization.RunID != first || p.Materialization.CodeVersion != "v1" {
		t.Errorf("people in status --json: %+v", p)
	}
	if c := st["combined_data"]; !c.Stale || len(c.Causes) == 0 || c.Causes[0].Upstream != "people" {
		t.Errorf("combined_data in status --json: %+v", c)
	}
	if b := st["birds"]; b.Stale || b.Status != "fresh" || len(b.Causes) != 0 || b.Attempt == nil || b.Attempt.Status != "success" {
		t.Errorf("birds in status --json: %+v", b)
	}
	run(t, v2, "status", "--select", "birds or people").want(t, 0, "2 assets: 1 fresh, 1 stale")

	// --stale runs exactly the stale assets; their upstream birds is
	// loaded from storage.
	r = run(t, v2, "materialize", "--stale")
	r.want(t, 0,
		summaryRow("people", "success", "1"),
		summaryRow("combined_data", "success", "1")+`.*rows=6`,
		summaryRow("report", "success", "1"),
		"3 steps: 3 succeeded",
	)
	if strings.Contains(r.stdout, "\nbirds ") {
		t.Errorf("--stale ran a fresh asset:\n%s", r.stdout)
	}
	run(t, v2, "status").want(t, 0, "10 assets: 10 fresh, 0 stale")
	run(t, v2, "materialize", "--stale").want(t, 0, "err:every asset is fresh; nothing to materialize")

	// The same birds again: the fs I/O manager's data version (a hash of
	// the stored bytes) is unchanged, and so combined_data stays fresh.
	run(t, v2, "materialize", "--select", "birds").want(t, 0)
	run(t, v2, "status").want(t, 0, "10 assets: 10 fresh, 0 stale")

	// Other birds: upstream data changed, for combined_data and, once it
	// is materialized again, for report.
	v2 = with(v2, "PIPELINE_BIRDS=Owl,Crow")
	run(t, v2, "materialize", "--select", "birds").want(t, 0)
	r = run(t, v2, "status")
	r.want(t, 0,
		statusRow("combined_data", "stale", `upstream data changed birds \(`),
		statusRow("report", "stale", `upstream stale combined_data`),
		statusRow("people", "fresh", "-"))
	run(t, v2, "materialize", "--select", "combined_data").want(t, 0, summaryRow("combined_data", "success", "1")+`.*rows=5`)
	r = run(t, v2, "status")
	r.want(t, 0, statusRow("combined_data", "fresh", "-"), statusRow("report", "stale", `upstream data changed combined_data \(`))
	run(t, v2, "materialize", "--stale").want(t, 0, "1 step: 1 succeeded", summaryRow("report", "success", "1"))
	v2 = with(v2, "PIPELINE_BIRDS=Swan")
	run(t, v2, "materialize", "--select", "birds").want(t, 0)

	// --select and --stale: the stale assets among the selected ones.
	run(t, v2, "materialize", "--stale", "--select", "people").want(t, 0, "err:every selected asset is fresh")
	r = run(t, v2, "materialize", "--stale", "--select", "combined_data or people", "--dry-run")
	r.want(t, 0, `(?m)^1 +combined_data +- +people,birds$`)
	if strings.Count(strings.TrimSpace(r.stdout), "\n") != 1 {
		t.Errorf("--stale --select --dry-run: want one step:\n%s", r.stdout)
	}

	// An upstream whose data version was unknown when its downstream ran
	// (report ran first, alone; combined_data later): materialized since.
	fresh := store(t)
	run(t, fresh, "materialize", "--select", "report").want(t, 0)
	run(t, fresh, "materialize", "--select", "+combined_data").want(t, 0)
	run(t, fresh, "status").want(t, 0, statusRow("report", "stale", `upstream materialized since combined_data`))

	run(t, nil, "status", "extra").want(t, 2, `err:unexpected argument "extra"`)
	run(t, nil, "status", "--select", "peple").want(t, 2, `err:did you mean "people"`)
}

func TestFromFailure(t *testing.T) {
	env := store(t)
	r := run(t, with(env, "PIPELINE_FAIL_COMBINED=1"), "materialize", "--select", "+report or sleepy")
	r.want(t, 1, summaryRow("combined_data", "failed", "1"), summaryRow("report", "skipped", "-"))
	failed := runID(t, r)

	// The failure fixed, only combined_data and report run; people and
	// birds come from the files the failed run stored.
	r = run(t, env, "materialize", "--from-failure", failed)
	r.want(t, 0,
		summaryRow("combined_data", "success", "1")+`.*rows=6`,
		summaryRow("report", "success", "1"),
		"2 steps: 2 succeeded",
		"err:re-executing 2 steps of run "+failed+"; loading people, birds from storage",
	)
	for _, k := range []string{"people", "birds", "sleepy"} {
		if strings.Contains(r.stdout, "\n"+k+" ") {
			t.Errorf("--from-failure recomputed %s:\n%s", k, r.stdout)
		}
	}
	if strings.Contains(r.stderr, `msg="loading people"`) {
		t.Errorf("--from-failure ran people:\n%s", r.stderr)
	}
	rerun := runID(t, r)
	run(t, env, "runs", "show", rerun).want(t, 0, `(?m)^Tags: +parent_run_id=`+failed+`$`, `(?m)^Selection: +combined_data,report$`)

	run(t, env, "materialize", "--from-failure", rerun).want(t, 0, "err:run "+rerun+" succeeded; nothing to re-execute")
	run(t, env, "materialize", "--from-failure", "nope").want(t, 1, `err:--from-failure: no run "nope" in the history`)
	run(t, env, "materialize", "--from-failure", failed, "--stale").want(t, 2, "err:cannot be combined")
	run(t, env, "materialize", "--from-failure", failed, "--select", "report").want(t, 2, "err:cannot be combined")
	run(t, env, "materialize", "--from-failure", failed, "--dry-run").want(t, 0, `(?m)^1 +combined_data +- +people,birds$`, `(?m)^2 +report +combined_data +-$`)
}

func TestHistoryCorrupt(t *testing.T) {
	home := t.TempDir()
	if err := os.WriteFile(history.SQLitePath(home), []byte("this is not a database, just some text that is long enough to matter\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"ASSETGEN_HOME=" + home}
	r := run(t, env, "materialize", "--select", "people")
	r.want(t, 1, "err:cannot open the run history", "err:history.db", "err:--no-history")
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stdout, "people ") {
		t.Errorf("materialize ran with a corrupt history:\n%s", r)
	}
	run(t, env, "materialize", "--no-history", "--select", "people").want(t, 0, "1 step: 1 succeeded")
	run(t, env, "status").want(t, 1, "err:history.db")
	run(t, env, "runs").want(t, 1, "err:history.db")
	run(t, env, "materialize", "--stale").want(t, 1, "err:history.db")
}

func TestHistoryNewerSchema(t *testing.T) {
	env := store(t)
	run(t, env, "materialize", "--select", "people").want(t, 0)
	home := strings.TrimPrefix(env[0], "ASSETGEN_HOME=")
	db, err := sql.Open("sqlite", history.SQLitePath(home))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE schema_version SET version = 99`); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	run(t, env, "materialize", "--select", "people").want(t, 1, "err:schema version 99 is newer", "err:history.db", "err:--no-history")
	run(t, env, "runs").want(t, 1, "err:schema version 99 is newer")
	run(t, env, "materialize", "--select", "people", "--no-history").want(t, 0)
}

func TestHistorySpec(t *testing.T) {
	env := store(t)
	other := t.TempDir()
	id := runID(t, run(t, env, "materialize", "--select", "people", "--history", other))
	if runs := runsJSON(t, env); len(runs) != 0 {
		t.Errorf("--history recorded to $ASSETGEN_HOME: %+v", runs)
	}
	if runs := runsJSON(t, env, "--history", other); len(runs) != 1 || runs[0].ID != id {
		t.Errorf("runs --history: %+v, want %s", runs, id)
	}
	if runs := runsJSON(t, with(env, envHistory+"="+other)); len(runs) != 1 || runs[0].ID != id {
		t.Errorf("runs with $%s: %+v, want %s", envHistory, runs, id)
	}
	run(t, env, "status", "--history", other).want(t, 0, statusRow("people", "fresh", "-"))
}

// TestHistoryPostgres records to and reads from a PostgreSQL history.
// The throwaway server that package history's tests start is internal to
// it, so this test only runs against a server the environment names.
func TestHistoryPostgres(t *testing.T) {
	// A real server: $ASSETGEN_TEST_POSTGRES, or a throwaway cluster.
	dsn := pgtest.Database(t, "cli")
	env := store(t)
	id := runID(t, run(t, env, "materialize", "--select", "+combined_data", "--history", dsn))
	run(t, env, "runs", "show", id, "--history", dsn).want(t, 0, `(?m)^combined_data +success +1 .*rows=6`)
	if strings.Contains(run(t, env, "runs", "--history", "postgres://nobody:secret@127.0.0.1:1/x").stderr, "secret") {
		t.Errorf("an error shows the password of the PostgreSQL URL")
	}
}

// TestHistoryInMemory checks --stale and --from-failure when outputs are
// kept by a memory I/O manager, lost when the process that stored them
// ended: the upstreams they need run again instead of failing to load.
func TestHistoryInMemory(t *testing.T) {
	ctx := context.Background()
	home := t.TempDir()
	runInProcess(ctx, testDefs(), "materialize", "--history", home).want(t, 0, "4 steps: 4 succeeded")

	// In a new process c's code changed: c is stale, and b and a run again
	// for it; d does not.
	defs := testDefs()
	defs.Assets[2].CodeVersion = "v2"
	r := runInProcess(ctx, defs, "materialize", "--stale", "--history", home)
	r.want(t, 0, summaryRow("c", "success", "1")+`.*n=3`, "3 steps: 3 succeeded")
	if strings.Contains(r.stdout, "\nd ") {
		t.Errorf("--stale ran d, which is fresh:\n%s", r)
	}

	// b fails; from the failure, in a new process, a runs again too.
	defs = testDefs()
	defs.Assets[1].Compute = func(*runtime.Context, runtime.Inputs) (any, error) { return nil, errors.New("b is down") }
	r = runInProcess(ctx, defs, "materialize", "--history", home)
	r.want(t, 1, summaryRow("b", "failed", "1"), summaryRow("c", "skipped", "-"))
	id := runID(t, r)
	r = runInProcess(ctx, testDefs(), "materialize", "--from-failure", id, "--history", home)
	r.want(t, 0, "3 steps: 3 succeeded", summaryRow("c", "success", "1")+`.*n=3`,
		"err:re-executing 2 steps of run "+id+", and 1 upstream whose outputs cannot be loaded here \\(kept in memory by another process, or never materialized\\)")
	if strings.Contains(r.stdout, "\nd ") {
		t.Errorf("--from-failure ran d, which succeeded:\n%s", r)
	}
}

// TestReadersDoNotCreateHistory checks that runs and status, which only
// read the history, do not create one where there is none (as in a
// directory where they were typed by mistake): they report it empty.
func TestReadersDoNotCreateHistory(t *testing.T) {
	home := filepath.Join(t.TempDir(), "home")
	env := []string{"ASSETGEN_HOME=" + home}
	// It names the history home, not a file that does not exist.
	run(t, env, "runs").want(t, 0, "err:^pipeline runs: no runs recorded: there is no run history at "+regexp.QuoteMeta(home)+" yet")
	run(t, env, "runs", "--json").want(t, 0, `out:^\[\]`)
	run(t, env, "runs", "show", "01").want(t, 1, `err:no run "01" in the history`)
	run(t, env, "status").want(t, 0, `(?m)^people +stale +never materialized`, "10 assets: 0 fresh, 10 stale")
	if _, err := os.Stat(home); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("runs or status created the history home %s (stat: %v)", home, err)
	}
	// A URL of no supported scheme is an error, not an empty history.
	run(t, env, "runs", "--history", "postgress://db/x").want(t, 1, `err:unsupported URL scheme "postgress://"`)
}

// TestStaleSelectNeverMaterializedUpstream checks that --stale with
// --select runs the upstreams of the selected stale assets that were never
// materialized, though --select left them out: there is nothing to load.
func TestStaleSelectNeverMaterializedUpstream(t *testing.T) {
	env := store(t)
	run(t, env, "materialize", "--select", "people").want(t, 0)
	r := run(t, env, "materialize", "--stale", "--select", "combined_data")
	r.want(t, 0, summaryRow("birds", "success", "1"), summaryRow("combined_data", "success", "1"), "2 steps: 2 succeeded")
	if matches(summaryRow("people", "success", "1"), r.stdout) {
		t.Errorf("--stale ran people, which is fresh and materialized:\n%s", r.stdout)
	}
}

// TestRunsOfThisPipeline shares one history between two pipelines: the
// test pipeline, and this test binary running in process. runs lists the
// runs of its own pipeline, --all those of every pipeline with a column
// naming it, runs show names it; --from-failure refuses another's run.
func TestRunsOfThisPipeline(t *testing.T) {
	home := t.TempDir()
	env := []string{"ASSETGEN_HOME=" + home, "PIPELINE_DATA=" + t.TempDir()}
	defs := testDefs()
	defs.Assets[3].Compute = func(*runtime.Context, runtime.Inputs) (any, error) { return nil, errors.New("d fails") }
	r := runInProcess(context.Background(), defs, "materialize", "--history", home, "--select", "d")
	r.want(t, 1)
	other := runID(t, r)

	// The test pipeline has none yet: runs says where the others are.
	run(t, env, "runs").want(t, 0, `err:^pipeline runs: no runs of this pipeline \(`+regexp.QuoteMeta(testPipeline)+`\) recorded in .*; --all lists those of the other pipelines there\n$`)
	r = run(t, env, "materialize", "--select", "people")
	r.want(t, 0)
	mine := runID(t, r)

	r = run(t, env, "runs")
	r.want(t, 0, `(?m)^RUN ID +STATUS +START +DURATION +STEPS$`, `(?m)^`+mine+` +success `)
	if strings.Contains(r.stdout, other) {
		t.Errorf("runs lists the run of another pipeline:\n%s", r)
	}
	run(t, env, "runs", "--all").want(t, 0,
		`(?m)^PIPELINE +RUN ID +STATUS +START +DURATION +STEPS$`,
		`(?m)^`+regexp.QuoteMeta(testPipeline)+` +`+mine+` +success `,
		`(?m)^`+regexp.QuoteMeta(thisPipeline)+` +`+other+` +failed `)
	all := runsJSON(t, env, "--all")
	if len(all) != 2 || all[0].Pipeline != testPipeline || all[1].Pipeline != thisPipeline {
		t.Errorf("runs --all --json: %+v", all)
	}
	if runs := runsJSON(t, env); len(runs) != 1 || runs[0].ID != mine {
		t.Errorf("runs --json: %+v, want only %s", runs, mine)
	}
	run(t, env, "runs", "show", other).want(t, 0, `(?m)^Pipeline: +`+regexp.QuoteMeta(thisPipeline)+`$`)
	run(t, env, "runs", "show", other, "--all").want(t, 2, "err:--all goes with runs, not runs show")
	run(t, env, "materialize", "--from-failure", other).want(t, 1,
		"err:--from-failure: run "+other+" is a run of pipeline "+regexp.QuoteMeta(thisPipeline)+", not of this one \\("+regexp.QuoteMeta(testPipeline)+"\\)")
}

// TestRunDurationWhileRunning: a run that has not ended shows how long it
// has run so far, not the time to its last heartbeat (0s for a queued
// run, whose heartbeat is its start).
func TestRunDurationWhileRunning(t *testing.T) {
	start := time.Now().Add(-90 * time.Second)
	r := &history.Run{Status: history.RunRunning, Start: start, Heartbeat: start}
	if got := runDuration(r); !regexp.MustCompile(`^running for 1m3\d`).MatchString(got) {
		t.Errorf("runDuration of a run started 90s ago = %q, want running for 1m3...", got)
	}
	r.End = start.Add(2 * time.Second)
	r.Status = history.RunSuccess
	if got := runDuration(r); got != "2s" {
		t.Errorf("runDuration of a run that took 2s = %q, want 2s", got)
	}
}
