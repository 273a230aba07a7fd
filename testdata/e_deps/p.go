// Package p has deps= that name no asset.
package p

// asset:
func Asset1() {}

// asset: prefix=sales
func Orders() {}

// asset: deps=asset_1,sales/orders,orders,nothing_like_it
func Asset2() {}
