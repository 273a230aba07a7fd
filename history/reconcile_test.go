package history_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// TestReconcile runs a pipeline whose process "exits" after b's store
// and before b's success is recorded (the events are dropped, and the run
// aborted as a second interrupt does), and checks what Check, Apply and
// Reconcile make of the stored output.
func TestReconcile(t *testing.T) {
	forEachStore(t, func(t *testing.T, log history.Log) {
		ctx := context.Background()
		p := newPipeline()
		mem := p.defs.IOManagers[runtime.DefaultIOManager].(*memory.Manager)
		opts := runtime.Options{Logger: quiet, RunID: "cut", Selection: []runtime.Key{"a", "b"}}
		rec, err := history.Record(ctx, log, &opts, nil)
		require.NoError(t, err)
		next := opts.OnEvent
		opts.OnEvent = func(e runtime.Event) {
			if e.Type == runtime.RunEnd || e.Type == runtime.StepSuccess && e.Key == "b" {
				return // the process is gone before these reach the history
			}
			next(e)
		}
		res, err := runtime.Materialize(ctx, p.defs, opts)
		require.NoError(t, err)
		require.True(t, res.OK())
		require.NoError(t, rec.Abort(ctx, errors.New("interrupted again")))
		require.NoError(t, rec.Close())

		latest, err := log.Assets(ctx)
		require.NoError(t, err)
		findings, err := history.Check(ctx, log, p.defs, latest)
		require.NoError(t, err)
		require.Len(t, findings, 1)
		f := findings[0]
		assert.Equal(t, history.Landed, f.Kind)
		assert.Equal(t, runtime.Key("b"), f.Key)
		assert.Equal(t, "cut", f.Run.ID)
		require.NotNil(t, f.Step)
		assert.Equal(t, "canceled", f.Step.Status)
		assert.Regexp(t, `^output of run cut landed at .* after its step was recorded as canceled$`, f.String())

		// Read-only: the records as they will be, nothing written.
		view := history.Apply(latest, findings)
		states := history.Staleness(p.defs.Assets, view)
		assert.False(t, states[1].Stale, states[1].Why())
		assert.True(t, states[1].Last.Landed)
		assert.Equal(t, "cut", states[1].Last.RunID)
		assert.Equal(t, "run:cab54f58c9d5adca3e0d6ae9", states[1].Last.DataVersion) // DefaultDataVersion("cut", "b", "")
		steps, err := log.Steps(ctx, "cut")
		require.NoError(t, err)
		assert.Equal(t, map[runtime.Key]string{"a": "success", "b": "canceled"}, statusesOf(steps))

		// Recorded.
		latest, findings, err = history.Reconciled(ctx, log, p.defs, true)
		require.NoError(t, err)
		require.Len(t, findings, 1)
		steps, err = log.Steps(ctx, "cut")
		require.NoError(t, err)
		assert.Equal(t, map[runtime.Key]string{"a": "success", "b": "success"}, statusesOf(steps))
		assert.Equal(t, "output landed after the step was recorded as canceled (interrupted again); recorded from the stamp its I/O manager stored with it", steps[1].Note)
		assert.Equal(t, "run:cab54f58c9d5adca3e0d6ae9", steps[1].DataVersion)
		run, err := log.Run(ctx, "cut")
		require.NoError(t, err)
		assert.Equal(t, history.RunCanceled, run.Status, "the run's status stays")
		assert.Equal(t, map[string]int{"success": 2}, run.Counts)
		states = history.Staleness(p.defs.Assets, latest)
		assert.False(t, states[1].Stale, states[1].Why())
		assert.False(t, states[1].Last.Landed, "recorded now")
		_, findings, err = history.Reconciled(ctx, log, p.defs, true)
		require.NoError(t, err)
		assert.Empty(t, findings, "recorded once")

		// An output of a run the history never heard of.
		require.NoError(t, mem.Store(&runtime.OutputContext{Context: ctx, RunID: "ghost", Key: "d"}, 8))
		latest, findings, err = history.Reconciled(ctx, log, p.defs, true)
		require.NoError(t, err)
		require.Len(t, findings, 1)
		assert.Equal(t, history.UnknownRun, findings[0].Kind)
		d := history.Staleness(p.defs.Assets, latest)[3]
		assert.Equal(t, "stored output differs from the history (the stored output was written by run ghost, which the history does not have); never materialized", d.Why())
	})
}
