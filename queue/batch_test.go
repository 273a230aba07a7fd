package queue

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	goruntime "runtime"
	"sync"
	"testing"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/pgtest"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
)

// TestBatcher: requests that arrive while a round trip is in flight go
// together in the next one, only with those that may share it, and each
// caller gets its own result.
func TestBatcher(t *testing.T) {
	type req struct {
		group string
		n     int
	}
	first := make(chan struct{})   // the first round trip has started
	release := make(chan struct{}) // and may end
	var mu sync.Mutex
	var trips [][]req
	b := &batcher[req, string]{
		send: func(reqs []req) []string {
			mu.Lock()
			trips = append(trips, reqs)
			n := len(trips)
			mu.Unlock()
			if n == 1 {
				close(first)
				<-release
			}
			out := make([]string, len(reqs))
			for i, r := range reqs {
				out[i] = fmt.Sprint(r.group, r.n)
			}
			return out
		},
		same: func(a, b req) bool { return a.group == b.group },
	}
	results := make([]string, 21)
	var wg sync.WaitGroup
	wg.Go(func() { results[0] = b.do(req{"a", 0}) })
	<-first
	for i := 1; i <= 20; i++ {
		g := "a"
		if i%2 == 0 {
			g = "b"
		}
		wg.Go(func() { results[i] = b.do(req{g, i}) })
	}
	// Every one of them waits for the round trip in flight.
	for {
		b.mu.Lock()
		n := len(b.pending)
		b.mu.Unlock()
		if n == 20 {
			break
		}
		goruntime.Gosched()
	}
	close(release)
	wg.Wait()

	for i, r := range results {
		g := "a"
		if i > 0 && i%2 == 0 {
			g = "b"
		}
		if want := fmt.Sprint(g, i); r != want {
			t.Errorf("request %d got %q, want %q", i, r, want)
		}
	}
	// The first alone, then the ten of each group in one round trip each.
	if len(trips) != 3 {
		t.Fatalf("%d round trips, want 3: %v", len(trips), trips)
	}
	for _, trip := range trips[1:] {
		if len(trip) != 10 {
			t.Errorf("a round trip of %d requests, want 10: %v", len(trip), trip)
		}
		for _, r := range trip {
			if r.group != trip[0].group {
				t.Errorf("requests of groups %s and %s share a round trip", trip[0].group, r.group)
			}
		}
	}
}

// TestCompleteLeaves: the leaves of a run complete together in one round
// trip, but a round trip that one of them cannot take (its lease is
// gone, or it ends the run) changes nothing, and each is tried alone.
func TestCompleteLeaves(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Database(t, "batch")
	q, err := Open(ctx, dsn, "batch")
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	ints := reflect.TypeFor[int]()
	defs := &runtime.Definitions{IOManagers: map[string]runtime.IOManager{"io_manager": fs.New(t.TempDir(), fs.Shared())}}
	for i := range 4 {
		defs.Assets = append(defs.Assets, &runtime.AssetDef{Key: runtime.Key(fmt.Sprint("a", i)), OutputType: ints,
			Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return i, nil }})
	}
	_, run, err := q.Launch(ctx, defs, runtime.Options{}, LaunchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	w := q.NewWorker(defs, WorkerOptions{ID: "w"})
	// Claim the four steps in one round trip.
	var claims []claimReq
	for i := range 4 {
		claims = append(claims, claimReq{a: stepArgs{Run: run, Key: fmt.Sprint("a", i), Step: int32(i), Fingerprint: w.fp}, job: int64(i + 1), token: int64(100 + i)})
	}
	for i, c := range w.claimSteps(claims) {
		if c.err != nil || !c.found {
			t.Fatalf("claim of step %d: %+v", i, c)
		}
	}
	// Claimed again, none is found.
	for i, c := range w.claimSteps(claims) {
		if c.err != nil || c.found {
			t.Fatalf("second claim of step %d: %+v", i, c)
		}
	}
	leaf := func(i int, token int64) leafReq {
		return leafReq{a: claims[i].a, token: token, rec: &history.Batch{}, status: "success", dv: fmt.Sprint("v", i)}
	}
	remaining := func() int {
		var n int
		if err := q.pool.QueryRow(ctx, `SELECT remaining FROM assetgen_queue_runs WHERE run_id = $1`, run).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	check := func(what string, errs []error, want error, left int) {
		t.Helper()
		for i, err := range errs {
			if !errors.Is(err, want) {
				t.Errorf("%s: completion %d: %v, want %v", what, i, err, want)
			}
		}
		if n := remaining(); n != left {
			t.Errorf("%s: %d steps remain, want %d", what, n, left)
		}
	}
	// A lease that is not the step's: the round trip changes nothing.
	check("a lost lease", w.completeLeaves([]leafReq{leaf(0, 100), leaf(1, 999)}), errAlone, 4)
	// Two together.
	check("two leaves", w.completeLeaves([]leafReq{leaf(0, 100), leaf(1, 101)}), nil, 2)
	// The last two would end the run: together, neither; alone, the
	// first, and the last must take the general way.
	check("the run's last", w.completeLeaves([]leafReq{leaf(2, 102), leaf(3, 103)}), errAlone, 2)
	check("alone", w.completeLeaves([]leafReq{leaf(2, 102)}), nil, 1)
	check("the last alone", w.completeLeaves([]leafReq{leaf(3, 103)}), errFallback, 1)

	var states []string
	rows, err := q.pool.Query(ctx, `SELECT state || ':' || data_version FROM assetgen_queue_steps WHERE run_id = $1 ORDER BY step`, run)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		states = append(states, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if want := []string{"success:v0", "success:v1", "success:v2", "running:"}; !reflect.DeepEqual(states, want) {
		t.Errorf("steps %v, want %v", states, want)
	}
}
