// Package empty had assets once; its generated file remains and must be
// regenerated with none.
package empty

// Plain is not an asset.
func Plain() int { return 1 }
