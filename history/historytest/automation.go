package historytest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var automationCases = []struct {
	name string
	f    func(t *testing.T, spec string)
}{
	{"Lease", testLease},
	{"AutomationState", testAutomationState},
	{"FencedClaim", testFencedClaim},
}

// testFencedClaim: a fenced claim is recorded only while its holder holds
// the lease unexpired; once the lease lapsed (another daemon took it),
// the old holder's claim records nothing and says so.
func testFencedClaim(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	now := time.Now().Truncate(time.Microsecond)
	claim := func(holder, tick string, at time.Time) (bool, error) {
		return log.ClaimTick(ctx, history.Claim{Name: "condition:a", Tick: tick, RunID: "r-" + tick, Now: at, Lease: "automation", Holder: holder})
	}
	_, err := claim("a", "t0", now)
	require.ErrorIs(t, err, history.ErrNotLeader, "no lease taken yet")
	_, err = log.AcquireLease(ctx, "automation", "a", now, 5*time.Second)
	require.NoError(t, err)
	ok, err := claim("a", "t1", now.Add(time.Second))
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = claim("a", "t1", now.Add(2*time.Second))
	require.NoError(t, err)
	assert.False(t, ok, "a tick claimed twice by the leader")
	_, err = claim("b", "t2", now.Add(time.Second))
	require.ErrorIs(t, err, history.ErrNotLeader, "a standby claimed")
	_, err = claim("a", "t3", now.Add(6*time.Second))
	require.ErrorIs(t, err, history.ErrNotLeader, "a claim after the lease expired")
	l, err := log.AcquireLease(ctx, "automation", "b", now.Add(6*time.Second), 5*time.Second)
	require.NoError(t, err)
	require.Equal(t, "b", l.Holder)
	_, err = claim("a", "t4", now.Add(6*time.Second))
	require.ErrorIs(t, err, history.ErrNotLeader, "the old leader claimed")
	ok, err = claim("b", "t4", now.Add(7*time.Second))
	require.NoError(t, err)
	assert.True(t, ok)
}

// testLease: one holder at a time; the lease passes on only once it
// lapses or is released; of many processes' connections racing for a
// free lease, exactly one wins.
func testLease(t *testing.T, spec string) {
	ctx := context.Background()
	a, b := open(t, spec), open(t, spec)
	now := time.Now().Truncate(time.Microsecond)
	l, err := a.AcquireLease(ctx, "automation", "a", now, 5*time.Second)
	require.NoError(t, err)
	assert.Equal(t, "a", l.Holder)
	assert.True(t, l.Expires.Equal(now.Add(5*time.Second)), "expires %v", l.Expires)

	l, err = b.AcquireLease(ctx, "automation", "b", now.Add(4*time.Second), 5*time.Second)
	require.NoError(t, err)
	assert.Equal(t, "a", l.Holder, "b took a lease that had not lapsed")

	l, err = a.AcquireLease(ctx, "automation", "a", now.Add(4*time.Second), 5*time.Second)
	require.NoError(t, err)
	assert.Equal(t, "a", l.Holder, "a could not renew")

	l, err = b.AcquireLease(ctx, "automation", "b", now.Add(8*time.Second), 5*time.Second)
	require.NoError(t, err)
	assert.Equal(t, "a", l.Holder, "b took the renewed lease before it lapsed")
	l, err = b.AcquireLease(ctx, "automation", "b", now.Add(9*time.Second+time.Millisecond), 5*time.Second)
	require.NoError(t, err)
	assert.Equal(t, "b", l.Holder, "b did not take the lapsed lease")

	require.NoError(t, a.ReleaseLease(ctx, "automation", "a")) // not a's: nothing happens
	l, err = a.AcquireLease(ctx, "automation", "a", now.Add(10*time.Second), 5*time.Second)
	require.NoError(t, err)
	assert.Equal(t, "b", l.Holder)
	require.NoError(t, b.ReleaseLease(ctx, "automation", "b"))

	// Racing for the released lease: one winner.
	var wg sync.WaitGroup
	winners := make(chan string, 8)
	for i := range 8 {
		name := string(rune('c' + i))
		wg.Go(func() {
			log := a
			if i%2 == 1 {
				log = b
			}
			l, err := log.AcquireLease(ctx, "automation", name, now.Add(11*time.Second), 5*time.Second)
			if assert.NoError(t, err) && l.Holder == name {
				winners <- name
			}
		})
	}
	wg.Wait()
	close(winners)
	n := 0
	for range winners {
		n++
	}
	assert.Equal(t, 1, n, "winners of one lease")
}

// testAutomationState: states keep their pause across saves, ticks are
// claimed once, evaluations replace the previous one per asset.
func testAutomationState(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	now := time.Now().Truncate(time.Microsecond)
	require.NoError(t, log.SetPaused(ctx, "schedule:daily", "schedule", true))
	require.NoError(t, log.SaveAutomationState(ctx, history.AutomationState{Name: "schedule:daily", Kind: "schedule", LastTick: now, LastResult: "launched"}))
	require.NoError(t, log.SaveAutomationState(ctx, history.AutomationState{Name: "sensor:files", Kind: "sensor", Cursor: "c1", LastError: "boom"}))
	states, err := log.AutomationStates(ctx)
	require.NoError(t, err)
	require.Len(t, states, 2)
	assert.Equal(t, history.AutomationState{Name: "schedule:daily", Kind: "schedule", Paused: true, LastTick: now, LastResult: "launched"}, states[0])
	assert.Equal(t, history.AutomationState{Name: "sensor:files", Kind: "sensor", Cursor: "c1", LastError: "boom"}, states[1])
	require.NoError(t, log.SetPaused(ctx, "schedule:daily", "schedule", false))
	states, err = log.AutomationStates(ctx)
	require.NoError(t, err)
	assert.False(t, states[0].Paused)
	assert.Equal(t, "launched", states[0].LastResult)

	ok, err := log.ClaimTick(ctx, history.Claim{Name: "schedule:daily", Tick: "2024-01-01T00:00:00Z", RunID: "run1", Now: now})
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = open(t, spec).ClaimTick(ctx, history.Claim{Name: "schedule:daily", Tick: "2024-01-01T00:00:00Z", RunID: "run2", Now: now})
	require.NoError(t, err)
	assert.False(t, ok, "a tick claimed twice")

	require.NoError(t, log.WriteEvaluations(ctx, []history.Evaluation{
		{Key: "b", Tick: now, Reason: "upstream a missing"},
		{Key: "a", Tick: now, Requested: []string{"2024-01-01"}, Reason: "missing", RunID: "r1"},
	}))
	require.NoError(t, log.WriteEvaluations(ctx, []history.Evaluation{{Key: "b", Tick: now.Add(time.Second), Requested: []string{""}, Reason: "upstream a updated", RunID: "r2"}}))
	// Many rows (over several statements) with a key repeated: the last
	// one of a key is kept.
	var many []history.Evaluation
	for i := range 450 {
		many = append(many, history.Evaluation{Key: runtime.Key(fmt.Sprintf("m%03d", i)), Tick: now, Reason: "first"})
	}
	many = append(many, history.Evaluation{Key: "m007", Tick: now, Reason: "second", RunID: "r7"})
	require.NoError(t, log.WriteEvaluations(ctx, many))
	all, err := log.Evaluations(ctx)
	require.NoError(t, err)
	require.Len(t, all, 452)
	for _, e := range all[2:] {
		want := "first"
		if e.Key == "m007" {
			want = "second"
		}
		assert.Equal(t, want, e.Reason, e.Key)
	}
	evals, err := log.Evaluations(ctx)
	evals = evals[:2]
	require.NoError(t, err)
	assert.Equal(t, []history.Evaluation{
		{Key: "a", Tick: now, Requested: []string{"2024-01-01"}, Reason: "missing", RunID: "r1"},
		{Key: "b", Tick: now.Add(time.Second), Requested: []string{""}, Reason: "upstream a updated", RunID: "r2"},
	}, evals)
}
