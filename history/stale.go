package history

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/assetgen/assetgen/partition"

	"github.com/assetgen/assetgen/runtime"
)

// Reason says why an asset is stale.
type Reason string

// Reasons an asset is stale, in the order Staleness reports them.
const (
	NeverMaterialized    Reason = "never materialized"
	LastAttemptFailed    Reason = "last attempt failed"
	LastAttemptCanceled  Reason = "last attempt canceled"
	CodeVersionChanged   Reason = "code version changed"
	UpstreamDataChanged  Reason = "upstream data changed"
	UpstreamMaterialized Reason = "upstream materialized since"
	UpstreamStale        Reason = "upstream stale"
	StoredOutputDiffers  Reason = "stored output differs from the history"
)

// Cause is one reason an asset is stale, with the upstream concerned and
// the details.
type Cause struct {
	Reason   Reason
	Upstream runtime.Key // for the upstream reasons
	Detail   string      // e.g. `"v1" -> "v2"`
}

// String returns "code version changed (\"v1\" -> \"v2\")" and the like.
func (c Cause) String() string {
	s := string(c.Reason)
	if c.Upstream != "" {
		s += " " + string(c.Upstream)
	}
	if c.Detail != "" {
		s += " (" + c.Detail + ")"
	}
	return s
}

// State is the staleness of one asset.
type State struct {
	Key    runtime.Key
	Stale  bool
	Causes []Cause // why it is stale; empty when fresh
	Last   *Asset  // its latest record; nil when never attempted
	// Logical is the logical version a materialization would have now:
	// the definition's code version with the upstreams' latest data
	// versions. Recorded is the one of the last materialization (empty
	// when none). Both are empty for a partitioned asset.
	Logical, Recorded string
	// Partitions is the state of each partition of a partitioned asset
	// (nil for an unpartitioned one, or when its partitions cannot be
	// listed: see PartitionsUnknown). The asset is stale when any of
	// them is not fresh; Last is then its latest materialization of any
	// partition.
	Partitions *Partitions
}

// Why joins the causes: "code version changed (...); upstream stale b".
func (s *State) Why() string {
	parts := make([]string, len(s.Causes))
	for i, c := range s.Causes {
		parts[i] = c.String()
	}
	return strings.Join(parts, "; ")
}

// Staleness says, for each asset of defs (in that order), whether it is
// fresh or stale and why, from latest (Log.Assets), whose records with a
// Partition are those of the partitions of partitioned assets, with
// partition keys resolved at the current time (no dynamic keys). It is a
// pure function: see View for the rules, and for a history's records.
func Staleness(defs []*runtime.AssetDef, latest []Asset) []State {
	parts := map[runtime.Key][]*Step{}
	for i := range latest {
		a := &latest[i]
		if a.Partition == "" {
			continue
		}
		// The record as the steps that made it would have left it.
		if a.Materialized() {
			parts[a.Key] = append(parts[a.Key], &Step{Key: a.Key, Partition: a.Partition, RunID: a.RunID, Status: "success",
				End: a.Time, CodeVersion: a.CodeVersion, DataVersion: a.DataVersion, InputVersions: a.InputVersions})
		}
		if a.LastRunID != "" && (a.LastRunID != a.RunID || !a.LastTime.Equal(a.Time)) {
			parts[a.Key] = append(parts[a.Key], &Step{Key: a.Key, Partition: a.Partition, RunID: a.LastRunID, Status: a.LastStatus,
				End: a.LastTime, Error: a.LastError})
		}
	}
	v := NewView(nil, defs, latest, nil, partition.Env{Now: time.Now()})
	v.load = func(_ context.Context, key runtime.Key) (*PartitionRecords, error) {
		ups := parts[key]
		sortSteps(ups)
		recs, _ := merge(nil, ups)
		return &PartitionRecords{Key: key, recs: recs}, nil
	}
	states, err := v.States(context.Background(), nil)
	if err != nil {
		panic(err) // no I/O: cannot happen
	}
	return states
}

// lastAttempt returns the cause that the last attempt of rec (nil when
// none) failed or was canceled, if it did.
func lastAttempt(rec *Asset) (Cause, bool) {
	switch {
	case rec == nil:
	case rec.LastStatus == "failed":
		return Cause{Reason: LastAttemptFailed, Detail: lastError(rec)}, true
	case rec.LastStatus == "canceled":
		return Cause{Reason: LastAttemptCanceled, Detail: lastError(rec)}, true
	}
	return Cause{}, false
}

func lastError(a *Asset) string {
	e := a.LastError
	if len(e) > 200 {
		e = e[:200] + "..."
	}
	if a.LastRunID != "" {
		if e == "" {
			return "in run " + a.LastRunID
		}
		return "in run " + a.LastRunID + ": " + e
	}
	return e
}

func short(v string) string {
	if v == "" {
		return `""`
	}
	if len(v) > 16 {
		return v[:16]
	}
	return v
}

// StaleSelection returns the keys of the stale assets of defs, in defs
// order: the selection for `materialize --stale`. Whatever must run for
// them is included: an upstream that has no materialization to load is
// itself stale, and the downstream of a stale asset is stale too (upstream
// stale). Fresh upstreams of the selection are loaded through their I/O
// managers. The result is empty (not nil) when everything is fresh; do not
// pass an empty selection to runtime.Materialize, where nil means all.
func StaleSelection(states []State) []runtime.Key {
	keys := []runtime.Key{}
	for _, s := range states {
		if s.Stale {
			keys = append(keys, s.Key)
		}
	}
	return keys
}

// Stale loads the latest records from log and returns the staleness of
// every asset of defs, with partition keys resolved now (see Env).
func Stale(ctx context.Context, log Log, defs []*runtime.AssetDef) ([]State, error) {
	latest, err := log.Assets(ctx)
	if err != nil {
		return nil, err
	}
	return NewView(log, defs, latest, nil, Env(ctx, log)).States(ctx, nil)
}

// FromFailure returns the selection that re-executes a run from its
// failure (`materialize --from-failure RUN_ID`): the keys of the run's
// selection whose step did not succeed (failed, skipped, canceled, or never
// started because the run was cancelled or abandoned), in the run's
// execution order. The outputs of the steps that succeeded are not
// selected, so runtime.Materialize loads them through their I/O managers.
// It is an error when the run does not exist (wrapping ErrNotFound), is
// still running, or has nothing to re-execute (wrapping ErrNothingToDo).
func FromFailure(ctx context.Context, log Log, runID string) ([]runtime.Key, error) {
	run, err := log.Run(ctx, runID)
	if err != nil {
		return nil, err
	}
	if run.Status == RunRunning {
		return nil, fmt.Errorf("history: run %s is still running (process %d on %s)", runID, run.PID, run.Host)
	}
	steps, err := log.Steps(ctx, runID)
	if err != nil {
		return nil, err
	}
	done := map[runtime.Key]bool{}
	for _, s := range steps {
		if s.Partition == "" && s.Status == runtime.StatusSuccess.String() {
			done[s.Key] = true
		}
	}
	keys := []runtime.Key{}
	seen := map[runtime.Key]bool{}
	for _, k := range run.Selection {
		if !done[k] && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	// Steps recorded outside the selection (none expected) still count.
	for _, s := range steps {
		if !done[s.Key] && !seen[s.Key] {
			seen[s.Key] = true
			keys = append(keys, s.Key)
		}
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("history: run %s: every step succeeded, %w", runID, ErrNothingToDo)
	}
	return keys, nil
}

// AddUpstream returns keys (a selection, from StaleSelection or
// FromFailure) with the upstream assets, transitively, that must run
// again for them: those of an unselected upstream for which reload
// returns false, because its last output cannot be loaded here (the
// memory I/O manager of another process, say). Upstreams reload accepts
// are loaded through their I/O managers by the runtime, and end the walk.
// The result lists keys first, in their order, then the added ones in defs
// order.
func AddUpstream(defs []*runtime.AssetDef, keys []runtime.Key, reload func(*runtime.AssetDef) bool) []runtime.Key {
	g := runtime.NewGraph(defs)
	in := make([]bool, g.Len())    // the nodes of keys
	added := make([]bool, g.Len()) // the nodes added
	var stack []int32
	for _, k := range keys {
		if i, ok := g.Index(k); ok && !in[i] {
			in[i] = true
			stack = append(stack, i)
		}
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, u := range g.Upstream(i) {
			if in[u] || added[u] || reload(g.Def(u)) {
				continue
			}
			added[u] = true
			stack = append(stack, u)
		}
	}
	out := slices.Clone(keys)
	for i, a := range added {
		if a {
			out = append(out, g.Def(int32(i)).Key)
		}
	}
	return out
}
