// Package p imports a package that does not exist: the generator says
// why, as go build does, not that it "could not import" it.
package p

import _ "github.com/assetgen/assetgen/testdata/nosuch"

// asset:
func A() int { return 1 }
