//go:build unix

package cli

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
)

// TestLandedOutput kills a pipeline (SIGKILL) right after the store of
// people committed, before its step is recorded, and checks what the next
// commands make of it: status (read-only) counts the stored output as
// that run's, runs show the run abandoned, and the next materialize
// records the output as landed.
func TestLandedOutput(t *testing.T) {
	env := store(t)
	first := runID(t, run(t, env, "materialize", "--select", "people"))
	gate := filepath.Join(t.TempDir(), "gate")
	s := start(t, with(env, "PIPELINE_KILL_AFTER=people", "PIPELINE_GATE="+gate), "materialize", "--select", "people")
	// Let the store go once the history shows the step running.
	var killed string
	for deadline := time.Now().Add(2 * time.Minute); killed == ""; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the run never showed in the history")
		}
		for _, r := range runsJSON(t, env) {
			if r.ID != first && r.Steps["running"] == 1 {
				killed = r.ID
			}
		}
	}
	if err := os.WriteFile(gate, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Wait(); err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("the pipeline was not killed: %v", err)
	}

	run(t, env, "status", "--select", "people").want(t, 0,
		statusRow("people", "fresh", `- +\S+ \S+ +`+killed+`$`),
		`(?m)^people: the stored output is that of run `+killed+`, which stored it before its process ended; the next materialize records it$`)
	if st := statusJSON(t, env)["people"]; st.Materialization == nil || !st.Materialization.Landed || st.Materialization.RunID != killed {
		t.Errorf("status --json: people %+v, want the landed output of %s", st.Materialization, killed)
	}
	run(t, env, "runs", "show", killed).want(t, 0, `(?m)^Status: +failed \(abandoned\)$`, `(?m)^people +failed +1 .*abandoned: process \d+`)

	r := run(t, env, "materialize", "--select", "birds")
	r.want(t, 0, `err:people: output of run `+killed+` landed at .* after its step was recorded as failed; recorded in the history now`)
	run(t, env, "runs", "show", killed).want(t, 0,
		`(?m)^Steps: +1 success$`,
		`(?m)^people +success +1 `,
		`(?m)^people: note: output landed after the step was recorded as failed \(abandoned: process \d+ on .* is gone\); recorded from the stamp`)
	r = run(t, env, "status", "--select", "people")
	r.want(t, 0, statusRow("people", "fresh", `- +\S+ \S+ +`+killed+`$`))
	if strings.Contains(r.stdout, "next materialize records it") {
		t.Errorf("status still says people's output is not recorded:\n%s", r.stdout)
	}
}

// TestStoredOutputChanged: a file changed by hand makes its asset stale,
// and status says why.
func TestStoredOutputChanged(t *testing.T) {
	env := store(t)
	run(t, env, "materialize", "--select", "+combined_data").want(t, 0)
	data := strings.TrimPrefix(env[1], "PIPELINE_DATA=")
	if err := os.WriteFile(filepath.Join(data, "people.json"), []byte(`["Mallory"]`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, env, "status").want(t, 0,
		statusRow("people", "stale", `stored output differs from the history \(the stored output has data version \w+, not the recorded \w+: it was changed outside assetgen\)`),
		statusRow("combined_data", "stale", `upstream stale people`))
	r := run(t, env, "materialize", "--stale")
	r.want(t, 0, summaryRow("people", "success", "1"), summaryRow("combined_data", "success", "1"))
	run(t, env, "status", "--select", "people").want(t, 0, statusRow("people", "fresh", "-"))
}

// TestReadOnlyHistory runs the reading commands on a history they cannot
// write, which holds a run of a dead process: they must work, show the
// run as abandoned, and write nothing (a read-write open would mark the
// run). As root, whom permissions do not stop, the commands run as user
// nobody, so that the file system refuses writes too.
func TestReadOnlyHistory(t *testing.T) {
	dir := nobodyDir(t, "cli-readonly")
	home, data := filepath.Join(dir, "home"), filepath.Join(dir, "data")
	env := []string{"ASSETGEN_HOME=" + home, "PIPELINE_DATA=" + data}
	run(t, env, "materialize", "--select", "people").want(t, 0)

	// A run whose process is gone, as kill -9 leaves it. Its last
	// heartbeat came 7ms after it started; it was killed later.
	start := time.Now().Add(-3 * time.Second)
	writeDeadRun(t, home, history.Run{ID: "dead", Start: start, Heartbeat: start.Add(7 * time.Millisecond),
		Selection: []runtime.Key{"birds"}, Counts: map[string]int{"running": 1}},
		history.Step{RunID: "dead", Key: "birds", Status: history.StepRunning, Attempts: 1, Start: start.Add(time.Millisecond), Seq: 1})

	before := hashTree(t, home)
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if d.IsDir() {
			return os.Chmod(p, 0o555)
		}
		return os.Chmod(p, 0o444)
	})
	asUser := func(args ...string) result {
		t.Helper()
		return runAsNobody(t, dir, env, args...)
	}
	// Its duration is at least the time to its last heartbeat, not that.
	asUser("runs").want(t, 0, `(?m)^dead +failed \(abandoned\) +\S+ \S+ +at least 7ms +1 failed$`, `(?m) +success +.* 1 success$`)
	asUser("runs", "show", "dead").want(t, 0, `(?m)^Error: +abandoned: process \d+ on .* is gone`,
		`(?m)^Ended: +after \S+ \S+ \(its process died; that was its last heartbeat\)$`, `(?m)^Duration: +at least 7ms$`,
		`(?m)^birds +failed +1 +\S+ \S+ +at least 6ms `)
	asUser("status").want(t, 0, statusRow("people", "fresh", "-"), statusRow("birds", "stale", "never materialized"))

	if after := hashTree(t, home); after != before {
		t.Errorf("the reading commands changed the history:\nbefore %s\nafter  %s", before, after)
	}
	db, err := sql.Open("sqlite", "file:"+history.SQLitePath(home)+"?mode=ro&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var status string
	if err := db.QueryRow(`SELECT status FROM runs WHERE id = 'dead'`).Scan(&status); err != nil {
		t.Fatal(err)
	}
	if status != history.RunRunning {
		t.Errorf("the dead run is stored as %s: a reading command reaped it", status)
	}
}

// nobodyDir returns a new directory that user nobody may read, unlike
// t.TempDir's, and removes it, whatever modes the test left, at the end.
func nobodyDir(t *testing.T, prefix string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error { os.Chmod(p, 0o755); return nil })
		os.RemoveAll(dir)
	})
	os.Chmod(dir, 0o755)
	return dir
}

// runAsNobody runs the pipeline with env and args as user nobody when
// the test runs as root, whom permissions do not stop; the binary is
// copied into dir, which nobody can read.
func runAsNobody(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := pipeline(t, env, args...)
	if os.Geteuid() == 0 {
		bin := filepath.Join(dir, "pipeline")
		copyFile(t, pipelineBin, bin)
		cmd.Path, cmd.Args[0] = bin, bin
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		cmd.Dir = "/"
	}
	return runCmd(t, cmd)
}

// TestMaterializeUnwritableHistory checks that materialize refuses to run
// on a history it cannot write, before anything runs, rather than store
// outputs that no history records (SQLite opens a file it may only read
// without a word, and fails at the first write, when the run's events
// are written in the background).
func TestMaterializeUnwritableHistory(t *testing.T) {
	dir := nobodyDir(t, "cli-unwritable")
	home, data := filepath.Join(dir, "home"), filepath.Join(dir, "data")
	run(t, []string{"ASSETGEN_HOME=" + home}, "materialize", "--select", "people").want(t, 0)
	// A history file nobody may only read, in a directory where SQLite
	// can make its -wal and -shm files (a read-only directory fails at
	// once: SQLite cannot open its WAL); the outputs' directory is
	// writable.
	os.Chmod(home, 0o777)
	if err := os.Chmod(history.SQLitePath(home), 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(data, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(data, 0o777)
	env := []string{"ASSETGEN_HOME=" + home, "PIPELINE_DATA=" + data}
	runAsNobody(t, dir, env, "materialize", "--select", "people").want(t, 1,
		`err:cannot record the run in the history .*history\.db: .*attempt to write a readonly database`,
		`err:run with --no-history to materialize without recording the run`)
	if ents, _ := os.ReadDir(data); len(ents) > 0 {
		t.Errorf("materialize stored outputs that the history does not record: %v", ents)
	}
	runAsNobody(t, dir, env, "materialize", "--select", "people", "--no-history").want(t, 0)
}

// hashTree returns the names and SHA-256 of the files under dir, as one
// string.
func hashTree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		b.WriteString(filepath.Base(p) + "=" + hex.EncodeToString(sum[:8]) + " ")
		return nil
	})
	return b.String()
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	if _, err := os.Stat(to); err == nil {
		return
	}
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Dir(to), 0o755)
	defer os.Chmod(filepath.Dir(to), 0o555)
	if err := os.WriteFile(to, data, 0o755); err != nil {
		t.Fatal(err)
	}
}

// TestManagersClosed checks that every way the process exits closes the
// I/O managers: a command's end, a usage error, an interrupted run, and
// a second interrupt.
func TestManagersClosed(t *testing.T) {
	closedAfter := func(t *testing.T, extra []string, f func(env []string)) {
		t.Helper()
		mark := filepath.Join(t.TempDir(), "closed")
		f(with(store(t), append(extra, "PIPELINE_CLOSED="+mark)...))
		data, _ := os.ReadFile(mark)
		if string(data) != "closed\n" {
			t.Errorf("the I/O manager was closed %d times, want once", strings.Count(string(data), "closed"))
		}
	}
	t.Run("end", func(t *testing.T) {
		closedAfter(t, nil, func(env []string) { run(t, env, "materialize", "--select", "people").want(t, 0) })
	})
	t.Run("usage", func(t *testing.T) {
		closedAfter(t, nil, func(env []string) { run(t, env, "materialize", "--bogus").want(t, 2) })
	})
	t.Run("interrupt", func(t *testing.T) {
		closedAfter(t, []string{"PIPELINE_BLOCK=1"}, func(env []string) {
			s := start(t, env, "materialize", "--select", "sleepy")
			s.waitFor(t, "sleeping until cancelled")
			s.cmd.Process.Signal(syscall.SIGINT)
			s.wait(t).want(t, 130)
		})
	})
	t.Run("second interrupt", func(t *testing.T) {
		closedAfter(t, []string{"PIPELINE_BLOCK=ignore"}, func(env []string) {
			s := start(t, env, "materialize", "--select", "sleepy", "--grace", "1h")
			s.waitFor(t, "sleeping until cancelled")
			s.cmd.Process.Signal(syscall.SIGINT)
			s.waitFor(t, "canceling the run")
			s.cmd.Process.Signal(syscall.SIGINT)
			s.wait(t).want(t, 130)
		})
	})
}

// TestAbandonedStep checks that a step ignoring its context does not hold
// the run: its timeout or an interrupt, plus the grace period, ends it,
// and the process exits.
func TestAbandonedStep(t *testing.T) {
	env := store(t)
	r := run(t, with(env, "PIPELINE_SLOW=1h", "PIPELINE_SLOW_IGNORE=1"), "materialize", "--select", "slow or people", "--grace", "100ms")
	r.want(t, 1,
		summaryRow("slow", "failed", "1"),
		summaryRow("people", "success", "1"),
		`(?m)^slow: timed out after 200ms \(abandoned: the function did not return within 100ms after its context was cancelled; its result will be discarded\)$`)
	// The abandonment is said once, by the step's line: not again by a
	// log line of the runtime.
	if n := strings.Count(r.stderr, "did not return"); n != 1 {
		t.Errorf("the abandonment is printed %d times on stderr, want once:\n%s", n, r.stderr)
	}
	runs := runsJSON(t, env)
	if len(runs) != 1 || runs[0].Status != "failed" || runs[0].Steps["failed"] != 1 {
		t.Errorf("runs --json: %+v, want the run failed with slow failed", runs)
	}

	s := start(t, with(env, "PIPELINE_BLOCK=ignore"), "materialize", "--select", "sleepy", "--grace", "100ms")
	s.waitFor(t, "sleeping until cancelled")
	s.cmd.Process.Signal(syscall.SIGINT)
	r = s.wait(t)
	r.want(t, 130, summaryRow("sleepy", "canceled", "1"), `(?m)^sleepy: abandoned: .*\(run canceled: context canceled: signal: interrupt\)$`)

	run(t, env, "materialize", "--grace", "-1s").want(t, 2, "err:--grace -1s: want a duration of 0 or more")
}

// TestPanicStack checks that the stack of a panicking step is in the
// history, shown in full by runs show and not in the one-line views.
func TestPanicStack(t *testing.T) {
	env := store(t)
	r := run(t, with(env, "PIPELINE_FAIL=panic"), "materialize", "--select", "broken")
	r.want(t, 1, summaryRow("broken", "failed", "1"))
	// The panic is said once on stderr, by the step's line: not again,
	// stack and all, by a log line of the runtime.
	if n := strings.Count(r.stderr, "broken on purpose"); n != 1 {
		t.Errorf("the panic is printed %d times on stderr, want once:\n%s", n, r.stderr)
	}
	id := runID(t, r)
	show := run(t, env, "runs", "show", id)
	show.want(t, 0,
		`(?m)^broken +failed +1 .* panic: broken on purpose +-$`,
		`(?m)^broken: panic: broken on purpose\n    .*\n    \s+.*testdata/pipeline/main\.go:\d+`)
	run(t, env, "status", "--select", "broken").want(t, 0, statusRow("broken", "stale", `never materialized; last attempt failed \(in run `+id+`: panic: broken on purpose\) +`))
	var st struct {
		Steps []stepEntry `json:"steps"`
	}
	if err := json.Unmarshal([]byte(run(t, env, "runs", "show", id, "--json").stdout), &st); err != nil {
		t.Fatal(err)
	}
	if len(st.Steps) != 1 || !strings.Contains(st.Steps[0].Stack, "main.go") || st.Steps[0].Error != "panic: broken on purpose" {
		t.Errorf("runs show --json: %+v, want broken's error and its stack", st.Steps)
	}
}
