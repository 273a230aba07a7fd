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
// One step (one asset of one run) is the unit of execution, and ExecuteStep
// runs a single step on its own, so that an executor on another machine
// can run the same code. Everything that passes between steps goes through
// I/O managers (see the packages under runtime/iomanager).
//
// A run reports what happens as Events, delivered one at a time to
// Options.OnEvent, and returns a Result with every step's outcome.
package runtime
