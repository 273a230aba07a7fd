package cli

import (
	"flag"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/selection"
)

// assets is the asset graph of the definitions, as the commands see it:
// definitions in order (nil ones left out), with edges between defined
// assets.
type assets struct {
	defs  []*runtime.AssetDef
	index map[runtime.Key]int
	up    [][]int // up[i]: the assets i depends on, in Upstream order
	down  [][]int // down[i]: the assets that depend on i, in definition order
}

func newAssets(d *runtime.Definitions) *assets {
	a := &assets{index: map[runtime.Key]int{}}
	for _, def := range d.Assets {
		if def == nil {
			continue
		}
		if _, dup := a.index[def.Key]; dup {
			continue
		}
		a.index[def.Key] = len(a.defs)
		a.defs = append(a.defs, def)
	}
	a.up = make([][]int, len(a.defs))
	a.down = make([][]int, len(a.defs))
	for i, def := range a.defs {
		for _, k := range def.Upstream() {
			if j, ok := a.index[k]; ok {
				a.up[i] = append(a.up[i], j)
				a.down[j] = append(a.down[j], i)
			}
		}
	}
	return a
}

// graph returns the selection graph of the assets.
func (a *assets) graph() *selection.Graph {
	nodes := make([]selection.Node, len(a.defs))
	for i, d := range a.defs {
		up := d.Upstream()
		ups := make([]string, len(up))
		for j, k := range up {
			ups[j] = string(k)
		}
		nodes[i] = selection.Node{
			Key:      string(d.Key),
			Group:    d.GroupName(),
			Kinds:    d.Kinds,
			Owners:   d.Owners,
			Tags:     d.Tags,
			Upstream: ups,
		}
	}
	return selection.NewGraph(nodes)
}

// selectSet returns which assets expr selects; all when expr is empty.
// The error is a *selection.Error, which shows the expression and a caret.
func (a *assets) selectSet(expr string) ([]bool, error) {
	sel := make([]bool, len(a.defs))
	if expr == "" {
		for i := range sel {
			sel[i] = true
		}
		return sel, nil
	}
	keys, err := a.graph().Select(expr)
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		sel[a.index[runtime.Key(k)]] = true
	}
	return sel, nil
}

// order returns the selected assets in an execution order: every asset
// after its selected upstream assets, sources first in definition order.
// Assets on a cycle are left out (validation reports cycles).
func (a *assets) order(sel []bool) []int {
	indeg := make([]int, len(a.defs))
	var out []int
	for i := range a.defs {
		if !sel[i] {
			continue
		}
		for _, j := range a.up[i] {
			if sel[j] {
				indeg[i]++
			}
		}
		if indeg[i] == 0 {
			out = append(out, i)
		}
	}
	for k := 0; k < len(out); k++ {
		for _, j := range a.down[out[k]] {
			if !sel[j] {
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

// layers returns the layer of each selected asset in order: 0 for an
// asset with no selected upstream, else one more than its deepest
// selected upstream.
func (a *assets) layers(sel []bool, order []int) []int {
	layer := make([]int, len(a.defs))
	for _, i := range order {
		for _, j := range a.up[i] {
			if sel[j] {
				layer[i] = max(layer[i], layer[j]+1)
			}
		}
	}
	return layer
}

// selectFlag declares the --select flag on fs; verb says what the
// command does with the selected assets.
func selectFlag(fs *flag.FlagSet, p *string, verb string) {
	fs.StringVar(p, "select", "", verb+" only the assets `EXPR` selects (see 'help select'); all when empty")
}
