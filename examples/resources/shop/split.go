package shop

import "github.com/assetgen/assetgen/runtime"

// Sizes is what SplitBySize returns: each tagged field is an asset of its
// own, with its own key, type, I/O manager and checks.
type Sizes struct {
	Big   []Order `asset:"big_orders checks=min(amount:20)"` // the orders of 20 or more
	Small []Order `asset:"small_orders"`                     // the others
}

// SplitBySize splits the orders at 20 in one pass: a multi-asset
// (Dagster's @multi_asset). With can_subset=true it fills only the
// outputs the run selects: materialize --select big_orders calls it once
// and stores big_orders alone.
//
// asset: multi can_subset=true
func SplitBySize(ctx *runtime.Context, orders []Order) Sizes {
	var s Sizes
	for _, o := range orders {
		switch {
		case o.Amount >= 20 && ctx.Selected("big_orders"):
			s.Big = append(s.Big, o)
		case o.Amount < 20 && ctx.Selected("small_orders"):
			s.Small = append(s.Small, o)
		}
	}
	return s
}
