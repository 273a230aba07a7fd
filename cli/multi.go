package cli

import "github.com/assetgen/assetgen/runtime"

// multiEntry describes the multi-asset of an asset in list --json.
type multiEntry struct {
	Function  string   `json:"function"`   // the function producing its outputs
	Outputs   []string `json:"outputs"`    // the keys of its outputs
	CanSubset bool     `json:"can_subset"` // the function computes only the selected outputs
}

// multiOf returns the multi-asset d is an output of, for list --json;
// nil when it is none.
func multiOf(d *runtime.AssetDef) *multiEntry {
	if d.Multi == nil {
		return nil
	}
	m := &multiEntry{Function: d.Multi.Name, Outputs: make([]string, len(d.Multi.Keys)), CanSubset: d.Multi.CanSubset}
	for i, k := range d.Multi.Keys {
		m.Outputs[i] = string(k)
	}
	return m
}

// multiNames returns, by key, the function of the multi-asset each
// output of one is computed by.
func multiNames(defs *runtime.Definitions) map[runtime.Key]string {
	names := map[runtime.Key]string{}
	for _, d := range defs.Assets {
		if d.Multi != nil {
			names[d.Key] = d.Multi.Name
		}
	}
	return names
}
