package web

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/assetsel"
	"github.com/assetgen/assetgen/internal/defview"
	"github.com/assetgen/assetgen/internal/runview"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/selection"
)

// catalog is what the pages know of the definitions, computed once: the
// assets in definition order and the edges between them.
type catalog struct {
	full  *runtime.Definitions // as given: their I/O managers check the stored outputs
	g     *runtime.Graph       // the runtime's graph of defs: edges, order, layers
	defs  []*runtime.AssetDef
	index map[runtime.Key]int
	up    [][]edge // up[i]: the assets i depends on
	down  [][]edge // down[i]: the assets that depend on i
	sel   *selection.Graph

	mu      sync.Mutex
	layouts map[string]*layoutCache // by selection expression
	order   []string                // of layouts, oldest first

	statesMu sync.Mutex
	cached   []assetState // see states
	token    string
	computed time.Time
	cost     time.Duration // what computing them took
	gen      uint64

	static []assetJSON // what the catalog shows of each definition

	bodiesMu  sync.Mutex
	bodies    map[string][]byte // /api/assets responses by selection, of generation bodiesGen
	bodiesGen uint64
}

// edge is an edge of the graph; Deps is an ordering-only (deps=) edge.
type edge struct {
	to   int
	deps bool
}

func newCatalog(d *runtime.Definitions) *catalog {
	c := &catalog{full: d, index: map[runtime.Key]int{}, layouts: map[string]*layoutCache{}}
	for _, def := range d.Assets {
		if def == nil {
			continue
		}
		if _, dup := c.index[def.Key]; dup {
			continue
		}
		c.index[def.Key] = len(c.defs)
		c.defs = append(c.defs, def)
	}
	c.g = runtime.NewGraph(c.defs)
	c.up = make([][]edge, len(c.defs))
	c.down = make([][]edge, len(c.defs))
	for i := range c.defs {
		for k, j := range c.g.Upstream(int32(i)) {
			deps := c.g.IsDep(int32(i), k)
			c.up[i] = append(c.up[i], edge{int(j), deps})
			c.down[j] = append(c.down[j], edge{i, deps})
		}
	}
	c.sel = assetsel.Graph(c.defs)
	c.static = make([]assetJSON, len(c.defs))
	for i, d := range c.defs {
		c.static[i] = assetJSON{
			Key: string(d.Key), Group: d.GroupName(), Kinds: orEmpty(d.Kinds), Owners: orEmpty(d.Owners),
			Description: defview.Synopsis(d.Description),
		}
	}
	return c
}

// maxBodies bounds the /api/assets responses kept.
const maxBodies = 16

// body returns the cached response for (gen, key), or computes it.
func (c *catalog) body(gen uint64, key string, compute func() ([]byte, error)) ([]byte, error) {
	c.bodiesMu.Lock()
	if c.bodiesGen != gen || len(c.bodies) >= maxBodies {
		c.bodies, c.bodiesGen = map[string][]byte{}, gen
	}
	b, ok := c.bodies[key]
	c.bodiesMu.Unlock()
	if ok {
		return b, nil
	}
	b, err := compute()
	if err != nil {
		return nil, err
	}
	c.bodiesMu.Lock()
	if c.bodiesGen == gen {
		c.bodies[key] = b
	}
	c.bodiesMu.Unlock()
	return b, nil
}

// selectSet returns which assets expr selects (all when it is empty), by
// index. The error is a *selection.Error.
func (c *catalog) selectSet(expr string) ([]bool, error) {
	in := make([]bool, len(c.defs))
	if strings.TrimSpace(expr) == "" {
		for i := range in {
			in[i] = true
		}
		return in, nil
	}
	keys, err := c.sel.Select(expr)
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		in[c.index[runtime.Key(k)]] = true
	}
	return in, nil
}

// Status words of an asset, as the pages colour them.
const (
	statusFresh  = "fresh"
	statusStale  = "stale"
	statusFailed = "failed"
	statusNever  = "never"
)

// assetState is an asset's standing in the history.
type assetState struct {
	Status string          // statusFresh, ...
	Why    []history.Cause // why it is stale
	Last   *history.Asset  // its latest record; nil when never attempted
	// Partitions is the state of each partition of a partitioned asset;
	// nil for an unpartitioned one.
	Partitions *history.Partitions
	Health     *runview.Partitions // its counts and health cells
}

// statesTTL bounds how long the catalog reuses the states it computed
// while the newest run in the history stays as it was (stored outputs,
// dynamic partition keys and the current time can change without a run),
// unless computing them took longer than a tenth of it: they are then
// reused for ten times what they took, so that recomputing them never
// takes more than a tenth of the server's time.
const statesTTL = time.Second

// states returns the state of every asset, by index (read-only), as
// 'status' computes them: the history's records, with the stored outputs
// of the I/O managers taken into account (history.Reconciled, without
// recording anything), through a history.View. They are computed from
// the whole history, which takes about 100 ms at 10,000 assets, so they
// are reused while the newest run is unchanged (its ID, status, step
// counts, heartbeat and end), for at most statesTTL (or ten times what
// they took).
func (c *catalog) states(ctx context.Context, log history.Log) ([]assetState, error) {
	states, _, err := c.snapshot(ctx, log)
	return states, err
}

// snapshot returns the states and their generation, which changes when
// they are computed again.
func (c *catalog) snapshot(ctx context.Context, log history.Log) ([]assetState, uint64, error) {
	newest, err := log.Runs(ctx, history.RunQuery{Limit: 1})
	if err != nil {
		return nil, 0, err
	}
	token := "none"
	if len(newest) > 0 {
		r := newest[0]
		token = fmt.Sprint(r.ID, r.Status, r.Counts, r.Heartbeat.UnixNano(), r.End.UnixNano())
	}
	c.statesMu.Lock()
	defer c.statesMu.Unlock()
	if c.cached != nil && c.token == token && time.Since(c.computed) < max(statesTTL, 10*c.cost) {
		return c.cached, c.gen, nil
	}
	begin := time.Now()
	// A manager that cannot be asked leaves its outputs unchecked, as
	// status warns: the records stand.
	latest, findings, err := history.Reconciled(ctx, log, c.full, false)
	if _, partial := errors.AsType[*history.ManagerError](err); err != nil && !partial {
		return nil, 0, err
	}
	all, err := history.NewView(log, c.defs, latest, findings, history.Env(ctx, log)).States(ctx, nil)
	if err != nil {
		return nil, 0, err
	}
	out := make([]assetState, len(all))
	for i := range all {
		s := &all[i]
		st := assetState{Status: statusFresh, Last: s.Last, Why: s.Causes, Partitions: s.Partitions}
		if s.Partitions != nil {
			st.Health = runview.NewPartitions(s.Partitions)
		}
		switch {
		case hasReason(s.Causes, history.LastAttemptFailed), hasReason(s.Causes, history.PartitionsFailed):
			st.Status = statusFailed
		case s.Last == nil || !s.Last.Materialized():
			st.Status = statusNever
		case s.Stale:
			st.Status = statusStale
		}
		out[i] = st
	}
	c.cached, c.token, c.computed, c.cost = out, token, time.Now(), time.Since(begin)
	c.gen++
	return out, c.gen, nil
}

func hasReason(causes []history.Cause, r history.Reason) bool {
	return slices.ContainsFunc(causes, func(c history.Cause) bool { return c.Reason == r })
}

// why joins the causes of a state for people.
func why(causes []history.Cause) string {
	parts := make([]string, len(causes))
	for i, c := range causes {
		parts[i] = c.String()
	}
	return strings.Join(parts, "; ")
}

// layoutCache is the layout of one selection, computed once.
type layoutCache struct {
	once sync.Once
	l    *layout
	err  error
}

// maxLayouts bounds the layouts kept.
const maxLayouts = 32

// layout returns the layout of the assets expr selects, computed once per
// expression.
func (c *catalog) layout(expr string) (*layout, error) {
	expr = strings.TrimSpace(expr)
	c.mu.Lock()
	lc := c.layouts[expr]
	if lc == nil {
		lc = &layoutCache{}
		c.layouts[expr] = lc
		c.order = append(c.order, expr)
		if len(c.order) > maxLayouts {
			delete(c.layouts, c.order[0])
			c.order = c.order[1:]
		}
	}
	c.mu.Unlock()
	lc.once.Do(func() {
		var sel []bool
		if sel, lc.err = c.selectSet(expr); lc.err == nil {
			lc.l, lc.err = c.computeLayout(sel)
		}
	})
	return lc.l, lc.err
}
