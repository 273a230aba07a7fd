package cli

import (
	"maps"
	"slices"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
)

// stepNotStarted is the status runs show gives a step of a run's plan
// that has no record: the run's process died before starting it.
const stepNotStarted = "not started"

// notStarted returns the unpartitioned assets of run's selection that
// have no step record, in the order of the selection.
func notStarted(run *history.Run, steps []history.Step) []runtime.Key {
	seen := map[runtime.Key]bool{}
	for _, s := range steps {
		seen[s.Key] = true
	}
	var out []runtime.Key
	for _, k := range run.Selection {
		if !seen[k] && run.Partitions[k] == nil {
			out = append(out, k)
		}
	}
	return out
}

// partitionsNotStarted counts, for each partitioned asset of run, the
// partitions its plan gave it (Run.Partitions) that have no step record,
// reading the ranges in the keys of the asset's definition; assets the
// pipeline no longer defines, or whose keys cannot be read, are left out.
func (f *runsFlags) partitionsNotStarted(e *env, log history.Log, run *history.Run, steps []history.Step) map[runtime.Key]int {
	if len(run.Partitions) == 0 || e.defs == nil {
		return nil
	}
	recorded := map[runtime.Key]map[string]bool{}
	for _, s := range steps {
		if s.Partition == "" {
			continue
		}
		if recorded[s.Key] == nil {
			recorded[s.Key] = map[string]bool{}
		}
		recorded[s.Key][s.Partition] = true
	}
	g := runtime.NewGraph(e.defs.Assets)
	env := history.Env(e.ctx, log)
	out := map[runtime.Key]int{}
	for _, k := range slices.Sorted(maps.Keys(run.Partitions)) {
		n, ok := g.Index(k)
		if !ok || g.Def(n).Partitions == nil {
			continue
		}
		keys, err := g.Def(n).Partitions.Resolve(env)
		if err != nil {
			continue
		}
		for _, r := range run.Partitions[k] { // consecutive keys
			lo, ok1 := keys.Index(r.Start)
			hi, ok2 := keys.Index(r.End)
			if !ok1 || !ok2 {
				continue // no longer partitions of the asset
			}
			for idx := lo; idx <= hi; idx++ {
				if !recorded[k][keys.Key(idx)] {
					out[k]++
				}
			}
		}
	}
	return out
}
