// Package p has two assets named orders under different prefixes.
package p

// asset: prefix=eu
func OrdersEU() []int { return nil }

// asset: prefix=us name=orders_eu
func OrdersUS() []int { return nil }

// asset:
func Report(ordersEU []int) int { return 0 }
