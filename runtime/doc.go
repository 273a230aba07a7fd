// Package runtime materializes software-defined assets: plain Go functions
// whose results are data worth keeping, wired together by the code that
// assetgen generates (or by hand-written AssetDefs).
//
// An AssetDef describes one asset: its Key, the upstream assets it receives
// as Inputs or orders itself after as Deps, the I/O manager that stores its
// output, and a Compute function that loads the inputs, calls the asset's
// function and returns its output. Definitions gathers the assets and the
// I/O managers, and Validate checks them as a whole.
//
// Materialize runs a selection of the assets in dependency order, with
// independent steps running concurrently on a bounded number of goroutines.
// One step (one asset of one run, and some of its partitions) is the unit
// of execution, and an Executor runs single steps on their own, so that
// an executor on another machine can run the same code. Everything that
// passes between steps goes through I/O managers (see the packages under
// runtime/iomanager).
//
// # Partitions
//
// An asset with a partitions definition (AssetDef.Partitions, from package
// partition) runs the partitions a run requests (Options.Partitions), each
// asset those its own definition maps the request to. Definitions.Plan
// cuts them into steps by the asset's backfill policy (AssetDef.Backfill:
// one partition per step, N, or a whole range), and links the steps
// through the partition mappings of the inputs: a step waits for the steps
// of the run that write what it reads, and loads the other upstream
// partitions from storage. Inside a step, Context.Partition,
// PartitionKeys, PartitionRange, Window and Dim tell which partitions it
// covers. An input receives one upstream partition, a map of them by key,
// or their rows concatenated (Input.Gather); an output covering several
// partitions is split by key or by partition column before it is stored,
// unless the I/O manager stores ranges itself (RangeStorer).
//
// A run reports what happens as Events, delivered one at a time to
// Options.OnEvent, and returns a Result with every step's outcome.
package runtime
