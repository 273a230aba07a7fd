package graph

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// build returns the graph of spec, one node per word: "key" or
// "key<up1,up2", where an upstream written ~up is an ordering-only edge.
func build(spec string) *Graph {
	words := strings.Fields(spec)
	keys := make([]string, len(words))
	ups := make([][]string, len(words))
	for i, w := range words {
		k, up, _ := strings.Cut(w, "<")
		if k == "_" {
			k = ""
		}
		keys[i] = k
		if up != "" {
			ups[i] = strings.Split(up, ",")
		}
	}
	return New(keys, func(i int, add func(string, Kind) int32) {
		for _, u := range ups[i] {
			k, dep := strings.CutPrefix(u, "~")
			kind := Data
			if dep {
				kind = Order
			}
			if j := add(k, kind); j >= 0 && keys[j] != k || j < 0 && slices.Contains(keys, k) {
				panic(fmt.Sprintf("add(%q) = %d", k, j))
			}
		}
	})
}

// keys returns the keys of nodes, joined by spaces.
func keys(g *Graph, nodes []int32) string {
	var s []string
	for _, i := range nodes {
		s = append(s, g.Key(i))
	}
	return strings.Join(s, " ")
}

// set returns the keys of the nodes in s, joined by spaces.
func set(g *Graph, s []bool) string {
	var nodes []int32
	for i, in := range s {
		if in {
			nodes = append(nodes, int32(i))
		}
	}
	return keys(g, nodes)
}

// of returns the set of the nodes named.
func of(g *Graph, names ...string) []bool {
	s := make([]bool, g.Len())
	for _, n := range names {
		i, ok := g.Index(n)
		if !ok {
			panic(n)
		}
		s[i] = true
	}
	return s
}

func TestNew(t *testing.T) {
	g := build("a b<a,~a,missing c<~a,~a,b d<~b,b a<c _<a")
	if g.Len() != 6 {
		t.Fatalf("Len() = %d", g.Len())
	}
	if i, ok := g.Index("a"); !ok || i != 0 {
		t.Errorf("Index(a) = %d, %v; want the first node", i, ok)
	}
	if _, ok := g.Index(""); ok {
		t.Errorf("the empty key is indexed")
	}
	for i, want := range []bool{true, true, true, true, false, false} {
		if got := g.Included(int32(i)); got != want {
			t.Errorf("Included(%d) = %v", i, got)
		}
	}
	tests := []struct {
		node       int32
		up         string
		kinds      []Kind
		downstream string
	}{
		{0, "", nil, "b c"},
		{1, "a", []Kind{Data}, "c d"}, // a data edge and a dep on one node: one data edge
		{2, "a b", []Kind{Order, Data}, ""},
		{3, "b", []Kind{Data}, ""}, // a dep, then an input: data wins
		{4, "", nil, ""},           // a repeated key: no edges
		{5, "", nil, ""},           // no key
	}
	for _, tt := range tests {
		if got := keys(g, g.Upstream(tt.node)); got != tt.up {
			t.Errorf("Upstream(%d) = %q, want %q", tt.node, got, tt.up)
		}
		if got := g.UpstreamKinds(tt.node); !slices.Equal(got, tt.kinds) {
			t.Errorf("UpstreamKinds(%d) = %v, want %v", tt.node, got, tt.kinds)
		}
		if got := keys(g, g.Downstream(tt.node)); got != tt.downstream {
			t.Errorf("Downstream(%d) = %q, want %q", tt.node, got, tt.downstream)
		}
	}
}

func TestOrder(t *testing.T) {
	g := build("c<b b<a a z d<c,z")
	if got := keys(g, g.Order(nil)); got != "a z b c d" {
		t.Errorf("Order(nil) = %q", got)
	}
	// Only edges inside the subset count.
	if got := keys(g, g.Order(of(g, "d", "c", "a"))); got != "c a d" {
		t.Errorf("Order(d c a) = %q", got)
	}
	if got := keys(g, g.Order(of(g))); got != "" {
		t.Errorf("Order(none) = %q", got)
	}
	// Nodes on a cycle, and after one, are left out.
	g = build("a<c b<a c<b d<c e f<e")
	if got := keys(g, g.Order(nil)); got != "e f" {
		t.Errorf("Order with a cycle = %q", got)
	}
}

func TestLayers(t *testing.T) {
	g := build("a b c<a,b d<c e<a,d")
	sel := of(g, "a", "b", "c", "d", "e")
	layers := g.Layers(sel, g.Order(sel))
	if want := []int32{0, 0, 1, 2, 3}; !slices.Equal(layers, want) {
		t.Errorf("Layers = %v, want %v", layers, want)
	}
	// c is left out: d and e lose their layers through it.
	sel = of(g, "a", "d", "e")
	if layers := g.Layers(sel, g.Order(sel)); !slices.Equal(layers, []int32{0, 0, 0, 0, 1}) {
		t.Errorf("Layers without c = %v", layers)
	}
}

func TestReach(t *testing.T) {
	//	a -> b -> c -> d
	//	     x -> c
	g := build("a b<a x c<b,x d<c")
	tests := []struct {
		start string
		dir   Direction
		depth int
		want  string
	}{
		{"d", Up, 1, "c"},
		{"d", Up, 2, "b x c"},
		{"d", Up, All, "a b x c"},
		{"a", Down, All, "b c d"},
		{"a", Down, 2, "b c"},
		{"a", Up, All, ""},
		{"a d", Down, All, "b c d"}, // d is reached from a
		{"b", Down, 0, ""},
	}
	for _, tt := range tests {
		if got := set(g, g.Reach(of(g, strings.Fields(tt.start)...), tt.dir, tt.depth)); got != tt.want {
			t.Errorf("Reach(%s, %v, %d) = %q, want %q", tt.start, tt.dir, tt.depth, got, tt.want)
		}
	}
}

// Roots and sinks look through nodes outside the set, as Dagster's do.
func TestRootsSinks(t *testing.T) {
	g := build("a b<a c<b d e<d")
	sel := of(g, "a", "c", "d")
	if got := set(g, g.Roots(sel)); got != "a d" {
		t.Errorf("Roots = %q, want a d (c is downstream of a through b)", got)
	}
	if got := set(g, g.Sinks(sel)); got != "c d" {
		t.Errorf("Sinks = %q, want c d", got)
	}
	// On a cycle every node has another upstream of it.
	g = build("a<b b<a c<b")
	if got := set(g, g.Roots(of(g, "a", "b", "c"))); got != "" {
		t.Errorf("Roots of a cycle = %q", got)
	}
}

func TestCycles(t *testing.T) {
	tests := []struct {
		spec string
		want []string
	}{
		{"a b<a", nil},
		{"a<a", []string{"a a"}},
		// A long way round and a short one from a: the short one.
		{"a<d,e b<a c<b d<c e<a", []string{"a e a"}},
		{"a<d b<a c<b d<c e<a d<e", []string{"a b c d a"}}, // d repeats: its second definition is left out
		{"a<c b<a c<b x<y y<x z<z", []string{"a b c a", "x y x", "z z"}},
		{"b<c c<b a<b", []string{"b c b"}},
		{"q<p p<q r<q,p p2<r q<r", []string{"q p q"}},
	}
	for _, tt := range tests {
		g := build(tt.spec)
		var got []string
		for _, c := range g.Cycles() {
			got = append(got, keys(g, c))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Cycles(%s) = %q, want %q", tt.spec, got, tt.want)
		}
	}
}

// A chain too long for a recursive walk on a small stack.
func TestLongChain(t *testing.T) {
	const n = 200_000
	ks := make([]string, n)
	for i := range ks {
		ks[i] = "n" + string(rune('a'+i%26)) + itoa(i)
	}
	g := New(ks, func(i int, add func(string, Kind) int32) {
		if i > 0 {
			add(ks[i-1], Data)
		} else {
			add(ks[n-1], Data)
		}
	})
	c := g.Cycles()
	if len(c) != 1 || len(c[0]) != n+1 {
		t.Fatalf("a ring of %d nodes: %d cycles", n, len(c))
	}
}

func itoa(i int) string {
	var b []byte
	for {
		b = append(b, byte('0'+i%10))
		if i /= 10; i == 0 {
			break
		}
	}
	slices.Reverse(b)
	return string(b)
}

// FuzzGraph checks the algorithms on small graphs against plain
// definitions computed from the matrix of shortest path lengths.
func FuzzGraph(f *testing.F) {
	f.Add([]byte{5, 1, 0, 2, 1, 3, 2, 2, 3})
	f.Add([]byte{4, 0, 0, 1, 2, 2, 1, 3, 3, 0, 3})
	f.Add([]byte{7, 1, 0, 2, 1, 0, 2, 4, 3, 5, 4, 3, 5})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		n := int(data[0]%8) + 1
		data = data[1:]
		ks := make([]string, n)
		for i := range ks {
			ks[i] = string(rune('a' + i))
		}
		ups := make([][]int, n)
		for ; len(data) >= 2; data = data[2:] {
			v, u := int(data[0])%n, int(data[1])%(n+1)
			ups[v] = append(ups[v], u) // u == n names no node
		}
		g := New(ks, func(i int, add func(string, Kind) int32) {
			for _, u := range ups[i] {
				k := "missing"
				if u < n {
					k = ks[u]
				}
				add(k, Kind(u%2))
			}
		})
		// dist[u][v]: the fewest edges from u down to v (at least one);
		// inf when none.
		const inf = 1 << 20
		dist := make([][]int, n)
		for u := range dist {
			dist[u] = make([]int, n)
			for v := range dist[u] {
				dist[u][v] = inf
			}
		}
		for v, us := range ups {
			for _, u := range us {
				if u < n {
					dist[u][v] = 1
				}
			}
		}
		for k := range n {
			for u := range n {
				for v := range n {
					dist[u][v] = min(dist[u][v], dist[u][k]+dist[k][v])
				}
			}
		}
		onCycle := func(u int) bool { return dist[u][u] < inf }

		// Order: every node not on or after a cycle, each after its
		// upstream nodes.
		order := g.Order(nil)
		pos := map[int32]int{}
		for p, v := range order {
			pos[v] = p
		}
		for v := range n {
			blocked := false
			for u := range n {
				blocked = blocked || onCycle(u) && (u == v || dist[u][v] < inf)
			}
			if _, in := pos[int32(v)]; in == blocked {
				t.Fatalf("node %d: in order %v, blocked by a cycle %v", v, in, blocked)
			}
			for _, u := range g.Upstream(int32(v)) {
				if pu, ok := pos[u]; ok && !blocked && pu > pos[int32(v)] {
					t.Fatalf("order %v puts %d before its upstream %d", order, v, u)
				}
			}
		}

		// Cycles: one per strongly connected component with a cycle,
		// from its lowest node, of the shortest length, along edges.
		cycles := g.Cycles()
		want := 0
		for u := range n {
			lowest := onCycle(u)
			for v := range u {
				lowest = lowest && !(dist[u][v] < inf && dist[v][u] < inf)
			}
			if lowest {
				want++
			}
		}
		if len(cycles) != want {
			t.Fatalf("%d cycles, want %d: %v", len(cycles), want, cycles)
		}
		for _, c := range cycles {
			first := int(c[0])
			if c[len(c)-1] != c[0] || len(c)-1 != dist[first][first] {
				t.Fatalf("cycle %v: want a path of %d edges back to %d", c, dist[first][first], first)
			}
			for k := 1; k < len(c); k++ {
				if !slices.Contains(g.Upstream(c[k]), c[k-1]) {
					t.Fatalf("cycle %v: no edge %d -> %d", c, c[k-1], c[k])
				}
			}
		}

		// Reach, roots and sinks, from a set taken from the data's
		// first byte.
		start := make([]bool, n)
		for v := range n {
			start[v] = data != nil && len(data) > 0 && data[0]>>v&1 == 1
		}
		for _, depth := range []int{1, 2, All} {
			down, up := g.Reach(start, Down, depth), g.Reach(start, Up, depth)
			for v := range n {
				wantDown, wantUp := false, false
				for s := range n {
					if start[s] {
						wantDown = wantDown || dist[s][v] <= depth || depth == All && dist[s][v] < inf
						wantUp = wantUp || dist[v][s] <= depth || depth == All && dist[v][s] < inf
					}
				}
				if down[v] != wantDown || up[v] != wantUp {
					t.Fatalf("Reach(%v, depth %d): node %d down %v up %v, want %v %v", start, depth, v, down[v], up[v], wantDown, wantUp)
				}
			}
		}
		roots, sinks := g.Roots(start), g.Sinks(start)
		for v := range n {
			hasUp, hasDown := false, false
			for s := range n {
				if start[s] {
					hasUp = hasUp || dist[s][v] < inf
					hasDown = hasDown || dist[v][s] < inf
				}
			}
			if roots[v] != (start[v] && !hasUp) || sinks[v] != (start[v] && !hasDown) {
				t.Fatalf("node %d of %v: root %v sink %v", v, start, roots[v], sinks[v])
			}
		}
	})
}
