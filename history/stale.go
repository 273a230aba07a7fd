package history

import (
	"context"
	"fmt"
	"slices"
	"strings"

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
	// when none).
	Logical, Recorded string
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
// fresh or stale and why, from latest (Log.Assets). It is a pure function.
// Only unpartitioned records count. An asset is stale when:
//   - it was never materialized;
//   - its last attempt failed, or was canceled, after its last
//     materialization;
//   - its code version differs from the one it was materialized with;
//   - an upstream input's data version differs from the one used (where
//     the input's version was recorded);
//   - an upstream was materialized after it, where no data version of
//     that upstream was recorded (deps= edges, unknown versions);
//   - an upstream is stale: it will change when re-materialized;
//   - its stored output is not what the history records (Asset.Conflict,
//     set by Apply).
func Staleness(defs []*runtime.AssetDef, latest []Asset) []State {
	recs := make(map[runtime.Key]*Asset, len(latest))
	for i := range latest {
		if latest[i].Partition == "" {
			recs[latest[i].Key] = &latest[i]
		}
	}
	g := runtime.NewGraph(defs)
	states := make([]*State, len(defs)) // by node
	eval := func(node int32) *State {
		d := g.Def(node)
		s := &State{Key: d.Key, Last: recs[d.Key]}
		rec := s.Last
		add := func(c Cause) { s.Causes = append(s.Causes, c) }

		current := map[runtime.Key]string{}
		for _, in := range d.Inputs {
			if u := recs[in.Key]; u != nil && u.Materialized() {
				current[in.Key] = u.DataVersion
			}
		}
		s.Logical = LogicalVersion(d.CodeVersion, current)
		if rec != nil && rec.Materialized() {
			s.Recorded = LogicalVersion(rec.CodeVersion, rec.InputVersions)
		}

		if rec != nil && rec.Conflict != "" {
			add(Cause{Reason: StoredOutputDiffers, Detail: rec.Conflict})
		}
		switch {
		case rec == nil || !rec.Materialized():
			add(Cause{Reason: NeverMaterialized})
			if c, ok := lastAttempt(rec); ok {
				add(c)
			}
		default:
			if c, ok := lastAttempt(rec); ok && !rec.LastTime.Before(rec.Time) {
				add(c)
			}
			if d.CodeVersion != rec.CodeVersion {
				add(Cause{Reason: CodeVersionChanged, Detail: fmt.Sprintf("%q -> %q", rec.CodeVersion, d.CodeVersion)})
			}
			for _, j := range g.Upstream(node) {
				k := g.Def(j).Key
				u := recs[k]
				if u == nil || !u.Materialized() {
					continue // reported as upstream stale below
				}
				if used, ok := rec.InputVersions[k]; ok {
					if used != u.DataVersion {
						add(Cause{Reason: UpstreamDataChanged, Upstream: k, Detail: fmt.Sprintf("%s -> %s", short(used), short(u.DataVersion))})
					}
				} else if u.Time.After(rec.Time) {
					add(Cause{Reason: UpstreamMaterialized, Upstream: k, Detail: "in run " + u.RunID})
				}
			}
		}
		for _, j := range g.Upstream(node) {
			// An upstream on a cycle may not be known yet: the
			// definitions are invalid, and it counts as fresh.
			if us := states[j]; us != nil && us.Stale {
				add(Cause{Reason: UpstreamStale, Upstream: g.Def(j).Key})
			}
		}
		s.Stale = len(s.Causes) > 0
		return s
	}
	// Upstream assets first, then those on or after a cycle.
	for _, node := range g.Order(nil) {
		states[node] = eval(node)
	}
	for i, d := range defs {
		if d == nil || states[i] != nil {
			continue
		}
		if first, ok := g.Index(d.Key); ok && first == int32(i) {
			states[i] = eval(first)
		}
	}
	// A repeated key gets the state of its first definition.
	out := make([]State, len(defs))
	for i, d := range defs {
		if d == nil {
			continue
		}
		if first, ok := g.Index(d.Key); ok {
			out[i] = *states[first]
		} else {
			out[i] = State{Key: d.Key}
		}
	}
	return out
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
// every asset of defs.
func Stale(ctx context.Context, log Log, defs []*runtime.AssetDef) ([]State, error) {
	latest, err := log.Assets(ctx)
	if err != nil {
		return nil, err
	}
	return Staleness(defs, latest), nil
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
