package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	goruntime "runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// pipelineBin is the test pipeline (testdata/pipeline), built once.
var pipelineBin string

// testPipeline is the name under which the test pipeline records its runs:
// the import path of its main package. In-process runs record under the
// test binary's, thisPipeline.
const (
	testPipeline = "github.com/assetgen/assetgen/cli/testdata/pipeline"
	thisPipeline = "github.com/assetgen/assetgen/cli.test"
)

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "cli-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// Runs record to a history of their own (pipeline gives each command
	// a new one); in-process runs share this one, never the working
	// directory's .assetgen.
	os.Setenv("ASSETGEN_HOME", filepath.Join(dir, "home"))
	os.Unsetenv(envHistory)
	pipelineBin = filepath.Join(dir, "pipeline")
	if goruntime.GOOS == "windows" {
		pipelineBin += ".exe"
	}
	args := []string{"build", "-o", pipelineBin}
	if raceEnabled {
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, "./testdata/pipeline")...)
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building the test pipeline:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what a run of the pipeline printed, and its exit status.
type result struct {
	stdout, stderr string
	code           int
}

// pipeline returns a command running the test pipeline with args and the
// given environment (NAME=value), storing outputs and the run history in
// new directories unless env sets PIPELINE_DATA and ASSETGEN_HOME.
func pipeline(t *testing.T, env []string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(pipelineBin, args...)
	cmd.Env = append(os.Environ(), "PIPELINE_DATA="+t.TempDir(), "ASSETGEN_HOME="+t.TempDir(), "TERM=dumb")
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

// run runs the pipeline to completion.
func run(t *testing.T, env []string, args ...string) result {
	t.Helper()
	return runCmd(t, pipeline(t, env, args...))
}

// runCmd runs cmd to completion; it may run on any goroutine.
func runCmd(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Errorf("running %v: %v", cmd.Args, err)
	}
	return result{stdout.String(), stderr.String(), code}
}

func (r result) String() string {
	return fmt.Sprintf("exit status %d\n--- stdout:\n%s--- stderr:\n%s", r.code, r.stdout, r.stderr)
}

// want fails t unless r exited with code and every pattern (a regular
// expression) matches r's stdout or stderr, as prefixed: "out:" or "err:".
func (r result) want(t *testing.T, code int, patterns ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit status %d, want %d", r.code, code)
	}
	for _, p := range patterns {
		stream, text := r.stdout, p
		if s, ok := strings.CutPrefix(p, "err:"); ok {
			stream, text = r.stderr, s
		} else if s, ok := strings.CutPrefix(p, "out:"); ok {
			text = s
		}
		if !regexp.MustCompile(text).MatchString(stream) {
			t.Errorf("no match for %q", p)
		}
	}
	if t.Failed() {
		t.Logf("%s", r)
	}
}

// summaryRow matches the summary row of an asset.
func summaryRow(asset, status, attempts string) string {
	return `(?m)^` + regexp.QuoteMeta(asset) + ` +` + status + ` +` + attempts + ` `
}

func TestHelp(t *testing.T) {
	r := run(t, nil)
	r.want(t, 2, "err:Usage:", "err:materialize", "err:graph", "err:list", "err:status", "err:runs")
	if r.stdout != "" {
		t.Errorf("usage error wrote to stdout: %q", r.stdout)
	}
	run(t, nil, "-h").want(t, 0, "out:Commands:", "out:materialize")
	run(t, nil, "--help").want(t, 0, "out:Commands:")
	run(t, nil, "help").want(t, 0, "out:Commands:")
	run(t, nil, "help", "materialize").want(t, 0, "out:usage: pipeline materialize", "out:-dry-run", "out:-log-format")
	run(t, nil, "help", "select").want(t, 0, `out:roots\(x\)`, "out:tag:tier=gold")
	run(t, nil, "help", "nope").want(t, 2, `err:unknown command or topic "nope"`)
	run(t, nil, "help", "a", "b").want(t, 2, "err:too many arguments")
	for _, c := range []string{"list", "materialize", "graph", "help", "status", "runs"} {
		for _, h := range []string{"-h", "--help"} {
			r := run(t, nil, c, h)
			r.want(t, 0, "out:usage: pipeline "+c)
			if r.stderr != "" {
				t.Errorf("%s %s wrote to stderr: %q", c, h, r.stderr)
			}
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"materialise"}, `unknown command "materialise" \(did you mean "materialize"\?\)`},
		{[]string{"--select", "x"}, `flag --select before a command`},
		{[]string{"materialize", "--bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"materialize", "people"}, `unexpected argument "people"`},
		{[]string{"materialize", "-j", "-1"}, `-j -1: want a positive number`},
		{[]string{"materialize", "-j", "x"}, `invalid value "x" for flag -j`},
		{[]string{"materialize", "--log-level", "loud"}, `invalid value "loud" for flag -log-level`},
		{[]string{"materialize", "--log-format", "xml"}, `unknown log format "xml"`},
		{[]string{"graph", "--format", "png"}, `unknown format "png": want text, mermaid or dot`},
		{[]string{"list", "extra"}, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		r := run(t, nil, tt.args...)
		r.want(t, 2, "err:"+tt.want)
		if r.stdout != "" {
			t.Errorf("%v wrote to stdout: %q", tt.args, r.stdout)
		}
	}
	// Flag errors come with the command's usage.
	run(t, nil, "materialize", "--bogus").want(t, 2, "err:usage: pipeline materialize", "err:-select EXPR")
}

func TestBadSelection(t *testing.T) {
	for _, cmd := range []string{"materialize", "list", "graph"} {
		r := run(t, nil, cmd, "--select", "birds or peple")
		r.want(t, 2,
			`err:invalid --select: column 10: unknown asset "peple" \(did you mean "people"\?\)`,
			`err:(?m)^    birds or peple\n             \^$`,
			`err:help select`)
		if r.stdout != "" {
			t.Errorf("%s: bad selection wrote to stdout: %q", cmd, r.stdout)
		}
	}
	run(t, nil, "materialize", "--select", "group:core and").want(t, 2,
		`err:column 15: unexpected end of expression`, `err:(?m)^                  \^$`)
	run(t, nil, "materialize", "--select", "grp:core").want(t, 2, `err:unknown attribute "grp" \(did you mean "group"\?\)`)
	run(t, nil, "materialize", "--select", "orders").want(t, 2, `err:did you mean "sales/eu/orders"\?`)
}

func TestList(t *testing.T) {
	r := run(t, nil, "list")
	r.want(t, 0,
		`(?m)^KEY +GROUP +KINDS +OWNERS +UPSTREAM +IO MANAGER +CODE VERSION +DESCRIPTION$`,
		`(?m)^people +core +go +team:data +- +io_manager +v1 +People is everyone we know\.$`,
		`(?m)^combined_data +analytics +duckdb +- +people,birds +io_manager +- +CombinedData depends`,
		`(?m)^sales/eu/orders +sales `,
	)
	if strings.Contains(r.stdout, "second paragraph") {
		t.Errorf("list shows more than the first line of a description")
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 11 {
		t.Errorf("list printed %d lines, want a header and 10 assets", len(lines))
	}
	if !slices.IsSortedFunc(lines[1:], strings.Compare) {
		t.Errorf("list is not sorted by key:\n%s", r.stdout)
	}

	r = run(t, nil, "list", "--json", "--select", "+combined_data")
	r.want(t, 0)
	var entries []listEntry
	if err := json.Unmarshal([]byte(r.stdout), &entries); err != nil {
		t.Fatalf("list --json: %v\n%s", err, r.stdout)
	}
	var keys []string
	for _, e := range entries {
		keys = append(keys, e.Key)
	}
	if got := strings.Join(keys, " "); got != "birds combined_data people" {
		t.Errorf("list --json --select +combined_data: keys %q", got)
	}
	if e := entries[1]; e.Group != "analytics" || strings.Join(e.Upstream, ",") != "people,birds" || e.OutputType != "[]string" {
		t.Errorf("combined_data entry: %+v", e)
	}
	if e := entries[2]; e.Tags["tier"] != "gold" || !strings.Contains(e.Description, "second paragraph") {
		t.Errorf("people entry: %+v", e)
	}
}

func TestMaterializeAll(t *testing.T) {
	r := run(t, nil, "materialize")
	r.want(t, 0,
		`(?m)^ASSET +STATUS +ATTEMPTS +DURATION +METADATA$`,
		summaryRow("people", "success", "1")+`.*rows=3`,
		summaryRow("combined_data", "success", "1")+`.*rows=6`,
		summaryRow("report", "success", "1"),
		`10 steps: 10 succeeded in .* \(run [0-9a-f-]+\)`,
		`err:(?m)^ok +people .*rows=3`,
		`err:msg="loading people" run_id=[0-9a-f-]+ asset=people`,
	)
	// Steps appear in the summary in an execution order.
	if i, j := strings.Index(r.stdout, "\npeople "), strings.Index(r.stdout, "\ncombined_data "); i < 0 || j < i {
		t.Errorf("people is not listed before combined_data")
	}
	if strings.Contains(r.stdout, "run_id=") {
		t.Errorf("logs on stdout")
	}
}

func TestMaterializeFailure(t *testing.T) {
	r := run(t, []string{"PIPELINE_FAIL=1"}, "materialize", "-j", "2")
	r.want(t, 1,
		summaryRow("broken", "failed", "1"),
		summaryRow("after_broken", "skipped", "-"),
		summaryRow("combined_data", "success", "1"),
		`(?m)^broken: broken on purpose$`,
		`(?m)^after_broken: .*upstream broken failed`,
		`10 steps: 8 succeeded, 1 failed, 1 skipped`,
		`err:(?m)^FAIL +broken .*broken on purpose`,
		`err:(?m)^skip +after_broken +.*broken`,
	)
}

func TestMaterializeRetry(t *testing.T) {
	state := filepath.Join(t.TempDir(), "flaky")
	r := run(t, []string{"PIPELINE_FLAKY_STATE=" + state}, "materialize", "--select", "flaky")
	r.want(t, 0,
		summaryRow("flaky", "success", "2")+`.*attempt=2`,
		`1 step: 1 succeeded`,
		// flaky's retry_delay is 10ms: the wait is uniform in [5ms, 15ms).
		`err:(?m)^retry +flaky +attempt 1 failed after .*, retrying in 1?\d[.\d]*ms: first attempt fails`,
		`err:(?m)^start +flaky +attempt 2$`,
	)
	// The retry is said once: not again by a log line of the runtime.
	if n := strings.Count(r.stderr, "first attempt fails"); n != 1 {
		t.Errorf("the retry's error is printed %d times, want once:\n%s", n, r.stderr)
	}
}

func TestMaterializeTimeout(t *testing.T) {
	r := run(t, []string{"PIPELINE_SLOW=1h"}, "materialize", "--select", "slow or people")
	r.want(t, 1,
		summaryRow("slow", "failed", "1"),
		summaryRow("people", "success", "1"),
		`(?m)^slow: .*timed out`,
		`err:(?m)^TIMEOUT slow `,
	)
}

// event is a line of materialize --json, as a consumer would read it.
type event struct {
	Type       string         `json:"type"`
	Time       time.Time      `json:"time"`
	RunID      string         `json:"run_id"`
	Asset      string         `json:"asset"`
	Attempt    int            `json:"attempt"`
	DurationMS *float64       `json:"duration_ms"`
	DelayMS    *float64       `json:"delay_ms"`
	Metadata   map[string]any `json:"metadata"`
	Error      string         `json:"error"`
	TimedOut   *bool          `json:"timed_out"`
	Cause      string         `json:"cause"`
	Assets     []string       `json:"assets"`
	Status     string         `json:"status"`
	Steps      map[string]int `json:"steps"`
}

func TestMaterializeJSON(t *testing.T) {
	state := filepath.Join(t.TempDir(), "flaky")
	r := run(t, []string{"PIPELINE_FAIL=1", "PIPELINE_FLAKY_STATE=" + state, "PIPELINE_SLOW=1h"},
		"materialize", "--json", "--log-format", "json")
	r.want(t, 1)
	var events []event
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("stdout line %q is not a JSON event: %v", sc.Text(), err)
		}
		if e.RunID == "" || e.Time.IsZero() {
			t.Errorf("event without run_id or time: %s", sc.Text())
		}
		events = append(events, e)
	}
	if len(events) < 2 {
		t.Fatalf("%d events:\n%s", len(events), r)
	}
	first, last := events[0], events[len(events)-1]
	if first.Type != "run_start" || len(first.Assets) != 10 {
		t.Errorf("first event %+v, want run_start with 10 assets", first)
	}
	if last.Type != "run_end" || last.Status != "failed" || last.DurationMS == nil ||
		last.Steps["success"] != 7 || last.Steps["failed"] != 2 || last.Steps["skipped"] != 1 {
		t.Errorf("last event %+v, want run_end failed with 7 success, 2 failed, 1 skipped", last)
	}
	find := func(typ, asset string) *event {
		for i := range events {
			if events[i].Type == typ && events[i].Asset == asset {
				return &events[i]
			}
		}
		t.Errorf("no %s event for %s", typ, asset)
		return &event{}
	}
	if e := find("step_success", "combined_data"); e.DurationMS == nil || e.Metadata["rows"] != 6.0 {
		t.Errorf("step_success of combined_data: %+v, want duration_ms and rows=6", e)
	}
	if e := find("step_retry", "flaky"); e.Attempt != 1 || !strings.Contains(e.Error, "first attempt fails") || e.TimedOut == nil || *e.TimedOut ||
		e.DelayMS == nil || *e.DelayMS < 5 || *e.DelayMS >= 15 {
		t.Errorf("step_retry of flaky: %+v", e)
	}
	if e := find("step_success", "flaky"); e.Attempt != 2 {
		t.Errorf("step_success of flaky: attempt %d, want 2", e.Attempt)
	}
	if e := find("step_failure", "broken"); e.Error != "broken on purpose" || e.TimedOut == nil || *e.TimedOut {
		t.Errorf("step_failure of broken: %+v", e)
	}
	if e := find("step_failure", "slow"); e.TimedOut == nil || !*e.TimedOut || !strings.Contains(e.Error, "timed out") {
		t.Errorf("step_failure of slow: %+v, want timed_out", e)
	}
	if e := find("step_skipped", "after_broken"); e.Cause != "broken" {
		t.Errorf("step_skipped of after_broken: cause %q, want broken", e.Cause)
	}
	find("step_start", "people")
	// Logs are JSON lines on stderr, tagged with the run and the asset.
	found := false
	for line := range strings.Lines(r.stderr) {
		var l map[string]any
		if json.Unmarshal([]byte(line), &l) == nil && l["msg"] == "loading people" {
			found = l["asset"] == "people" && l["run_id"] == first.RunID
		}
	}
	if !found {
		t.Errorf("no JSON log line for people with run_id and asset on stderr:\n%s", r.stderr)
	}
	if strings.Contains(r.stdout, "ASSET") {
		t.Errorf("--json printed a summary table")
	}
}

func TestLogLevel(t *testing.T) {
	r := run(t, nil, "materialize", "--log-level", "debug", "--select", "report")
	// report depends on combined_data for ordering only: it runs alone.
	r.want(t, 0, `err:level=DEBUG msg="report written" run_id=\S+ asset=report`)
	r = run(t, nil, "materialize", "--log-level", "warn")
	r.want(t, 0)
	if strings.Contains(r.stderr, "loading people") {
		t.Errorf("--log-level warn shows info logs:\n%s", r.stderr)
	}
}

func TestMaterializeSelectLoadsStoredInputs(t *testing.T) {
	data := t.TempDir()
	env := []string{"PIPELINE_DATA=" + data}
	run(t, env, "materialize", "--select", "+combined_data").want(t, 0, "3 steps: 3 succeeded")
	// Now combined_data alone: its inputs come from the files.
	run(t, env, "materialize", "--select", "combined_data").want(t, 0,
		summaryRow("combined_data", "success", "1")+`.*rows=6`, "1 step: 1 succeeded")
	// In a fresh directory, they are missing: the step fails, naming them.
	r := run(t, nil, "materialize", "--select", "combined_data")
	r.want(t, 1, summaryRow("combined_data", "failed", "1"), `(?m)^combined_data: .*people`)
}

func TestDryRun(t *testing.T) {
	state := filepath.Join(t.TempDir(), "flaky")
	r := run(t, []string{"PIPELINE_FLAKY_STATE=" + state}, "materialize", "--dry-run", "--select", "+combined_data+ or flaky")
	r.want(t, 0,
		`(?m)^STEP +ASSET +AFTER +LOADS FROM STORAGE$`,
		`(?m)^1 +people +- +-$`,
		`(?m)^2 +birds +- +-$`,
		`(?m)^\d +flaky +- +-$`,
		`(?m)^\d +combined_data +people,birds +-$`,
		`(?m)^5 +report +combined_data +-$`,
	)
	if _, err := os.Stat(state); err == nil {
		t.Errorf("--dry-run ran flaky")
	}
	if r.stderr != "" {
		t.Errorf("--dry-run wrote to stderr: %q", r.stderr)
	}
	r = run(t, nil, "materialize", "--dry-run", "--json", "--select", "combined_data+")
	r.want(t, 0)
	var plan struct {
		Steps []struct {
			Step     int      `json:"step"`
			Asset    string   `json:"asset"`
			Upstream []string `json:"upstream"`
			Stored   []string `json:"stored"`
		} `json:"steps"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &plan); err != nil {
		t.Fatalf("--dry-run --json: %v\n%s", err, r.stdout)
	}
	if len(plan.Steps) != 2 || plan.Steps[0].Asset != "combined_data" || strings.Join(plan.Steps[0].Stored, ",") != "people,birds" ||
		plan.Steps[1].Asset != "report" || strings.Join(plan.Steps[1].Upstream, ",") != "combined_data" {
		t.Errorf("--dry-run --json plan: %+v", plan)
	}
}

func TestNothingSelected(t *testing.T) {
	run(t, nil, "materialize", "--select", "people and not people").want(t, 0, "err:no assets selected")
	// Not "every selected asset is fresh", nor an empty plan.
	run(t, nil, "materialize", "--stale", "--select", "people and not people").want(t, 0, "err:no assets selected")
	r := run(t, nil, "materialize", "--dry-run", "--select", "people and not people")
	r.want(t, 0, "err:no assets selected")
	if r.stdout != "" {
		t.Errorf("--dry-run of no assets printed a plan:\n%s", r.stdout)
	}
}

func TestGraphText(t *testing.T) {
	r := run(t, nil, "graph", "--select", "+report or sales/eu/orders")
	r.want(t, 0)
	want := `layer 1
  birds
  people
  sales/eu/orders
layer 2
  combined_data    <- people, birds
layer 3
  report           <.. combined_data
`
	if r.stdout != want {
		t.Errorf("graph text:\n%s\nwant:\n%s", r.stdout, want)
	}
	run(t, nil, "graph", "--select", "report").want(t, 0, `(?m)^  report  <.. combined_data \(not selected\)$`)
}

func TestGraphMermaid(t *testing.T) {
	r := run(t, nil, "graph", "--format", "mermaid")
	r.want(t, 0)
	golden := filepath.Join("testdata", "graph.mmd")
	if *update {
		if err := os.WriteFile(golden, []byte(r.stdout), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if r.stdout != string(want) {
		t.Errorf("graph --format mermaid differs from %s (go test -update rewrites it):\n%s", golden, r.stdout)
	}
	if again := run(t, nil, "graph", "--format", "mermaid"); again.stdout != r.stdout {
		t.Errorf("graph --format mermaid is not stable from run to run")
	}
}

// dotCommand returns the path of Graphviz's dot, skipping the test when
// it is missing, unless on CI (CI=true), where it must be installed.
func dotCommand(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("dot")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("Graphviz's dot is not installed (CI=true): %v", err)
		}
		t.Skip("Graphviz's dot is not installed; install it with: apt-get install -y graphviz")
	}
	return path
}

func TestGraphDOT(t *testing.T) {
	dot := dotCommand(t)
	for _, sel := range []string{"", "+combined_data"} {
		r := run(t, nil, "graph", "--format", "dot", "--select", sel)
		r.want(t, 0, `^digraph assets \{`, `"people" -> "combined_data";`, `subgraph "cluster_core"`)
		if sel == "" {
			r.want(t, 0, `"combined_data" -> "report" \[style=dashed\];`)
		}
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin = strings.NewReader(r.stdout)
		var svg, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &svg, &stderr
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			t.Fatalf("dot -Tsvg rejects the output of graph --select %q: %v\n%s\n%s", sel, err, stderr.String(), r.stdout)
		}
		if !strings.Contains(svg.String(), "<svg") || !strings.Contains(svg.String(), ">combined_data<") {
			t.Errorf("dot -Tsvg: no svg with combined_data:\n%s", svg.String())
		}
		if sel != "" && strings.Contains(r.stdout, "sales") {
			t.Errorf("graph --select %q shows unselected assets:\n%s", sel, r.stdout)
		}
	}
}
