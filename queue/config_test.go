package queue_test

import (
	"context"
	"os/exec"
	"strings"
	"testing"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
)

// TestConfig: 'materialize --queue' with --set carries the run config to
// the worker processes, which give it to the step of its asset and to the
// resource that step builds; a later run with another resource config
// gets resources of its own on the same workers; the history records each
// step's config as an in-process run does.
func TestConfig(t *testing.T) {
	c := newCluster(t)
	q := c.open()
	c.start("w1")
	c.start("w2")
	sel := []runtime.Key{"seed", "left", "right", "joined", "scaled"}
	for _, tt := range []struct {
		factor, add string
	}{
		{"3", "5"},
		{"2", "7"},
	} {
		cmd := exec.Command(binary, "materialize", "--queue", c.dsn, "--select", "+scaled",
			"--set", "scaled.factor="+tt.factor, "--set", "resources.offset.add="+tt.add, "--detach")
		cmd.Env = c.env
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("materialize --queue: %v\n%s", err, out)
		}
		id := strings.TrimSpace(string(out))
		run, steps := wait(t, q.History(), id)
		if run.Status != history.RunSuccess {
			t.Fatalf("run %s: %s (%s)", id, run.Status, run.Error)
		}
		cfg := runtime.RunConfig{"scaled": {"factor": tt.factor}, "resources.offset": {"add": tt.add}}
		checkOutputs(t, c.data, expected(t, runtime.Options{Selection: sel, Config: cfg}))
		for _, s := range steps {
			want := ""
			if s.Key == "scaled" {
				want = `{"factor":"` + tt.factor + `"}`
			}
			if s.Config != want {
				t.Errorf("run with factor %s: step %s recorded config %q, want %q", tt.factor, s.Key, s.Config, want)
			}
		}
	}

	// A config that does not fit is refused before anything is enqueued.
	cmd := exec.Command(binary, "materialize", "--queue", c.dsn, "--select", "+scaled", "--set", "scaled.factr=3")
	cmd.Env = c.env
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "invalid config, nothing ran") || !strings.Contains(string(out), `"factr"`) {
		t.Errorf("a bad config: %v\n%s", err, out)
	}
	runs, err := q.History().Runs(context.Background(), history.RunQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 {
		t.Errorf("%d runs recorded, want 2", len(runs))
	}
}
