// Package multidown reads the outputs of a multi-asset of another
// package, by name, like any imported asset.
package multidown

import "github.com/assetgen/assetgen/testdata/multi"

// Report reads both outputs of multi.SplitExport.
//
// asset:
func Report(orders []multi.Order, customers []multi.Customer) string { return "" }
