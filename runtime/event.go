package runtime

import (
	"context"
	"log/slog"
	"time"

	"github.com/assetgen/assetgen/partition"
)

// Metadata is information attached to a materialization, by the asset or
// its I/O manager: row counts, paths, column types.
type Metadata map[string]any

// Status is the outcome of a step.
type Status int

// Step outcomes.
const (
	StatusPending  Status = iota // not started
	StatusSuccess                // computed and stored
	StatusFailed                 // the function, a load or the store failed
	StatusSkipped                // an upstream failed or was skipped
	StatusCanceled               // the run was cancelled before or during the step
)

// String returns "success", "failed", ...
func (s Status) String() string {
	switch s {
	case StatusSuccess:
		return "success"
	case StatusFailed:
		return "failed"
	case StatusSkipped:
		return "skipped"
	case StatusCanceled:
		return "canceled"
	}
	return "pending"
}

// EventType names what happened.
type EventType string

// Event types, in the order they occur. A step that runs reports
// StepStart for each attempt, StepRetry after each failed attempt that is
// retried, and ends with StepSuccess or StepFailure (a step whose run was
// cancelled while it ran ends with StepFailure, its Err wrapping the
// context's error). A step that never starts because an upstream failed or
// was skipped reports StepSkipped; one that never starts because the run
// was cancelled reports nothing, and shows as StatusCanceled in the Result.
//
// The step events of a partitioned asset name the step's partitions in
// Partition ("2024-01-01", or "2024-01-01...2024-01-31" for a step
// covering a range) and give them as a subset in Partitions.
const (
	RunStart    EventType = "run_start"    // Keys: the assets in execution order; Plan: the steps
	StepStart   EventType = "step_start"   // an attempt starts
	StepRetry   EventType = "step_retry"   // an attempt failed and the step will retry
	StepSuccess EventType = "step_success" // stored; with Duration, Metadata and versions
	StepFailure EventType = "step_failure" // the last attempt failed, or the run was cancelled
	StepSkipped EventType = "step_skipped" // an upstream failed or was skipped: Cause
	RunEnd      EventType = "run_end"      // Err summarizes failures, skips and cancellation

	// CheckEvaluated follows a StepSuccess once per check of the asset
	// and partition: Check holds the outcome.
	CheckEvaluated EventType = "check_evaluated"
)

// Event is one thing that happened in a run. Listeners receive events one
// at a time, in the order they happened.
type Event struct {
	Type      EventType
	Time      time.Time
	RunID     string
	Key       Key           // empty for run events
	Partition string        // step events: the key, or "FIRST...LAST" for a range step; empty when unpartitioned
	Attempt   int           // step events: 1-based attempt
	Duration  time.Duration // step success/failure/retry: this attempt; run end: the run
	Delay     time.Duration // step retry: the wait before the next attempt
	Metadata  Metadata      // step success
	Err       error         // step failure, retry; run end when the run failed
	TimedOut  bool          // step failure or retry caused by the timeout option
	Cause     Key           // step skipped: the failed or skipped upstream
	Keys      []Key         // run start: the selected keys in execution order
	Plan      *Plan         // run start: the run's steps and the partitions of each asset

	// Partitions holds the step's partitions (step events); the zero
	// Subset when the asset is not partitioned.
	Partitions partition.Subset

	DataVersion string // step success: the data version of the output
	// InputVersions holds, on a step's success, the data version of each
	// input (and unpartitioned dep) used, where known: an unpartitioned
	// upstream's own; for a partitioned upstream, the versions of the
	// partitions the input's mapping reads, combined into one (the
	// partition's own version when it reads one). For a step covering
	// several partitions, whose partitions read different upstream
	// partitions, the partitioned inputs are in PartitionInputVersions.
	InputVersions map[Key]string
	// PartitionInputVersions holds, on the success of a step covering
	// several partitions, the versions of the partitioned inputs each of
	// its partitions read (as InputVersions), by partition key.
	PartitionInputVersions map[string]map[Key]string
	CodeVersion            string // step events: the asset's code version
	// Config is, on step start and success, the asset's run config as
	// JSON, secrets masked; empty when it takes none.
	Config string
	// PartitionVersions holds, on the success of a step covering several
	// partitions, the data version of each partition stored, by key, as
	// its I/O manager gave them; DataVersion is then the asset's own
	// version (Context.SetDataVersion) of every partition, if it set one.
	PartitionVersions map[string]string

	// Check is the outcome of a check (CheckEvaluated).
	Check *CheckEvaluation
}

// StepResult is the outcome of one step in a run.
type StepResult struct {
	Key         Key
	Partition   string           // the key, or "FIRST...LAST"; empty when unpartitioned
	Partitions  partition.Subset // the step's partitions; the zero Subset when unpartitioned
	Status      Status
	Attempts    int
	Start       time.Time
	Duration    time.Duration // from the first attempt's start to the end
	Metadata    Metadata
	Err         error // failed: why; skipped or canceled: the reason
	Cause       Key   // skipped: the upstream that failed or was skipped
	DataVersion string
	// PartitionVersions: see Event.PartitionVersions.
	PartitionVersions map[string]string
	// Checks are the outcomes of the asset's checks after it succeeded.
	Checks []CheckEvaluation
}

// Result is the outcome of a run. Steps are in execution order.
type Result struct {
	RunID    string
	Start    time.Time
	Duration time.Duration
	Steps    []StepResult
}

// OK reports whether every step succeeded.
func (r *Result) OK() bool {
	for _, s := range r.Steps {
		if s.Status != StatusSuccess {
			return false
		}
	}
	return true
}

// Step returns the result of the first step of key, or nil.
func (r *Result) Step(key Key) *StepResult {
	for i := range r.Steps {
		if r.Steps[i].Key == key {
			return &r.Steps[i]
		}
	}
	return nil
}

// Options control a run.
type Options struct {
	// Selection lists the assets to materialize; nil means all, and an
	// empty non-nil slice none. Only edges between selected assets order
	// the run. Inputs of a selected asset whose upstream is not selected
	// are loaded through the upstream's I/O manager, from its last
	// materialization.
	Selection []Key
	// Partitions selects the partitions of the selected partitioned
	// assets; see Partitions.
	Partitions Partitions
	// Env is what the keys of partitions definitions depend on: the
	// current time (zero: when the run is planned) and the stored keys of
	// dynamic partitions (the run history provides them).
	Env partition.Env
	// Concurrency bounds the steps running at once; 0 means GOMAXPROCS.
	Concurrency int
	// RunID names the run; a new unique ID when empty.
	RunID string
	// Logger is the base logger handed to assets, tagged per step with
	// run_id and asset; slog.Default() when nil.
	Logger *slog.Logger
	// OnEvent, when set, receives every event, one at a time. It is
	// called on the goroutines that run the steps, so a slow listener
	// slows the run; queue the events to do slow work.
	OnEvent func(Event)
	// DataVersion, when set, returns the last known data version of an
	// asset, or of one of its partitions (partition is "" when the asset
	// is unpartitioned), not materialized in this run with a version
	// (from the run history), so that steps can report the versions of
	// the inputs they used (Event.InputVersions).
	DataVersion func(key Key, partition string) string
	// GracePeriod is how long an asset function may take to return once
	// its context is cancelled (its attempt timed out, or the run was
	// cancelled) before its step is abandoned: the step ends as failed
	// (timed out) or canceled, its downstream steps are skipped, the rest
	// of the run goes on, and the function is left running on its
	// goroutine, its result discarded (see ErrAbandoned). Zero means
	// DefaultGracePeriod; a negative value abandons at once.
	GracePeriod time.Duration
	// NoChecks skips the assets' checks.
	NoChecks bool
	// Resources holds the resources the steps use, built on first use.
	// When nil, a run builds its own and cleans them up when it ends
	// (also after a failure or a cancellation); when set, the caller
	// closes it (a queue worker keeps one for its process).
	Resources *Resources
	// Config holds the run's config values (see RunConfig), validated
	// when the run is planned.
	Config RunConfig
}

// DefaultGracePeriod is the grace period of Options.GracePeriod when it is
// zero.
const DefaultGracePeriod = 5 * time.Second

// Inputs loads the inputs of a step; generated Compute functions call Load.
type Inputs interface {
	// Load returns input i (an index into AssetDef.Inputs) as loaded by
	// the upstream's I/O manager.
	Load(ctx context.Context, i int) (any, error)
}
