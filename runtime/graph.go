package runtime

import (
	"strings"

	"github.com/assetgen/assetgen/internal/graph"
	"github.com/assetgen/assetgen/internal/suggest"
)

// Graph is the asset graph of a list of definitions, in index form: node
// i is definition i. An input is a data edge (the asset loads its
// upstream's output) and a dep an ordering-only edge (it runs after,
// loading nothing). Node numbers are int32, as the graph stores them.
// A Graph is immutable and safe for concurrent use.
type Graph struct {
	defs []*AssetDef
	g    *graph.Graph

	inOff []int32 // node of input k of node i: in[inOff[i]+k], -1 when undefined
	in    []int32
}

// NewGraph indexes defs and links every input and dep that names a
// defined asset. It validates nothing: nil definitions and repeated keys
// are left out (Index finds the first definition of a key), and so are
// references to undefined assets. Definitions.Graph reports them.
//
// An asset that reads its own earlier partitions (an input of its own key
// through a window ending before the partition, such as window(-1)) has no
// edge to itself: it orders its own steps, and is no cycle. Any other
// input or dep naming the asset itself is an edge, which the cycle check
// reports.
func NewGraph(defs []*AssetDef) *Graph {
	keys := make([]string, len(defs))
	inputs := 0
	for i, d := range defs {
		if d != nil {
			keys[i] = string(d.Key)
			inputs += len(d.Inputs)
		}
	}
	g := &Graph{defs: defs, inOff: make([]int32, len(defs)+1), in: make([]int32, 0, inputs)}
	g.g = graph.New(keys, func(i int, add func(string, graph.Kind) int32) {
		d := defs[i]
		g.inOff[i] = int32(len(g.in))
		for k := range d.Inputs {
			in := &d.Inputs[k]
			if d.selfInput(in) {
				g.in = append(g.in, int32(i))
				continue
			}
			g.in = append(g.in, add(string(in.Key), graph.Data))
		}
		for _, k := range d.Deps {
			if k == d.Key && d.selfDep() {
				continue
			}
			add(string(k), graph.Order)
		}
	})
	// Nodes left out have no inputs.
	g.inOff[len(defs)] = int32(len(g.in))
	for i := len(defs) - 1; i >= 0; i-- {
		if defs[i] == nil || !g.g.Included(int32(i)) {
			g.inOff[i] = g.inOff[i+1]
		}
	}
	return g
}

// Len returns the number of nodes: the number of definitions.
func (g *Graph) Len() int { return len(g.defs) }

// Def returns the definition of node i.
func (g *Graph) Def(i int32) *AssetDef { return g.defs[i] }

// Index returns the node of the first definition of key k.
func (g *Graph) Index(k Key) (int32, bool) { return g.g.Index(string(k)) }

// Upstream returns the nodes that node i runs after, inputs first, then
// deps, without repeats. The slice must not be modified.
func (g *Graph) Upstream(i int32) []int32 { return g.g.Upstream(i) }

// IsDep reports whether edge k of Upstream(i) is ordering-only: a dep
// that is not also an input.
func (g *Graph) IsDep(i int32, k int) bool { return g.g.UpstreamKinds(i)[k] == graph.Order }

// Order returns the nodes of sel (all, when sel is nil) in an execution
// order: each after the nodes of sel it depends on, considering only edges
// between nodes of sel; ties keep definition order. Nodes on or after a
// cycle are left out.
func (g *Graph) Order(sel []bool) []int32 { return g.g.Order(sel) }

// Layers returns, by node, the layer of each node of order (an Order of
// sel) for drawing: 0 for a node with no upstream node in sel, else one
// more than its highest upstream node in sel.
func (g *Graph) Layers(sel []bool, order []int32) []int32 { return g.g.Layers(sel, order) }

// upstream returns the nodes node i runs after.
func (g *Graph) upstream(i int32) []int32 { return g.g.Upstream(i) }

// input returns the node of input k of node i, or -1 when undefined.
func (g *Graph) input(i int32, k int) int32 { return g.in[g.inOff[i]+int32(k)] }

// keys yields the defined keys.
func (g *Graph) keys(yield func(Key) bool) {
	for i, d := range g.defs {
		if d != nil && g.g.Included(int32(i)) && !yield(d.Key) {
			return
		}
	}
}

// joinKeys joins keys with sep.
func joinKeys(keys []Key, sep string) string {
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(string(k))
	}
	return b.String()
}

// didYouMean returns ` (did you mean "x"?)` naming the key closest to k
// among keys, or "" when none is close enough.
func didYouMean(k Key, keys func(yield func(Key) bool)) string {
	best, bestDist := Key(""), -1
	for c := range keys {
		if c == k {
			continue
		}
		d := suggest.Distance(string(k), string(c))
		// Also compare names alone, so a missing prefix is forgiven.
		if nd := suggest.Distance(k.Name(), c.Name()); nd < d && nd == 0 {
			d = 1
		}
		if bestDist < 0 || d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	if bestDist < 0 || bestDist > max(1, len(k)/3) || bestDist >= len(k) {
		return ""
	}
	return ` (did you mean "` + string(best) + `"?)`
}
