// Package p has an assets_gen.go that assetgen did not write.
package p

// asset:
func One() int { return 1 }
