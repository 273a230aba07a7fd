package runtime

import (
	"context"
	"fmt"
	"reflect"
	"sync"
)

// Validate checks the definitions before a run: unique, well-formed keys;
// every input and dep names a defined asset; inputs name assets that have
// an output; no cycle; every asset's I/O manager exists (naming the asset
// that needs a missing one); and every TypeChecker accepts the output types
// it would store. It reports every problem, joined.
func (d *Definitions) Validate() error {
	panic("TODO: runtime helper")
}

// Materialize runs the selected assets of defs (all when opts.Selection is
// nil): steps in dependency order, independent steps concurrently on at most
// opts.Concurrency goroutines. A failed step skips its downstream steps while
// unrelated steps go on; cancelling ctx stops the run promptly. The error is
// non-nil only when the run could not start (invalid definitions or
// selection); step failures are in the Result.
func Materialize(ctx context.Context, defs *Definitions, opts Options) (*Result, error) {
	panic("TODO: runtime helper")
}

// Step names one unit of execution: one asset (and partition) of one run.
type Step struct {
	RunID     string
	Key       Key
	Partition string
}

// ExecuteStep runs one step to completion, retries and timeout included:
// it loads the inputs through the upstreams' I/O managers, calls the
// function, stores the output through the asset's I/O manager, and reports
// events to emit. It needs nothing from the process that planned the run, so
// a distributed executor can call it on another machine.
func ExecuteStep(ctx context.Context, defs *Definitions, step Step, opts Options) StepResult {
	panic("TODO: runtime helper")
}

// Load converts input i of in to T; generated Compute functions call it for
// every parameter. It fails, naming the input, when the I/O manager returned
// a value that is not a T.
func Load[T any](ctx *Context, in Inputs, i int) (T, error) {
	var zero T
	v, err := in.Load(ctx, i)
	if err != nil {
		return zero, err
	}
	if v == nil {
		return zero, nil
	}
	if t, ok := v.(T); ok {
		return t, nil
	}
	want := reflect.TypeFor[T]()
	rv := reflect.ValueOf(v)
	if rv.Type().ConvertibleTo(want) && rv.Type().Kind() == want.Kind() {
		return rv.Convert(want).Interface().(T), nil
	}
	name := fmt.Sprint(i)
	if ctx != nil && ctx.Def != nil && i < len(ctx.Def.Inputs) {
		name = fmt.Sprintf("%s (from %s)", ctx.Def.Inputs[i].Name, ctx.Def.Inputs[i].Key)
	}
	return zero, fmt.Errorf("input %s: I/O manager returned %T, want %v", name, v, want)
}

// stepState collects what a step reports while it runs.
type stepState struct {
	mu          sync.Mutex
	metadata    Metadata
	dataVersion string
	userVersion bool // dataVersion was set by the asset, not its I/O manager
}

func (s *stepState) addMetadata(key string, value any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.metadata == nil {
		s.metadata = Metadata{}
	}
	s.metadata[key] = value
}

func (s *stepState) setDataVersion(v string, user bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.userVersion && !user {
		return
	}
	s.dataVersion, s.userVersion = v, user
}
