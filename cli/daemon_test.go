//go:build unix

package cli

import (
	"bufio"
	"context"
	"os/exec"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"

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
	p := &daemonProc{cmd: pipeline(t, env, append([]string{"daemon"}, args...)...), lines: make(chan string, 10000)}
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
