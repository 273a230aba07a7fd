package web

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/assetgen/assetgen/internal/defview"
)

// The lineage graph is laid out here, in Go, once per selection, and
// drawn by the browser on a canvas (static/graph.js): a layered layout in
// JavaScript over 10,000 assets takes seconds, this one milliseconds.
//
// The layout runs left to right in layers (an asset one layer right of
// its deepest upstream) and in horizontal lanes, one per group, so that
// each group is a rectangle that no other group overlaps. Within a lane,
// the assets of a layer are ordered by the mean height of their
// neighbours (the barycenter heuristic, sweeping right and then left a
// few times) to keep edges short and crossings few. Edges are drawn as
// curves from one side to the other; long edges are not routed around
// the boxes they cross.

// Sizes in the graph's units (CSS pixels at zoom 1).
const (
	nodeW    = 200.0
	nodeH    = 40.0
	colW     = nodeW + 90
	rowH     = nodeH + 18
	laneHead = 30.0 // room for the group's name above its assets
	lanePad  = 14.0
	laneGap  = 26.0
	sweeps   = 4
)

// layout is the lineage graph of a selection, placed.
type layout struct {
	nodes  []lnode // the selected assets, in definition order
	edges  []ledge
	lanes  []lane
	width  float64
	height float64
	json   []byte // everything but the statuses, as the API sends it
}

type lnode struct {
	asset int // index in the catalog
	layer int
	lane  int
	x, y  float64
}

type ledge struct {
	from, to int // positions in layout.nodes
	deps     bool
}

type lane struct {
	name       string
	x, y, w, h float64
}

// computeLayout places the assets sel selects.
func (c *catalog) computeLayout(sel []bool) (*layout, error) {
	l := &layout{}
	pos := make([]int, len(c.defs))
	for i := range c.defs {
		pos[i] = -1
		if sel[i] {
			pos[i] = len(l.nodes)
			l.nodes = append(l.nodes, lnode{asset: i})
		}
	}
	n := len(l.nodes)
	up := make([][]int, n)
	down := make([][]int, n)
	for p := range l.nodes {
		for _, e := range c.up[l.nodes[p].asset] {
			if q := pos[e.to]; q >= 0 {
				up[p] = append(up[p], q)
				down[q] = append(down[q], p)
				l.edges = append(l.edges, ledge{from: q, to: p, deps: e.deps})
			}
		}
	}

	// Layers, from the runtime's graph, in its topological order (assets
	// on a cycle, which validation refuses, come last, in layer 0).
	nodes := c.g.Order(sel)
	layerOf := c.g.Layers(sel, nodes)
	order := make([]int, 0, n)
	placed := make([]bool, n)
	for _, i := range nodes {
		p := pos[i]
		order = append(order, p)
		placed[p] = true
		l.nodes[p].layer = int(layerOf[i])
	}
	for p := range n {
		if !placed[p] {
			order = append(order, p)
		}
	}
	layers := 0
	for _, nd := range l.nodes {
		layers = max(layers, nd.layer+1)
	}

	// Lanes, one per group, ordered by their first layer, then by the
	// first appearance of the group.
	laneOf := map[string]int{}
	first := []int{}
	for _, p := range order {
		g := c.defs[l.nodes[p].asset].GroupName()
		k, ok := laneOf[g]
		if !ok {
			k = len(l.lanes)
			laneOf[g] = k
			l.lanes = append(l.lanes, lane{name: g})
			first = append(first, l.nodes[p].layer)
		}
		l.nodes[p].lane = k
		first[k] = min(first[k], l.nodes[p].layer)
	}
	perm := make([]int, len(l.lanes))
	for k := range perm {
		perm[k] = k
	}
	slices.SortStableFunc(perm, func(a, b int) int { return first[a] - first[b] })
	rank := make([]int, len(perm))
	lanes := make([]lane, len(perm))
	for r, k := range perm {
		rank[k] = r
		lanes[r] = l.lanes[k]
	}
	l.lanes = lanes
	for p := range l.nodes {
		l.nodes[p].lane = rank[l.nodes[p].lane]
	}

	// Cells: the assets of one lane in one layer, in topological order
	// to begin with.
	cells := make([][][]int, len(l.lanes))
	for k := range cells {
		cells[k] = make([][]int, layers)
	}
	for _, p := range order {
		nd := l.nodes[p]
		cells[nd.lane][nd.layer] = append(cells[nd.lane][nd.layer], p)
	}
	rows := make([]int, len(l.lanes))
	span := make([][2]int, len(l.lanes))
	for k := range cells {
		span[k] = [2]int{layers, 0}
		for layer, cell := range cells[k] {
			rows[k] = max(rows[k], len(cell))
			if len(cell) > 0 {
				span[k][0] = min(span[k][0], layer)
				span[k][1] = max(span[k][1], layer)
			}
		}
	}
	top := make([]float64, len(l.lanes))
	y := laneGap
	for k := range l.lanes {
		top[k] = y + laneHead
		l.lanes[k].y = y
		l.lanes[k].h = laneHead + float64(rows[k])*rowH - (rowH - nodeH) + lanePad
		l.lanes[k].x = float64(span[k][0])*colW - lanePad
		l.lanes[k].w = float64(span[k][1]-span[k][0])*colW + nodeW + 2*lanePad
		y += l.lanes[k].h + laneGap
	}
	l.height = y
	l.width = float64(layers)*colW - (colW - nodeW) + 2*laneGap
	place := func(k, layer int) {
		cell := cells[k][layer]
		off := top[k] + float64(rows[k]-len(cell))*rowH/2
		for r, p := range cell {
			l.nodes[p].y = off + float64(r)*rowH
		}
	}
	for k := range cells {
		for layer := range cells[k] {
			place(k, layer)
		}
	}
	key := make([]float64, n)
	sweep := func(layer int, nbrs [][]int) {
		for k := range cells {
			cell := cells[k][layer]
			if len(cell) < 2 {
				continue
			}
			for _, p := range cell {
				key[p] = l.nodes[p].y
				if len(nbrs[p]) > 0 {
					sum := 0.0
					for _, q := range nbrs[p] {
						sum += l.nodes[q].y
					}
					key[p] = sum / float64(len(nbrs[p]))
				}
			}
			slices.SortStableFunc(cell, func(a, b int) int {
				switch {
				case key[a] < key[b]:
					return -1
				case key[a] > key[b]:
					return 1
				}
				return 0
			})
			place(k, layer)
		}
	}
	for s := range sweeps {
		if s%2 == 0 {
			for layer := 1; layer < layers; layer++ {
				sweep(layer, up)
			}
		} else {
			for layer := layers - 2; layer >= 0; layer-- {
				sweep(layer, down)
			}
		}
	}
	for p := range l.nodes {
		l.nodes[p].x = laneGap + float64(l.nodes[p].layer)*colW
	}
	for k := range l.lanes {
		l.lanes[k].x += laneGap
	}
	var err error
	l.json, err = c.layoutJSON(l)
	return l, err
}

// layoutJSON encodes l for the browser, compactly: parallel arrays.
func (c *catalog) layoutJSON(l *layout) ([]byte, error) {
	type out struct {
		Width  float64    `json:"width"`
		Height float64    `json:"height"`
		Keys   []string   `json:"keys"`
		Groups []string   `json:"groups"`
		Nodes  [][3]int   `json:"nodes"` // x, y, lane
		Edges  [][3]int   `json:"edges"` // from, to, 1 when deps=
		Lanes  [][4]int   `json:"lanes"` // x, y, w, h, in the order of groups
		Kinds  [][]string `json:"kinds"`
		Descr  []string   `json:"descriptions"`
	}
	o := out{Width: l.width, Height: l.height, Keys: make([]string, len(l.nodes)), Groups: make([]string, len(l.lanes)),
		Nodes: make([][3]int, len(l.nodes)), Edges: make([][3]int, len(l.edges)), Lanes: make([][4]int, len(l.lanes)),
		Kinds: make([][]string, len(l.nodes)), Descr: make([]string, len(l.nodes))}
	for p, nd := range l.nodes {
		d := c.defs[nd.asset]
		o.Keys[p] = string(d.Key)
		o.Nodes[p] = [3]int{int(nd.x), int(nd.y), nd.lane}
		o.Kinds[p] = d.Kinds
		if o.Kinds[p] == nil {
			o.Kinds[p] = []string{}
		}
		o.Descr[p] = defview.Synopsis(d.Description)
	}
	for i, e := range l.edges {
		deps := 0
		if e.deps {
			deps = 1
		}
		o.Edges[i] = [3]int{e.from, e.to, deps}
	}
	for k, ln := range l.lanes {
		o.Groups[k] = ln.name
		o.Lanes[k] = [4]int{int(ln.x), int(ln.y), int(ln.w), int(ln.h)}
	}
	b, err := json.Marshal(o)
	if err != nil {
		return nil, err
	}
	// Leave the object open: the statuses are added per request.
	return bytes.TrimSuffix(b, []byte("}")), nil
}
