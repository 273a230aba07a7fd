package history

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/assetgen/assetgen/internal/versions"
	"github.com/assetgen/assetgen/partition"

	"github.com/assetgen/assetgen/runtime"
)

// Reason says why an asset is stale.
type Reason string

// Reasons an asset is stale, in the order Staleness reports them.
const (
	NeverMaterialized    Reason = "never materialized"
	NeverObserved        Reason = "never observed" // an external asset with no data version observed yet
	LastAttemptFailed    Reason = "last attempt failed"
	LastAttemptCanceled  Reason = "last attempt canceled"
	CodeVersionChanged   Reason = "code version changed"
	ConfigChanged        Reason = "config differs from the defaults"
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
				End: a.Time, CodeVersion: a.CodeVersion, Config: a.Config, DataVersion: a.DataVersion, InputVersions: a.InputVersions})
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

// short is how a data version shows in a cause or a note.
func short(v string) string { return versions.Show(v) }

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

// Rerun is what re-executes a run from its failure (materialize
// --from-failure RUN_ID): the assets to run, and the partitions of the
// partitioned ones.
type Rerun struct {
	// Keys are the assets of the run with a step that did not succeed,
	// in the run's execution order.
	Keys []runtime.Key
	// Partitions holds, for each partitioned asset of Keys, the
	// partitions to run again (runtime.Partitions.Assets), in the order
	// of its keys.
	Partitions map[runtime.Key][]string
}

// FromFailure returns what re-executes a run from its failure: the steps
// of the run that did not succeed (failed, skipped, canceled, or never
// started because the run was cancelled or abandoned), in the run's
// execution order; for a partitioned asset, the partitions whose step did
// not succeed, and those its plan gave it (Run.Partitions) that have no
// record of the run (a run killed before it started them), which are
// read in the keys of defs in env (partitions the definition no longer
// has are left out). The outputs of the steps that succeeded are not
// selected, so runtime.Materialize loads them through their I/O managers.
// It is an error when the run does not exist (wrapping ErrNotFound), is
// still running, or has nothing to re-execute (wrapping ErrNothingToDo).
func FromFailure(ctx context.Context, log Log, runID string, defs []*runtime.AssetDef, env partition.Env) (*Rerun, error) {
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
	done := map[runtime.Key]bool{}      // unpartitioned steps that succeeded
	parts := map[runtime.Key][]string{} // partitions that did not succeed
	ok := map[stepID]bool{}             // partitions that did
	recorded := map[runtime.Key]bool{}  // assets with partition records
	for _, s := range steps {
		success := s.Status == runtime.StatusSuccess.String()
		switch {
		case s.Partition == "" && success:
			done[s.Key] = true
		case s.Partition == "":
		case success:
			ok[stepID{s.Key, s.Partition}] = true
			recorded[s.Key] = true
		default:
			parts[s.Key] = append(parts[s.Key], s.Partition)
			recorded[s.Key] = true
		}
	}
	g := runtime.NewGraph(defs)
	for key, ranges := range run.Partitions {
		n, found := g.Index(key)
		if !found || g.Def(n).Partitions == nil {
			continue
		}
		keys, err := g.Def(n).Partitions.Resolve(env)
		if err != nil {
			return nil, fmt.Errorf("history: run %s: asset %s: %w", runID, key, err)
		}
		for _, r := range ranges {
			lo, ok1 := keys.Index(r.Start)
			hi, ok2 := keys.Index(r.End)
			if !ok1 || !ok2 {
				continue // no longer partitions of the asset
			}
			for idx := lo; idx <= hi; idx++ {
				if k := keys.Key(idx); !ok[stepID{key, k}] && !slices.Contains(parts[key], k) {
					parts[key] = append(parts[key], k)
				}
			}
		}
	}
	rerun := &Rerun{Keys: []runtime.Key{}}
	seen := map[runtime.Key]bool{}
	add := func(k runtime.Key) {
		if seen[k] {
			return
		}
		seen[k] = true
		if len(parts[k]) > 0 {
			if rerun.Partitions == nil {
				rerun.Partitions = map[runtime.Key][]string{}
			}
			rerun.Partitions[k] = sortPartitions(g, env, k, parts[k])
			rerun.Keys = append(rerun.Keys, k)
			return
		}
		if !done[k] && !recorded[k] && run.Partitions[k] == nil {
			rerun.Keys = append(rerun.Keys, k)
		}
	}
	for _, k := range run.Selection {
		add(k)
	}
	// Steps recorded outside the selection (none expected) still count.
	for _, s := range steps {
		add(s.Key)
	}
	if len(rerun.Keys) == 0 {
		return nil, fmt.Errorf("history: run %s: every step succeeded, %w", runID, ErrNothingToDo)
	}
	return rerun, nil
}

// sortPartitions sorts the partitions of asset key in the order of its
// keys in env (those it no longer has last, by key).
func sortPartitions(g *runtime.Graph, env partition.Env, key runtime.Key, parts []string) []string {
	parts = slices.Clone(parts)
	var keys *partition.Keys
	if n, ok := g.Index(key); ok && g.Def(n).Partitions != nil {
		keys, _ = g.Def(n).Partitions.Resolve(env)
	}
	index := func(p string) int {
		if keys != nil {
			if i, ok := keys.Index(p); ok {
				return i
			}
		}
		return -1
	}
	slices.SortStableFunc(parts, func(a, b string) int {
		ia, ib := index(a), index(b)
		switch {
		case ia >= 0 && ib >= 0:
			return ia - ib
		case ia >= 0:
			return -1
		case ib >= 0:
			return 1
		}
		return strings.Compare(a, b)
	})
	return parts
}

// AddUpstream extends a run of keys, whose partitioned assets run the
// partitions parts gives, with the upstream assets and partitions that
// must run for it, transitively: those never materialized, and those
// whose last output reload says cannot be loaded in this process (the
// memory I/O manager of another process, say). A partitioned upstream
// adds the partitions the mappings read that are missing, or all of them
// when it cannot be reloaded. Upstreams reloaded from storage end the
// walk. It returns the keys (those of keys first, in their order, then
// the added ones in the order of the definitions) and the partitions of
// the partitioned ones, each a subset of its keys.
func (v *View) AddUpstream(ctx context.Context, keys []runtime.Key, parts map[runtime.Key]partition.Subset, reload func(*runtime.AssetDef) bool) ([]runtime.Key, map[runtime.Key]partition.Subset, error) {
	g := v.g
	in := make([]bool, g.Len())    // the nodes of keys
	added := make([]bool, g.Len()) // the nodes added
	need := map[int32]partition.Subset{}
	var stack []int32
	for _, k := range keys {
		if i, ok := g.Index(k); ok && !in[i] {
			in[i] = true
			need[i] = parts[k]
			stack = append(stack, i)
		}
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, u := range g.Upstream(i) {
			if in[u] {
				continue
			}
			d := g.Def(u)
			if d.Partitions == nil {
				if added[u] {
					continue
				}
				if r := v.recs[d.Key]; r != nil && r.Materialized() && reload(d) {
					continue
				}
				added[u] = true
				stack = append(stack, u)
				continue
			}
			st, err := v.state(ctx, u)
			if err != nil {
				return nil, nil, err
			}
			up := st.Partitions
			if up == nil {
				continue // its partitions cannot be listed: the run says why
			}
			sub, ok := up.upstream(v.mappingOf(i, u), need[i])
			if !ok {
				continue
			}
			all := !reload(d)
			var idx []int
			for j := range sub.Indexes() {
				if !need[u].Contains(j) && (all || up.record(j) == nil || !up.record(j).materialized()) {
					idx = append(idx, j)
				}
			}
			if len(idx) == 0 {
				continue
			}
			need[u] = need[u].Union(up.Keys.Subset(idx...))
			added[u] = true
			stack = append(stack, u) // again, for the partitions added
		}
	}
	out := slices.Clone(keys)
	outParts := map[runtime.Key]partition.Subset{}
	for k, s := range parts {
		outParts[k] = s
	}
	for i, a := range added {
		if a {
			d := g.Def(int32(i))
			out = append(out, d.Key)
			if d.Partitions != nil {
				outParts[d.Key] = need[int32(i)]
			}
		}
	}
	return out, outParts, nil
}

// withRequired returns the config record current (the defaults) with the
// fields it lacks, required fields without a default, taken from the
// recorded one: status cannot know the values a next run will be given,
// so a required value counts as unchanged, and a default that differs
// from the value recorded makes the asset stale.
func withRequired(current, recorded string) string {
	if recorded == "" || current == "" {
		return current
	}
	var cur, rec map[string]string
	if json.Unmarshal([]byte(current), &cur) != nil || json.Unmarshal([]byte(recorded), &rec) != nil {
		return current
	}
	for k, v := range rec {
		if _, ok := cur[k]; !ok {
			cur[k] = v
		}
	}
	b, _ := json.Marshal(cur)
	return string(b)
}
