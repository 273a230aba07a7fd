//go:build unix

package cli

import (
	"encoding/json"
	"regexp"
	"syscall"
	"testing"
)

// TestInterruptRecorded interrupts a run and checks that the history has
// all of it: the run canceled, the interrupted step canceled, the steps
// done before it succeeded.
func TestInterruptRecorded(t *testing.T) {
	env := store(t)
	s := start(t, with(env, "PIPELINE_BLOCK=1"), "materialize", "--select", "sleepy or +combined_data", "-j", "1")
	s.waitFor(t, "sleeping until cancelled")
	if err := s.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	r := s.wait(t)
	r.want(t, 130, summaryRow("sleepy", "canceled", "1"))
	id := runID(t, r)

	runs := runsJSON(t, env)
	if len(runs) != 1 || runs[0].ID != id || runs[0].Status != "canceled" || runs[0].End == nil || runs[0].Steps["running"] != 0 {
		t.Fatalf("runs --json after an interrupt: %+v, want run %s canceled and ended", runs, id)
	}
	out := run(t, env, "runs", "show", id, "--json")
	out.want(t, 0)
	var shown struct {
		Steps []stepEntry `json:"steps"`
	}
	if err := json.Unmarshal([]byte(out.stdout), &shown); err != nil {
		t.Fatal(err)
	}
	// Every step the summary shows as run is recorded with its status.
	for _, st := range shown.Steps {
		if st.Asset == "sleepy" && st.Status != "canceled" {
			t.Errorf("sleepy recorded as %s, want canceled", st.Status)
		}
		if want := summaryRow(st.Asset, st.Status, ""); !matches(want, r.stdout) {
			t.Errorf("%s recorded as %s, unlike the summary:\n%s", st.Asset, st.Status, r.stdout)
		}
	}
	if len(shown.Steps) == 0 {
		t.Errorf("no steps recorded")
	}
	// The interrupted step is stale: its last attempt did not succeed.
	run(t, env, "status").want(t, 0, statusRow("sleepy", "stale", "never materialized"))
}

func matches(pattern, s string) bool { return regexp.MustCompile(pattern).MatchString(s) }

// TestSecondInterruptRecorded checks that a second interrupt, which exits
// without waiting for a step that ignores cancellation, still records the
// run as canceled, and why, rather than leaving it for the next command
// to mark as abandoned.
func TestSecondInterruptRecorded(t *testing.T) {
	env := store(t)
	s := start(t, with(env, "PIPELINE_BLOCK=ignore"), "materialize", "--select", "sleepy or people", "-j", "1")
	s.waitFor(t, "sleeping until cancelled")
	s.cmd.Process.Signal(syscall.SIGINT)
	s.waitFor(t, "canceling the run")
	s.cmd.Process.Signal(syscall.SIGINT)
	s.wait(t).want(t, 130)

	runs := runsJSON(t, env)
	if len(runs) != 1 || runs[0].Status != "canceled" || !matches("interrupted again", runs[0].Error) || runs[0].Steps["running"] != 0 {
		t.Fatalf("runs --json after a second interrupt: %+v, want the run canceled by the second interrupt", runs)
	}
	run(t, env, "runs", "show", runs[0].ID).want(t, 0, `(?m)^sleepy +canceled +1 .*interrupted again`)
}
