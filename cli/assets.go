package cli

import (
	"flag"

	"github.com/assetgen/assetgen/internal/assetsel"
	"github.com/assetgen/assetgen/runtime"
)

// graph checks the shape of the definitions (runtime.Definitions.Graph:
// well-formed keys defined once, edges that name assets, no cycle), as
// every command does before it reads them, and returns their graph. When
// they are invalid, it reports why and returns false.
func (e *env) graph() (*runtime.Graph, bool) {
	g, err := e.defs.Graph()
	if err != nil {
		e.errorf("invalid definitions:\n%s", indent(err.Error()))
		return nil, false
	}
	return g, true
}

// selectSet returns which nodes of g expr selects; all when expr is
// empty. The error is a *selection.Error, which shows the expression and
// a caret.
func selectSet(g *runtime.Graph, expr string) ([]bool, error) {
	sel := make([]bool, g.Len())
	if expr == "" {
		for i := range sel {
			sel[i] = true
		}
		return sel, nil
	}
	defs := make([]*runtime.AssetDef, g.Len())
	for i := range defs {
		defs[i] = g.Def(int32(i))
	}
	keys, err := assetsel.Graph(defs).Select(expr)
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		i, _ := g.Index(runtime.Key(k))
		sel[i] = true
	}
	return sel, nil
}

// selectFlag declares the --select flag on fs; verb says what the
// command does with the selected assets.
func selectFlag(fs *flag.FlagSet, p *string, verb string) {
	fs.StringVar(p, "select", "", verb+" only the assets `EXPR` selects (see 'help select'); all when empty")
}
