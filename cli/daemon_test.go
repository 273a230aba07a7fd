//go:build unix

package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/assetgen/assetgen/automation"
	"github.com/assetgen/assetgen/history"
)

// daemonProc is a pipeline daemon started in the background, whose
// stdout (its events) is read line by line.
type daemonProc struct {
	cmd   *exec.Cmd
	lines chan string
}

func startDaemon(t *testing.T, env []string, args ...string) *daemonProc {
	t.Helper()
	return startProc(t, pipeline(t, env, append([]string{"daemon"}, args...)...))
}

// startProc starts cmd, its stdout lines read as they come.
func startProc(t *testing.T, cmd *exec.Cmd) *daemonProc {
	t.Helper()
	p := &daemonProc{cmd: cmd, lines: make(chan string, 10000)}
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(p.lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
	}()
	t.Cleanup(func() { p.cmd.Process.Kill(); p.cmd.Wait() })
	return p
}

// waitFor reads lines until one matches re and returns it. The deadline
// only stops a hung test.
func (p *daemonProc) waitFor(t *testing.T, re string) string {
	t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.After(time.Minute)
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				t.Fatalf("the daemon ended before printing %q", re)
			}
			if rx.MatchString(line) {
				return line
			}
		case <-deadline:
			t.Fatalf("no line matching %q within a minute", re)
		}
	}
}

// Two daemon processes on one history: the first leads, the second waits
// as a standby; after kill -9 of the leader the standby takes over, goes
// on from the sensor's stored cursor, and no run key is launched twice.
func TestDaemonFailover(t *testing.T) {
	home := t.TempDir()
	env := []string{"ASSETGEN_HOME=" + home, "PIPELINE_AUTOMATION=1"}
	args := []string{"--interval=100ms", "--lease=1s"}
	a := startDaemon(t, env, args...)
	a.waitFor(t, `leader$`)
	b := startDaemon(t, env, args...)
	b.waitFor(t, `standby: .* holds the lease`)
	a.waitFor(t, `sensor counter: launched run .*`)
	a.waitFor(t, `run \S+ \(sensor counter\): success`)
	a.waitFor(t, `run \S+ \(sensor counter\): success`)

	killed := time.Now()
	if err := a.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	a.cmd.Wait()
	b.waitFor(t, `leader$`)
	t.Logf("the standby took over %s after the leader was killed", time.Since(killed).Round(10*time.Millisecond))
	b.waitFor(t, `run \S+ \(sensor counter\): success`)
	b.waitFor(t, `run \S+ \(sensor counter\): success`)
	if err := b.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	for range b.lines {
	}
	if err := b.cmd.Wait(); err != nil {
		t.Fatalf("the standby, interrupted: %v", err)
	}

	log, err := history.Open(context.Background(), home)
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	runs, err := log.Runs(context.Background(), history.RunQuery{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]string{}
	byPID := map[int]bool{}
	lastOfA, firstOfB := -1, 1<<30 // the keys each daemon ran
	maxKey := -1
	for _, r := range runs {
		if r.Tags["automation"] != "sensor counter" {
			t.Errorf("run %s tagged %v", r.ID, r.Tags)
			continue
		}
		k, err := strconv.Atoi(r.Tags["run_key"])
		if err != nil {
			t.Fatalf("run %s: run_key %q", r.ID, r.Tags["run_key"])
		}
		if prev, dup := seen[k]; dup {
			t.Errorf("run key %d launched twice: runs %s and %s", k, prev, r.ID)
		}
		seen[k] = r.ID
		byPID[r.PID] = true
		if r.PID == a.cmd.Process.Pid {
			lastOfA = max(lastOfA, k)
		} else {
			firstOfB = min(firstOfB, k)
		}
		maxKey = max(maxKey, k)
	}
	if len(byPID) != 2 {
		t.Errorf("runs of %d processes, want both daemons'", len(byPID))
	}
	for k := 0; k <= maxKey; k++ {
		if _, ok := seen[k]; !ok {
			// A key claimed by the leader just before kill -9, whose run
			// never started: claimed once, launched at most once.
			t.Logf("run key %d claimed but not run (the leader died between claim and start)", k)
		}
	}
	if firstOfB <= lastOfA {
		t.Errorf("the standby ran key %d, the leader had run up to %d: it did not go on from the stored cursor", firstOfB, lastOfA)
	}
	if len(seen) < 4 {
		t.Errorf("%d runs, want at least 4", len(seen))
	}
}

// A simulated day and a half: the morning schedule, then the eager
// assets after it, each day; automation lists them, status shows their
// evaluations, pause stops the schedule.
func TestDaemonSimulatedDay(t *testing.T) {
	env := []string{"ASSETGEN_HOME=" + t.TempDir(), "PIPELINE_DATA=" + t.TempDir(), "PIPELINE_AUTOMATION=day"}
	r := run(t, env, "daemon", "--simulate", "2024-01-01T00:00:00Z", "--until", "2024-01-02T12:00:00Z", "--step", "1h")
	r.want(t, 0,
		`(?m)^2024-01-01T00:00:00Z schedule morning: started; next tick 2024-01-01T06:00:00\+01:00$`,
		`(?m)^2024-01-01T00:00:00Z condition: launched run \S+: birds$`,
		`(?m)^2024-01-01T05:00:00Z schedule morning: launched run \S+: people$`,
		`(?m)^2024-01-01T06:00:00Z condition: launched run \S+: combined_data$`,
		`(?m)^2024-01-01T07:00:00Z condition: launched run \S+: report$`,
		`(?m)^2024-01-02T05:00:00Z schedule morning: launched run \S+: people$`,
		`(?m)^2024-01-02T07:00:00Z condition: launched run \S+: report$`,
		`(?m)^2024-01-01T00:00:00Z freshness of report: overdue since 2023-12-31T09:00:00\+01:00: never materialized$`,
		`(?m)^2024-01-01T08:00:00Z freshness of report: fresh again: materialized 2024-01-01T07:00:00Z; next deadline 2024-01-02T09:00:00\+01:00$`,
	)
	if n := strings.Count(r.stdout, "launched run"); n != 7 {
		t.Errorf("%d runs launched, want 7:\n%s", n, r.stdout)
	}
	run(t, env, "automation").want(t, 0,
		`(?m)^schedule +morning +0 6 \* \* \* Europe/Paris \(people\) +2024-01-03T06:00:00\+01:00 +2024-01-02T05:00:00Z +tick at 2024-01-02T06:00:00\+01:00: launched run `,
		`(?m)^condition +report +Eager\(\) +- +2024-01-02T08:00:00Z +up to date with its upstreams$`)
	j := run(t, env, "automation", "--json")
	var list []automation.Status
	if err := json.Unmarshal([]byte(j.stdout), &list); err != nil || len(list) != 5 {
		t.Fatalf("automation --json: %v\n%s", err, j)
	}
	if s := list[0]; s.Kind != "schedule" || s.Name != "morning" || s.Paused || !s.Next.Equal(time.Date(2024, 1, 3, 5, 0, 0, 0, time.UTC)) {
		t.Errorf("the schedule in --json: %+v", s)
	}
	// Run now, long after the simulated days: report is overdue.
	run(t, env, "status").want(t, 0, `(?m)^  birds: not requested at .*: materialized$`, `(?m)^  report: not requested at .*: up to date with its upstreams$`,
		`(?m)^Freshness: 1 overdue$`, `(?m)^  report: OVERDUE since .*: missed the deadline .*: last materialized 2024-01-02T07:00:00Z`)
	var st []statusEntry
	sj := run(t, env, "status", "--json", "--select", "combined_data")
	if err := json.Unmarshal([]byte(sj.stdout), &st); err != nil || len(st) != 1 || st[0].Automation == nil || st[0].Automation.Reason != "up to date with its upstreams" || st[0].Freshness != nil {
		t.Errorf("status --json: %v\n%s", err, sj)
	}

	sj = run(t, env, "status", "--json", "--select", "report")
	if err := json.Unmarshal([]byte(sj.stdout), &st); err != nil || len(st) != 1 || st[0].Freshness == nil || !st[0].Freshness.Overdue {
		t.Errorf("status --json of report: %v\n%s", err, sj)
	}
	run(t, env, "automation", "pause", "morning").want(t, 0, `(?m)^schedule morning: paused$`)
	run(t, env, "automation", "pause", "mornign").want(t, 1, `err:no schedule, sensor or condition named "mornign" \(did you mean "morning"\?\)`)
	run(t, env, "automation").want(t, 0, `(?m)^schedule +morning \(paused\) `)
	r = run(t, env, "daemon", "--simulate", "2024-01-03T00:00:00Z", "--until", "2024-01-03T12:00:00Z")
	if strings.Contains(r.stdout, "people") {
		t.Errorf("the paused schedule ran:\n%s", r.stdout)
	}
	run(t, env, "automation", "resume", "schedule:morning").want(t, 0, `(?m)^schedule morning: resumed$`)
	// The ticks passed while paused are not caught up; the next one runs.
	r = run(t, env, "daemon", "--simulate", "2024-01-04T00:00:00Z", "--until", "2024-01-04T12:00:00Z")
	r.want(t, 0, `(?m)^2024-01-04T05:00:00Z schedule morning: launched run \S+: people$`)
	if n := strings.Count(r.stdout, ": people"); n != 1 {
		t.Errorf("people ran %d times after the resume, want once:\n%s", n, r.stdout)
	}
}

// Conditions and freshness declared with the directive's options need
// no cli.WithAutomation; declared there and in Go, they stop the command
// naming both.
func TestDaemonDirective(t *testing.T) {
	env := []string{"PIPELINE_DIRECTIVE=1", "ASSETGEN_HISTORY=" + t.TempDir()}
	run(t, env, "automation").want(t, 0, `(?m)^condition +birds +OnMissing\(\) `)
	run(t, env, "automation").want(t, 0, `(?m)^freshness +birds +at most 1h0m0s old `)
	r := run(t, env, "daemon", "--simulate", "2024-01-03T00:00:00Z", "--until", "2024-01-03T01:00:00Z")
	r.want(t, 0, `(?m)^2024-01-03T00:00:00Z condition: launched run \S+: birds$`)
	run(t, append(env, "PIPELINE_AUTOMATION=day"), "automation").want(t, 1,
		`err:condition of birds: declared twice: in Go \(OnMissing\(\)\) and in its directive \(automation=on_missing\); keep one`)
}

// A pipeline that automates nothing says so; bad flags are usage errors.
func TestDaemonErrors(t *testing.T) {
	run(t, nil, "daemon").want(t, 1, `err:declares no schedule, sensor, condition or freshness policy`)
	run(t, nil, "automation").want(t, 1, `err:declares no schedule, sensor, condition or freshness policy`)
	run(t, []string{"PIPELINE_AUTOMATION=day"}, "daemon", "--simulate", "yesterday").want(t, 2, `err:--simulate START --until END`)
	run(t, []string{"PIPELINE_AUTOMATION=day"}, "automation", "stop", "x").want(t, 2, `err:want 'list', 'pause NAME' or 'resume NAME'`)
}

// An interrupted daemon cancels its runs and says so, with the cause:
// not materialize's "interrupt again" warning, the last line its run
// wrote.
func TestDaemonInterruptedRun(t *testing.T) {
	env := []string{"ASSETGEN_HOME=" + t.TempDir(), "PIPELINE_DATA=" + t.TempDir(), "PIPELINE_AUTOMATION=block", "PIPELINE_BLOCK=1"}
	p := startDaemon(t, env, "--interval=100ms")
	p.waitFor(t, `condition: launched run \S+: sleepy$`)
	if err := p.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	line := p.waitFor(t, `run \S+ \(condition\): `)
	if !regexp.MustCompile(`\(condition\): canceled: signal: interrupt$`).MatchString(line) {
		t.Errorf("the canceled run is reported as %q, want canceled: signal: interrupt", line)
	}
}

// An interrupted simulation stops as the real daemon does: exit 0, no
// "context canceled" from the tick it cut short.
func TestDaemonSimulateInterrupted(t *testing.T) {
	env := []string{"PIPELINE_AUTOMATION=day"}
	cmd := pipeline(t, env, "daemon", "--simulate", "2024-01-01T00:00:00Z", "--until", "2030-01-01T00:00:00Z", "--step", "1s")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	p := startProc(t, cmd)
	p.waitFor(t, `schedule morning: started`)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	var said []string
	for line := range p.lines {
		said = append(said, line)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("the simulation, interrupted: %v (stderr %q)", err, stderr.String())
	}
	// The lines of a run it cut short ("[run ID] ...") may name the
	// cancellation; the daemon's own may not.
	for _, line := range append(said, strings.Split(stderr.String(), "\n")...) {
		if !strings.HasPrefix(line, "[run ") && strings.Contains(line, "context canceled") {
			t.Errorf("the interrupted simulation said %q", line)
		}
	}
}
