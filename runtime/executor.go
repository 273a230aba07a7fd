package runtime

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"sync"
	"time"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/partition"
)

// Step names one unit of execution: one asset (and some of its
// partitions) of one run.
type Step struct {
	RunID string // the run; a new ID when empty
	Key   Key    // the asset
	// Partition names the step's partitions, as PlanStep.Partition and
	// Event.Partition do: a key, or "FIRST...LAST" for every key from
	// FIRST to LAST in the order of the asset's keys. Empty when the asset
	// is not partitioned.
	Partition string
}

// Executor runs steps one at a time, each on its own, as the workers of
// a distributed executor do (package queue): a step needs nothing from
// the process that planned its run. It indexes its definitions once (the
// graph, each asset's I/O manager and partition column, the partition
// mapping of each input) and resolves the partitions of a run once, as
// its steps first need them, so that a step costs what its asset and
// inputs need, whatever the size of the graph. It is safe for concurrent
// use.
type Executor struct {
	p      *prepared
	maps   []partition.Mapping // by input edge (Graph.in): the mapping from a partitioned upstream
	mapErr map[int32]error     // by input edge: why its mapping does not fit

	mu    sync.Mutex
	runs  map[runEnv]*runKeys // the partitions of recent runs
	order []runEnv            // runs' keys, oldest first
}

// executorRuns bounds the runs whose partitions an Executor keeps.
const executorRuns = 64

// runEnv identifies the partitions of a run: its ID and Env.Now.
type runEnv struct {
	run string
	now int64 // Unix nanoseconds
}

// NewExecutor returns an Executor of defs. It checks the shape of the
// definitions as Definitions.Graph does, and returns that error; what a
// step needs of its own asset (a Compute function, an I/O manager,
// partitions that resolve) is checked by the step, which fails naming
// it. Definitions.Validate checks everything up front.
func NewExecutor(defs *Definitions) (*Executor, error) {
	g, err := defs.Graph()
	if err != nil {
		return nil, err
	}
	return newStepExecutor(defs, g), nil
}

// newStepExecutor returns an Executor of defs and their graph g, without
// checks.
func newStepExecutor(defs *Definitions, g *Graph) *Executor {
	x := &Executor{p: newPrepared(defs, g), maps: make([]partition.Mapping, len(g.in)), runs: map[runEnv]*runKeys{}}
	for i, d := range g.defs {
		for k := range g.inOff[i+1] - g.inOff[i] {
			e := g.inOff[i] + k
			j := g.in[e]
			if j < 0 {
				continue // the load fails, naming it
			}
			m, err := mappingOf(d, g.defs[j], d.Inputs[k].Mapping)
			if err != nil {
				if x.mapErr == nil {
					x.mapErr = map[int32]error{}
				}
				x.mapErr[e] = err
			}
			x.maps[e] = m
		}
	}
	return x
}

// ExecuteStep runs one step of defs as Executor.Execute does, indexing
// defs for this step alone: to run many steps, make an Executor once.
//
// ExecuteStep does not validate defs (call Validate once beforehand); an
// unknown key, a missing I/O manager, or partitions the asset does not
// have fail the step.
func ExecuteStep(ctx context.Context, defs *Definitions, step Step, opts Options) StepResult {
	if defs == nil {
		return stepFailed(step, errors.New("no definitions"))
	}
	return newStepExecutor(defs, NewGraph(defs.Assets)).Execute(ctx, step, opts)
}

// Execute runs one step to completion, retries and timeout included: it
// loads the inputs through the upstreams' I/O managers, calls the
// function, stores the output through the asset's I/O manager, and
// reports its events (StepStart, StepRetry, StepSuccess or StepFailure)
// to opts.OnEvent. It resolves the partitions in opts.Env (give it the
// Plan's Env) and maps them to the upstream partitions as the run would.
// The data versions of the inputs come from opts.DataVersion. Of opts it
// reads Env, Logger, OnEvent, DataVersion, GracePeriod, Config and
// Resources: without Resources, the step builds the resources it takes
// and cleans them up before it returns; a process running many steps (a
// queue worker) gives them one Resources for all, and closes it.
//
// The steps of one run share the partitions resolved for the first of
// them: give every step of a run its RunID and the run's Env, whose Now
// is set (the Plan's is). A step without a RunID, or with a zero
// Env.Now, resolves its own.
//
// An unknown key, a missing I/O manager, or partitions the asset does
// not have fail the step.
func (x *Executor) Execute(ctx context.Context, step Step, opts Options) StepResult {
	defer ownResources(&opts)()
	e, node, part, err := x.step(step, &opts)
	if err != nil {
		return stepFailed(step, err)
	}
	res, _ := e.execute(ctx, node, -1, part)
	return res
}

// step returns the executor of one step, its asset's node and its
// partitions.
func (x *Executor) step(step Step, opts *Options) (*executor, int32, *stepPart, error) {
	g := x.p.g
	node, ok := g.Index(step.Key)
	if !ok {
		return nil, 0, nil, fmt.Errorf("asset %s is not defined%s", step.Key, didYouMean(step.Key, g.keys))
	}
	runID := step.RunID
	if runID == "" {
		runID = NewRunID()
	}
	rk := x.keysOf(step.RunID, opts.Env)
	part, keys, err := x.prepare(rk, node, step.Partition)
	if err != nil {
		return nil, 0, nil, err
	}
	e := x.p.executor(opts, runID)
	e.keys, e.maps = keys, x.maps
	e.emit = opts.OnEvent
	return e, node, part, nil
}

// stepFailed returns the result of a step that could not start.
func stepFailed(step Step, err error) StepResult {
	return StepResult{Key: step.Key, Partition: step.Partition, Status: StatusFailed, Start: time.Now(), Err: err}
}

// keysOf returns the partitions of run, kept while the run is recent;
// those of a step alone when run is empty or env.Now is zero.
func (x *Executor) keysOf(run string, env partition.Env) *runKeys {
	if run == "" || env.Now.IsZero() {
		return &runKeys{r: newResolver(env)}
	}
	k := runEnv{run, env.Now.UnixNano()}
	x.mu.Lock()
	defer x.mu.Unlock()
	if rk := x.runs[k]; rk != nil {
		return rk
	}
	if len(x.order) >= executorRuns {
		delete(x.runs, x.order[0])
		x.order = append(x.order[:0], x.order[1:]...)
	}
	rk := &runKeys{r: newResolver(env)}
	x.runs[k] = rk
	x.order = append(x.order, k)
	return rk
}

// runKeys holds the keys of the partitioned assets that the steps of one
// run use, resolved in the run's Env as the steps first need them. An
// entry of keys is written once, under mu, before any step reads it.
type runKeys struct {
	mu   sync.Mutex
	r    *resolver
	keys []*partition.Keys // by node; nil until an asset is resolved
	errs map[int32]error   // by node: why its partitions did not resolve
}

// resolve resolves the partitions of d, node i, unless done. rk.mu is
// held.
func (rk *runKeys) resolve(d *AssetDef, i int32, n int) error {
	if d.Partitions == nil {
		return nil
	}
	if rk.keys == nil {
		rk.keys = make([]*partition.Keys, n)
	}
	if rk.keys[i] != nil {
		return nil
	}
	if err := rk.errs[i]; err != nil {
		return err
	}
	k, err := rk.r.resolve(d.Partitions)
	if err != nil {
		err = fmt.Errorf("asset %s: partitions %s: %w", d.Key, d.Partitions, err)
		if rk.errs == nil {
			rk.errs = map[int32]error{}
		}
		rk.errs[i] = err
		return err
	}
	rk.keys[i] = k
	return nil
}

// prepare resolves, for a step of node, the keys of node and of its
// partitioned upstreams, checks the mappings of its inputs, and returns
// the step's partitions named by partitions, and the run's keys by node.
func (x *Executor) prepare(rk *runKeys, node int32, partitions string) (*stepPart, []*partition.Keys, error) {
	g := x.p.g
	def := g.defs[node]
	rk.mu.Lock()
	err := rk.resolve(def, node, g.Len())
	for k := range def.Inputs {
		j := g.input(node, k)
		if err != nil {
			break
		}
		if j < 0 {
			continue // the load fails, naming it
		}
		if merr := x.mapErr[g.inOff[node]+int32(k)]; merr != nil {
			in := &def.Inputs[k]
			err = fmt.Errorf("asset %s: input %s (from %s): %w", def.Key, in.Name, in.Key, merr)
			break
		}
		err = rk.resolve(g.defs[j], j, g.Len())
	}
	all := rk.keys
	rk.mu.Unlock()
	if err != nil {
		return nil, nil, err
	}
	var keys *partition.Keys
	if all != nil {
		keys = all[node]
	}
	switch {
	case keys == nil && partitions != "":
		return nil, nil, fmt.Errorf("asset %s is not partitioned, but the step names partition %q", def.Key, partitions)
	case keys == nil:
		return nil, all, nil
	case partitions == "":
		return nil, nil, fmt.Errorf("asset %s is partitioned (%s): the step needs partitions (%s)", def.Key, def.Partitions, keys.Describe())
	}
	sel, err := parsePartitions(keys, partitions)
	if err != nil {
		return nil, nil, fmt.Errorf("asset %s: %w", def.Key, err)
	}
	return newStepPart(sel), all, nil
}

// prepared is what the steps of one set of definitions share: the
// graph, and by node the I/O manager and the partition column.
type prepared struct {
	defs     *Definitions
	g        *Graph
	managers []IOManager                            // by node: looked up once, not per load
	pcols    map[int32]columns.Column[reflect.Type] // by node: the partition column of assets that have one
}

func newPrepared(defs *Definitions, g *Graph) *prepared {
	p := &prepared{defs: defs, g: g, managers: make([]IOManager, len(g.defs))}
	for i, d := range g.defs {
		if d == nil {
			continue
		}
		p.managers[i] = defs.IOManagers[d.IOManagerKey()]
		if d.Partitions != nil && d.PartitionColumn != "" {
			if c, err := partitionColumn(d); err == nil {
				if p.pcols == nil {
					p.pcols = map[int32]columns.Column[reflect.Type]{}
				}
				p.pcols[int32(i)] = c
			}
		}
	}
	return p
}

// executor returns an executor of run runID, with opts.
func (p *prepared) executor(opts *Options, runID string) *executor {
	base := opts.Logger
	if base == nil {
		base = slog.Default()
	}
	return &executor{
		prepared: p,
		opts:     opts,
		runID:    runID,
		log:      base.Handler().WithAttrs([]slog.Attr{slog.String("run_id", runID)}),
	}
}

func newExecutor(defs *Definitions, g *Graph, opts *Options, runID string) *executor {
	return newPrepared(defs, g).executor(opts, runID)
}
