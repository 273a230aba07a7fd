// Package graph is the asset graph in index form, the one every room of
// assetgen uses: the runtime's executor and validation, selection, the
// history's staleness, the command line's listing, drawing and planning,
// and the generator's cycle check.
//
// Nodes are numbered 0..n-1, in definition order, and carry a string key.
// Edges point from a node to its upstream nodes and are stored in
// compressed rows (one offset array and one index array per direction), so
// building a graph costs a handful of allocations whatever its size. An
// edge is a data edge (the downstream node loads the upstream's output) or
// an ordering-only edge (deps=: it runs after, loading nothing).
//
// The package knows nothing of assets beyond keys and edges, so it sits
// below the runtime, the generator and selection alike.
package graph

import (
	"slices"
)

// Kind says what an edge carries.
type Kind uint8

// Edge kinds.
const (
	Data  Kind = iota // the downstream node loads the upstream node's output
	Order             // ordering only (deps=): it runs after, loading nothing
)

// Direction is the way a walk follows edges.
type Direction uint8

// Directions.
const (
	Up   Direction = iota // from a node to the nodes it depends on
	Down                  // from a node to the nodes that depend on it
)

// All is the depth of a walk that follows any number of edges.
const All = -1

// Graph is a directed graph over nodes 0..Len()-1. It is immutable once
// built, and safe for concurrent use.
type Graph struct {
	keys    []string
	index   map[string]int32 // first node of each key
	in      []bool           // in[i]: node i is included
	upOff   []int32          // upstream of i: up[upOff[i]:upOff[i+1]]
	up      []int32
	upKind  []Kind  // kind of each edge of up
	downOff []int32 // downstream of i: down[downOff[i]:downOff[i+1]]
	down    []int32
}

// New builds the graph of len(keys) nodes, node i with key keys[i].
// edges(i, add) calls add(key, kind) for each upstream node of node i, in
// its own order (the order Upstream keeps); add returns the node that key
// names, or -1. An edge to a key that names no node is left out, and so is
// a repeated edge (a repeat of kind Data makes the edge a data edge). A
// node whose key is empty or repeats an earlier node's key is left out of
// the graph: it has no edges, and Index finds the earlier node (see
// Included).
func New(keys []string, edges func(i int, add func(key string, kind Kind) int32)) *Graph {
	n := len(keys)
	g := &Graph{
		keys:    keys,
		index:   make(map[string]int32, n),
		upOff:   make([]int32, n+1),
		downOff: make([]int32, n+1),
		in:      make([]bool, n),
		up:      make([]int32, 0, 2*n),
		upKind:  make([]Kind, 0, 2*n),
	}
	for i, k := range keys {
		if _, dup := g.index[k]; k != "" && !dup {
			g.index[k] = int32(i)
			g.in[i] = true
		}
	}
	start := 0
	add := func(key string, kind Kind) int32 {
		j, ok := g.index[key]
		if !ok {
			return -1
		}
		if k := slices.Index(g.up[start:], j); k >= 0 {
			if kind == Data {
				g.upKind[start+k] = Data
			}
			return j
		}
		g.up = append(g.up, j)
		g.upKind = append(g.upKind, kind)
		g.downOff[j+1]++ // counted here, summed below
		return j
	}
	for i := range n {
		start = len(g.up)
		g.upOff[i] = int32(start)
		if g.Included(int32(i)) {
			edges(i, add)
		}
	}
	g.upOff[n] = int32(len(g.up))

	for i := range n {
		g.downOff[i+1] += g.downOff[i]
	}
	g.down = make([]int32, len(g.up))
	fill := slices.Clone(g.downOff[:n])
	for i := range int32(n) {
		for _, j := range g.Upstream(i) {
			g.down[fill[j]] = i
			fill[j]++
		}
	}
	return g
}

// Len returns the number of nodes.
func (g *Graph) Len() int { return len(g.keys) }

// Key returns the key of node i.
func (g *Graph) Key(i int32) string { return g.keys[i] }

// Index returns the node of key: the first node with that key.
func (g *Graph) Index(key string) (int32, bool) {
	i, ok := g.index[key]
	return i, ok
}

// Included reports whether node i is part of the graph: its key is not
// empty, and no earlier node has it.
func (g *Graph) Included(i int32) bool { return g.in[i] }

// Upstream returns the nodes node i depends on. The slice must not be
// modified.
func (g *Graph) Upstream(i int32) []int32 { return g.up[g.upOff[i]:g.upOff[i+1]] }

// UpstreamKinds returns the kind of each edge of Upstream(i), in the same
// order. The slice must not be modified.
func (g *Graph) UpstreamKinds(i int32) []Kind { return g.upKind[g.upOff[i]:g.upOff[i+1]] }

// Downstream returns the nodes that depend on node i, in node order. The
// slice must not be modified.
func (g *Graph) Downstream(i int32) []int32 { return g.down[g.downOff[i]:g.downOff[i+1]] }

// edges returns the neighbours of node i in direction d.
func (g *Graph) edges(d Direction, i int32) []int32 {
	if d == Down {
		return g.Downstream(i)
	}
	return g.Upstream(i)
}

// Order returns the nodes of sel (every included node when sel is nil) in
// a topological order: each after the nodes of sel it depends on, directly
// or not, considering only edges between nodes of sel. Nodes become ready
// in node order, and ready nodes keep the order in which they became
// ready, so the result is deterministic. Nodes on a cycle, and those after
// one, are left out (see Cycles).
func (g *Graph) Order(sel []bool) []int32 {
	n := g.Len()
	in := func(i int32) bool { return sel == nil && g.Included(i) || sel != nil && sel[i] }
	indeg := make([]int32, n)
	count := 0
	for i := range int32(n) {
		if !in(i) {
			continue
		}
		count++
		for _, j := range g.Upstream(i) {
			if sel == nil || sel[j] {
				indeg[i]++
			}
		}
	}
	out := make([]int32, 0, count)
	for i := range int32(n) {
		if in(i) && indeg[i] == 0 {
			out = append(out, i)
		}
	}
	for k := 0; k < len(out); k++ {
		for _, j := range g.Downstream(out[k]) {
			if sel != nil && !sel[j] {
				continue
			}
			indeg[j]--
			if indeg[j] == 0 {
				out = append(out, j)
			}
		}
	}
	return out
}

// Layers returns the layer of each node of order (a topological order of
// the nodes of sel, as Order returns), by node: 0 for a node none of whose
// upstream nodes is in sel, else one more than its highest upstream node
// in sel. Nodes not in order get 0.
func (g *Graph) Layers(sel []bool, order []int32) []int32 {
	layer := make([]int32, g.Len())
	for _, i := range order {
		for _, j := range g.Upstream(i) {
			if sel == nil || sel[j] {
				layer[i] = max(layer[i], layer[j]+1)
			}
		}
	}
	return layer
}

// Reach returns the nodes reachable from the nodes of start by following
// between 1 and depth edges in direction d (any number when depth is All).
// A node of start is in the result only when an edge leads back to it.
func (g *Graph) Reach(start []bool, d Direction, depth int) []bool {
	out := make([]bool, g.Len())
	if depth == 0 {
		return out
	}
	// A breadth-first walk: queue[head:end] is the current layer. A node
	// of start is walked from once, at layer 0, even when reached again.
	queued := slices.Clone(start)
	queue := make([]int32, 0, g.Len())
	for i, s := range start {
		if s {
			queue = append(queue, int32(i))
		}
	}
	head := 0
	for layer := 0; head < len(queue) && (depth == All || layer < depth); layer++ {
		for end := len(queue); head < end; head++ {
			for _, j := range g.edges(d, queue[head]) {
				out[j] = true
				if !queued[j] {
					queued[j] = true
					queue = append(queue, j)
				}
			}
		}
	}
	return out
}

// Roots returns the nodes of sel that no other node of sel is upstream
// of, at any distance and through nodes outside sel too, as Dagster's
// roots() selects them.
func (g *Graph) Roots(sel []bool) []bool { return g.without(sel, g.Reach(sel, Down, All)) }

// Sinks returns the nodes of sel that no other node of sel is downstream
// of, at any distance and through nodes outside sel too.
func (g *Graph) Sinks(sel []bool) []bool { return g.without(sel, g.Reach(sel, Up, All)) }

// without returns the nodes of sel not in reached, reusing reached.
func (g *Graph) without(sel, reached []bool) []bool {
	for i, s := range sel {
		reached[i] = s && !reached[i]
	}
	return reached
}

// Cycles returns one cycle of each strongly connected component that has
// one (a self-edge included), as the path of nodes along downstream
// edges, from its first node back to it (so the first node is repeated at
// the end): the shortest such path, where the first node is the
// component's lowest. The cycles are ordered by their first node. An
// acyclic graph has none, and Order leaves out exactly the nodes on or
// after a cycle.
func (g *Graph) Cycles() [][]int32 {
	var out [][]int32
	g.components(func(comp []int32) {
		first := slices.Min(comp)
		if len(comp) == 1 && !slices.Contains(g.Downstream(first), first) {
			return
		}
		out = append(out, g.shortestCycle(first, comp))
	})
	slices.SortFunc(out, func(a, b []int32) int { return int(a[0] - b[0]) })
	return out
}

// components calls yield with each strongly connected component of the
// graph (Tarjan's algorithm, iterative so that long chains cannot exhaust
// the stack). The slice is valid only during the call.
func (g *Graph) components(yield func(comp []int32)) {
	n := g.Len()
	index := make([]int32, n) // visit number + 1; 0 when not visited
	low := make([]int32, n)
	on := make([]bool, n)
	var stack []int32
	type frame struct{ node, next int32 }
	var frames []frame
	counter := int32(0)
	visit := func(v int32) {
		counter++
		index[v], low[v] = counter, counter
		stack = append(stack, v)
		on[v] = true
		frames = append(frames, frame{node: v})
	}
	for root := range int32(n) {
		if index[root] != 0 || !g.Included(root) {
			continue
		}
		visit(root)
		for len(frames) > 0 {
			f := &frames[len(frames)-1]
			v := f.node
			if down := g.Downstream(v); int(f.next) < len(down) {
				w := down[f.next]
				f.next++
				switch {
				case index[w] == 0:
					visit(w)
				case on[w]:
					low[v] = min(low[v], index[w])
				}
				continue
			}
			frames = frames[:len(frames)-1]
			if len(frames) > 0 {
				p := frames[len(frames)-1].node
				low[p] = min(low[p], low[v])
			}
			if low[v] == index[v] {
				k := len(stack) - 1
				for stack[k] != v {
					k--
				}
				for _, w := range stack[k:] {
					on[w] = false
				}
				yield(stack[k:])
				stack = stack[:k]
			}
		}
	}
}

// shortestCycle returns the shortest path along downstream edges from
// first back to itself, inside comp: first, ..., first.
func (g *Graph) shortestCycle(first int32, comp []int32) []int32 {
	in := make(map[int32]int32, len(comp)) // node -> previous node on the walk, -1 when not reached
	for _, v := range comp {
		in[v] = -1
	}
	queue := []int32{first}
	last := first
search:
	for k := 0; k < len(queue); k++ {
		v := queue[k]
		for _, w := range g.Downstream(v) {
			if w == first {
				last = v
				break search
			}
			if prev, ok := in[w]; ok && prev < 0 && w != first {
				in[w] = v
				queue = append(queue, w)
			}
		}
	}
	path := []int32{first}
	for v := last; v != first; v = in[v] {
		path = append(path, v)
	}
	path = append(path, first)
	slices.Reverse(path[1 : len(path)-1])
	return path
}
