package history_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
)

// TestTake: a queue worker's recorder never writes the end of a step it
// saw start, however long it waits: Take gives it, for the step's
// completion to write, and forgets the step. A step it never saw start
// (skipped) is written as before.
func TestTake(t *testing.T) {
	ctx := context.Background()
	log, err := history.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	rec := history.NewStepRecorder(log, "w1", func(string, runtime.Key, string) (int, int64) { return 1, 1 << 32 })
	defer rec.Close()
	now := time.Now()
	rec.OnEvent(runtime.Event{Type: runtime.StepStart, Time: now, RunID: "r", Key: "a", Attempt: 1})
	rec.OnEvent(runtime.Event{Type: runtime.StepSuccess, Time: now.Add(time.Millisecond), RunID: "r", Key: "a", Attempt: 1, DataVersion: "v1"})
	rec.OnEvent(runtime.Event{Type: runtime.StepSkipped, Time: now, RunID: "r", Key: "b", Err: errors.New("upstream a failed"), Cause: "a"})
	if err := rec.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	steps, err := log.Steps(ctx, "r")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		if s.Key == "a" && s.Status != history.StepRunning {
			t.Errorf("the recorder wrote step a %s before Take", s.Status)
		}
	}
	if len(steps) != 1 || steps[0].Key != "b" || steps[0].Status != "skipped" {
		t.Errorf("steps written: %+v, want b skipped only", steps)
	}

	b, err := rec.Take(ctx, "r", "a", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Steps) != 1 || b.Steps[0].Status != "success" || b.Steps[0].DataVersion != "v1" || b.Steps[0].Worker != "w1" {
		t.Fatalf("Take gave %+v, want step a, success, v1, worker w1", b.Steps)
	}
	again, err := rec.Take(ctx, "r", "a", "")
	if err != nil || len(again.Steps) != 0 {
		t.Errorf("a second Take gave %+v, %v: the step is forgotten", again.Steps, err)
	}
	if err := log.Write(ctx, b); err != nil {
		t.Fatal(err)
	}
	assets, err := log.Assets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(assets) != 1 || assets[0].Key != "a" || assets[0].RunID != "r" {
		t.Errorf("assets %+v, want a materialized by r", assets)
	}
}
