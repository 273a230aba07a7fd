package runtime

import (
	"context"
	"log/slog"
	"reflect"
	"time"

	"github.com/assetgen/assetgen/partition"
)

// IOManager stores asset outputs and loads them as inputs of downstream
// assets. Implementations must be safe for concurrent use: steps running in
// parallel call Store and Load at the same time for different assets.
// The contexts passed to Store and Load belong to the runtime and are valid
// only until the call returns; a manager that needs one of their fields
// later copies it.
type IOManager interface {
	// Store persists value, the output of out.Key. A failed Store must
	// leave the previous materialization intact.
	Store(out *OutputContext, value any) error
	// Load returns the stored value of in.Upstream, converted to in.Type
	// where the manager converts (the memory manager returns the value as
	// stored).
	Load(in *InputContext) (any, error)
}

// RangeStorer is implemented by I/O managers that store the output of a
// step covering several partitions in one call, atomically: out.Partitions
// lists them all, and out.Partition is empty. The runtime calls it for a
// table output ([]T) of an asset with a PartitionColumn, after checking
// that every row's partition column falls in out.Partitions. For a
// manager without it, the runtime splits such an output itself by the
// PartitionColumn and calls Store once per partition. A map[string]T
// output (of an asset whose Backfill is not 0 or 1) is always split by
// key, each entry stored with Store as a T (see AssetDef.StoredType).
type RangeStorer interface {
	StoreRange(out *OutputContext, value any) error
}

// RangeLoader is implemented by I/O managers that load several upstream
// partitions in one call, as one value of in.Type: a slice, the rows of
// every partition in in.UpstreamPartitions concatenated in key order (a
// table manager's one query). The runtime calls it for an input gathered
// with GatherConcat; for a manager without it, and for GatherMap, it calls
// Load once per upstream partition and gathers the values.
type RangeLoader interface {
	LoadRange(in *InputContext) (any, error)
}

// TypeChecker is implemented by I/O managers that can only store some
// types. Definitions.Validate calls CheckType with the output type of every
// asset the manager serves, and refuses to run when it returns an error.
type TypeChecker interface {
	CheckType(t reflect.Type) error
}

// ShareChecker is implemented by I/O managers that know whether what they
// store on one machine can be loaded on another, as a run whose steps
// run on several machines (package queue) needs. CheckShared returns nil
// when it can, else why not and what to use instead. A distributed run
// refuses, before anything runs, every asset of the run whose manager
// does not implement ShareChecker or returns an error.
type ShareChecker interface {
	CheckShared() error
}

// Stamp is what an I/O manager records with a stored output, in the same
// atomic step as the data: which run wrote it, its data version and when
// it was committed. Comparing stamps with the run history tells whether
// the history knows the stored data: a process killed after the store
// committed and before the history recorded the step leaves an output the
// history does not know about.
type Stamp struct {
	RunID       string    // the run that stored the output; empty when unknown
	DataVersion string    // the manager's data version of the stored output
	Time        time.Time // when the store committed
}

// Stamped is implemented by I/O managers that record a Stamp atomically
// with every stored output. Stamp returns the stamp of the output stored
// for key and partition (empty when unpartitioned); ok is false when
// nothing is stored, or nothing is known about what is stored (an output
// written before the manager kept stamps). A stamp whose RunID is empty
// describes stored data that no recorded store wrote (a file changed by
// hand, say): its DataVersion is that of the data as it is.
type Stamped interface {
	Stamp(ctx context.Context, key Key, partition string) (s Stamp, ok bool, err error)
}

// OutputContext is what an I/O manager knows when it stores an output.
type OutputContext struct {
	context.Context
	RunID     string       // the run's ID
	Key       Key          // the asset being stored
	Def       *AssetDef    // its definition
	Partition string       // the partition stored: empty when unpartitioned, and in a RangeStorer's call
	Type      reflect.Type // the stored value's static type: Def.OutputType, or its element when a map is split by key (Def.StoredType)
	Log       *slog.Logger // tagged with run ID and asset key

	// Partitions holds the partitions stored: the one of Partition, or
	// several in a RangeStorer's call; the zero Subset when the asset is
	// unpartitioned. Partitions.Of() gives the resolved keys of the
	// asset's definition, with the time window of each.
	Partitions partition.Subset

	step *stepState
}

// AddMetadata attaches metadata to the materialization (row counts, paths).
func (c *OutputContext) AddMetadata(key string, value any) {
	if c.step != nil {
		c.step.addMetadata(key, value)
	}
}

// SetDataVersion records a version of the stored data, such as a hash of
// the bytes written: of partition c.Partition, when set. An asset's own
// Context.SetDataVersion takes precedence.
func (c *OutputContext) SetDataVersion(v string) {
	if c.step != nil {
		c.step.setOutputVersion(c.Partition, v)
	}
}

// SetPartitionVersion records the version of the data stored for
// partition key, one of c.Partitions, for a manager storing several
// partitions in one call (RangeStorer).
func (c *OutputContext) SetPartitionVersion(key, v string) {
	if c.step != nil {
		c.step.setOutputVersion(key, v)
	}
}

// InputContext is what an I/O manager knows when it loads an input.
type InputContext struct {
	context.Context
	RunID       string       // the run's ID
	Key         Key          // the downstream asset that receives the value
	Def         *AssetDef    // its definition
	Name        string       // the parameter name
	Upstream    Key          // the asset whose output is loaded
	UpstreamDef *AssetDef    // its definition
	Type        reflect.Type // the parameter type to load into
	Log         *slog.Logger // tagged with run ID and asset key

	// Partition is the downstream's partition key; empty when
	// unpartitioned, or when its step covers several partitions.
	// UpstreamPartitions lists the upstream partitions to load: one for
	// Load, several for RangeLoader.LoadRange; nil when the upstream is
	// unpartitioned.
	Partition          string
	UpstreamPartitions []string
	// UpstreamSubset holds the same upstream keys as UpstreamPartitions, as
	// a subset of the upstream's resolved keys (with their time windows);
	// the zero Subset when the upstream is unpartitioned.
	UpstreamSubset partition.Subset
}
