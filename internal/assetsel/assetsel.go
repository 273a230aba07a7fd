// Package assetsel builds the selection graph of asset definitions: the
// one mapping from runtime.AssetDef to selection.Node that the command
// line and the web page both evaluate --select expressions against.
package assetsel

import (
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/selection"
)

// Graph returns the selection graph of defs (nil ones left out): each
// asset's key, group (runtime.DefaultGroup when unset), kinds, owners,
// tags, and its upstream assets, inputs and deps alike.
func Graph(defs []*runtime.AssetDef) *selection.Graph {
	nodes := make([]selection.Node, 0, len(defs))
	for _, d := range defs {
		if d == nil {
			continue
		}
		up := d.Upstream()
		ups := make([]string, len(up))
		for j, k := range up {
			ups[j] = string(k)
		}
		nodes = append(nodes, selection.Node{
			Key:      string(d.Key),
			Group:    d.GroupName(),
			Kinds:    d.Kinds,
			Owners:   d.Owners,
			Tags:     d.Tags,
			Upstream: ups,
		})
	}
	return selection.NewGraph(nodes)
}
