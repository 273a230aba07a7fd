package runtime

import (
	"context"
	"reflect"
	"time"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/partition"
)

// DefaultIOManager is the I/O manager key used by assets that name none.
const DefaultIOManager = "io_manager"

// DefaultGroup is the group of assets that name none.
const DefaultGroup = "default"

// AssetDef describes one asset. The generator writes one AssetDef per
// annotated function; hand-written definitions work the same way.
type AssetDef struct {
	Key         Key               // the asset's key
	Group       string            // group name; DefaultGroup when empty
	IOManager   string            // I/O manager key; DefaultIOManager when empty
	Description string            // from the function's doc comment
	CodeVersion string            // the code_version option
	Kinds       []string          // the kinds option
	Owners      []string          // the owners option
	Tags        map[string]string // the tags option
	Inputs      []Input           // upstream assets passed as parameters, in parameter order
	Deps        []Key             // ordering-only upstream assets (the deps option)
	OutputType  reflect.Type      // the type the function returns; nil when it returns no value (see StoredType)
	Retries     int               // extra attempts after a failure
	RetryDelay  time.Duration     // delay before the first retry; doubled on each later one, with jitter
	Timeout     time.Duration     // per-attempt time limit; zero means none
	Source      string            // "file.go:line" of the function, for messages

	// Partitions is how the asset is split into partitions; nil when it
	// is not partitioned (the partitions= option).
	Partitions partition.Definition
	// Backfill is how many partitions one step covers when a run covers
	// several (the backfill= option): 0 or 1, one partition per step; N,
	// up to N consecutive partitions; BackfillSingle, every requested
	// partition of a contiguous span in one step.
	Backfill int
	// PartitionColumn names the column of a table output ([]T) that holds
	// the partition, for table I/O managers (the partition_column= option):
	// a time.Time column for time windows, or a string column holding the
	// key. Empty when the manager keeps the partition its own way.
	PartitionColumn string
	// DepMappings holds the partition mappings given for deps= keys (the
	// map= option); a dep without one uses partition.Default.
	DepMappings map[Key]partition.Mapping
	// Resources are the resources the function takes (by type), built
	// on first use in a run; see Resource.
	Resources []*ResourceDef
	// Config is the config struct the function takes; nil when none.
	Config *ConfigDef

	// Checks are the asset's checks (//check: functions and the checks=
	// option), run after each of its steps (see CheckDef).
	Checks []*CheckDef

	// Automation is the asset's automation condition (the automation=
	// option) and Freshness its freshness policy (freshness=), in the
	// directive's syntax; package automation reads them, the runtime
	// does not. Empty when not given.
	Automation, Freshness string

	// Compute loads the inputs through in, calls the asset function and
	// returns its output (nil when it has none). Nil for an external asset
	// and for an output of a multi-asset (its Multi computes it).
	Compute func(ctx *Context, in Inputs) (any, error)
	// Multi is the multi-asset the asset is an output of: one function
	// producing several assets (see Multi); nil for a plain asset.
	Multi *Multi

	// Observe is set for an external asset, one that another system
	// produces (the external option): it is observed, never materialized
	// (see Observation and Definitions.Observe). Its OutputType, when set,
	// is the type its readers load its stored data into.
	Observe func(ctx context.Context) (Observation, error)
	// ObserveOutput opts a materialized asset into observation of its
	// stored output (the observe option): Definitions.Observe reads the
	// stamp its I/O manager keeps (runtime.Stamped) of each of its
	// outputs, so that data changed or deleted behind assetgen's back is
	// noticed.
	ObserveOutput bool
}

// BackfillSingle is the Backfill of an asset whose steps each cover a
// whole contiguous span of the requested partitions (backfill=single).
const BackfillSingle = -1

// Input is an upstream asset received as a function parameter.
type Input struct {
	Name string       // the parameter's name
	Key  Key          // the upstream asset
	Type reflect.Type // the parameter's type: the type the value is loaded into

	// Mapping maps the asset's partitions to the upstream's (the map=
	// option); nil means partition.Default of the two definitions.
	Mapping partition.Mapping
	// Gather says how the parameter receives the upstream partitions its
	// step maps to.
	Gather Gather
}

// Gather is how a parameter receives the upstream partitions a step maps
// to. The generator chooses it from the mapping, both definitions, the
// backfill policy and the parameter's type.
type Gather uint8

const (
	// GatherOne: the parameter takes one value, the output of one upstream
	// partition (or of an unpartitioned upstream). A mapping that gives
	// a step no upstream partition, or several, fails it; except that the
	// first partitions of an asset reading its own earlier ones (a
	// self-dependency, such as window(-1)), with nothing before them, get
	// the parameter's zero value.
	GatherOne Gather = iota
	// GatherMap: the parameter is a map[string]T keyed by upstream
	// partition key, one entry per partition, each loaded with its own
	// Load (into T) and converted as Load converts.
	GatherMap
	// GatherConcat: the parameter is a slice receiving the slices of every
	// upstream partition concatenated in key order: in one call of an I/O
	// manager that is a RangeLoader (a table manager's one query), else
	// one Load per partition, each converted as Load converts (rows of a
	// wider struct projected onto the parameter's).
	GatherConcat
)

// String returns "one", "map" or "concat".
func (g Gather) String() string {
	switch g {
	case GatherMap:
		return "map"
	case GatherConcat:
		return "concat"
	}
	return "one"
}

// selfInput reports whether in reads a's own earlier partitions: its key
// is a's, a is partitioned, and its Mapping is a window ending before the
// partition itself (partition.CheckSelf), such as window(-1). Such an
// input orders the asset's own steps and is no cycle.
func (a *AssetDef) selfInput(in *Input) bool {
	return in.Key == a.Key && a.Partitions != nil && in.Mapping != nil && partition.CheckSelf(in.Mapping) == nil
}

// selfDep reports whether a's deps on itself order its own partitions, as
// selfInput does for an input.
func (a *AssetDef) selfDep() bool {
	m := a.DepMappings[a.Key]
	return a.Partitions != nil && m != nil && partition.CheckSelf(m) == nil
}

// splits reports whether a step of a may cover several partitions, so
// that its output is split by partition: Backfill is neither 0 nor 1.
func (a *AssetDef) splits() bool { return a.Partitions != nil && a.Backfill != 0 && a.Backfill != 1 }

// StoredType returns the type of the value stored for one partition of a
// (for each of its outputs): its OutputType, except for
//   - a stream of rows (iter.Seq2[T, error]): the rows are stored as a
//     table, a []T;
//   - a partitioned asset whose steps may cover several partitions
//     (Backfill other than 0 or 1) and whose output is a map[string]T:
//     each entry is the output of the partition named by its key, and is
//     stored on its own, as a T.
//
// I/O managers that decode into a type of their choosing use it.
func (a *AssetDef) StoredType() reflect.Type {
	t := a.OutputType
	if elem, ok := columns.StreamOf(t); ok {
		return reflect.SliceOf(elem)
	}
	if t != nil && a.splits() && isKeyMap(t) {
		return t.Elem()
	}
	return t
}

// isKeyMap reports whether t is a map with string keys: a map by
// partition key.
func isKeyMap(t reflect.Type) bool {
	return t.Kind() == reflect.Map && t.Key().Kind() == reflect.String
}

// Upstream returns the keys of every asset a must run after: its inputs,
// then its deps, without duplicates.
func (a *AssetDef) Upstream() []Key {
	seen := make(map[Key]bool, len(a.Inputs)+len(a.Deps))
	var out []Key
	for _, in := range a.Inputs {
		if !seen[in.Key] {
			seen[in.Key] = true
			out = append(out, in.Key)
		}
	}
	for _, d := range a.Deps {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// IOManagerKey returns the I/O manager key of a, defaulting to DefaultIOManager.
func (a *AssetDef) IOManagerKey() string {
	if a.IOManager == "" {
		return DefaultIOManager
	}
	return a.IOManager
}

// GroupName returns the group of a, defaulting to DefaultGroup.
func (a *AssetDef) GroupName() string {
	if a.Group == "" {
		return DefaultGroup
	}
	return a.Group
}

// Definitions is everything needed to materialize assets: the assets and
// the I/O managers that store them, by key.
type Definitions struct {
	Assets     []*AssetDef
	IOManagers map[string]IOManager
}
