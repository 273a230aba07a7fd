package runtime

import (
	"cmp"
	"slices"
	"strings"

	"github.com/assetgen/assetgen/internal/suggest"
)

// graph is the asset graph in index form: node i is defs[i], and its edges
// are stored in compressed rows so that building the graph costs a handful
// of allocations whatever its size.
type graph struct {
	defs  []*AssetDef
	index map[Key]int32 // first definition of each key

	inOff   []int32 // node of input k of i: in[inOff[i]+k], -1 when undefined
	in      []int32
	upOff   []int32 // upstream of i: up[upOff[i]:upOff[i+1]]
	up      []int32
	downOff []int32 // downstream of i: down[downOff[i]:downOff[i+1]]
	down    []int32
}

// newGraph indexes defs and links every input and dep that names a defined
// asset; references to undefined assets and nil definitions are left out
// (Validate reports them).
func newGraph(defs []*AssetDef) *graph {
	n := len(defs)
	g := &graph{
		defs:    defs,
		index:   make(map[Key]int32, n),
		inOff:   make([]int32, n+1),
		upOff:   make([]int32, n+1),
		downOff: make([]int32, n+1),
	}
	for i, d := range defs {
		if d == nil {
			continue
		}
		if _, dup := g.index[d.Key]; !dup {
			g.index[d.Key] = int32(i)
		}
	}
	edges, inputs := 0, 0
	for _, d := range defs {
		if d != nil {
			edges += len(d.Inputs) + len(d.Deps)
			inputs += len(d.Inputs)
		}
	}
	g.up = make([]int32, 0, edges)
	g.in = make([]int32, 0, inputs)
	ndown := make([]int32, n)
	for i, d := range defs {
		g.upOff[i] = int32(len(g.up))
		g.inOff[i] = int32(len(g.in))
		if d != nil {
			for _, in := range d.Inputs {
				j, ok := g.index[in.Key]
				if !ok {
					j = -1
				}
				g.in = append(g.in, j)
			}
			start := len(g.up)
			add := func(k Key) {
				j, ok := g.index[k]
				if !ok || slices.Contains(g.up[start:], j) {
					return
				}
				g.up = append(g.up, j)
				ndown[j]++
			}
			for _, in := range d.Inputs {
				add(in.Key)
			}
			for _, k := range d.Deps {
				add(k)
			}
		}
	}
	g.upOff[n] = int32(len(g.up))
	g.inOff[n] = int32(len(g.in))

	var total int32
	for i, c := range ndown {
		g.downOff[i] = total
		total += c
	}
	g.downOff[n] = total
	g.down = make([]int32, total)
	fill := make([]int32, n)
	copy(fill, g.downOff[:n])
	for i := range n {
		for _, j := range g.upstream(int32(i)) {
			g.down[fill[j]] = int32(i)
			fill[j]++
		}
	}
	return g
}

// upstream returns the nodes node i runs after.
func (g *graph) upstream(i int32) []int32 { return g.up[g.upOff[i]:g.upOff[i+1]] }

// downstream returns the nodes that run after node i.
func (g *graph) downstream(i int32) []int32 { return g.down[g.downOff[i]:g.downOff[i+1]] }

// cycles returns every distinct cycle found by a depth-first search, each
// as the path of keys in data-flow order with its first key repeated at the
// end, starting at its smallest key; sorted.
func (g *graph) cycles() [][]Key {
	const (
		white = iota
		gray
		black
	)
	n := len(g.defs)
	color := make([]uint8, n)
	onPath := make([]int32, n) // position on path while gray
	var path []int32
	seen := map[string]bool{}
	var out [][]Key

	// Iterative DFS over downstream edges: frames hold the node and the
	// next edge to follow.
	type frame struct{ node, next int32 }
	var stack []frame
	for root := range n {
		if color[root] != white || g.defs[root] == nil {
			continue
		}
		stack = append(stack[:0], frame{node: int32(root)})
		color[root] = gray
		onPath[root] = 0
		path = append(path[:0], int32(root))
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			down := g.downstream(f.node)
			if int(f.next) >= len(down) {
				color[f.node] = black
				stack = stack[:len(stack)-1]
				path = path[:len(path)-1]
				continue
			}
			j := down[f.next]
			f.next++
			switch color[j] {
			case white:
				color[j] = gray
				onPath[j] = int32(len(path))
				path = append(path, j)
				stack = append(stack, frame{node: j})
			case gray:
				cyc := path[onPath[j]:]
				// Rotate to start at the smallest key.
				m := 0
				for k := range cyc {
					if g.defs[cyc[k]].Key < g.defs[cyc[m]].Key {
						m = k
					}
				}
				keys := make([]Key, 0, len(cyc)+1)
				for k := range cyc {
					keys = append(keys, g.defs[cyc[(m+k)%len(cyc)]].Key)
				}
				keys = append(keys, keys[0])
				id := joinKeys(keys, " -> ")
				if !seen[id] {
					seen[id] = true
					out = append(out, keys)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b []Key) int {
		return cmp.Compare(joinKeys(a, " -> "), joinKeys(b, " -> "))
	})
	return out
}

// order returns the selected nodes (all when sel is nil) in a topological
// order: a node comes after every selected node it depends on, and ties
// keep definition order. The graph must be acyclic.
func (g *graph) order(sel []bool) []int32 {
	n := len(g.defs)
	indeg := make([]int32, n)
	count := 0
	for i := range n {
		if sel != nil && !sel[i] {
			continue
		}
		count++
		for _, j := range g.upstream(int32(i)) {
			if sel == nil || sel[j] {
				indeg[i]++
			}
		}
	}
	out := make([]int32, 0, count)
	for i := range n {
		if (sel == nil || sel[i]) && indeg[i] == 0 {
			out = append(out, int32(i))
		}
	}
	for k := 0; k < len(out); k++ {
		for _, j := range g.downstream(out[k]) {
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
