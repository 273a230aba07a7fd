// Package options uses every directive option.
package options

import "context"

// Asset1 writes its table somewhere itself.
//
//asset:kinds=sqlite owners=team@example.com,"Ada Lovelace" tags=tier:gold,"pii:no"
func Asset1(ctx context.Context) error { return nil }

// Asset2 runs after asset1.
//
//asset:deps=asset1 group=etl io=warehouse code_version="v1.2, beta"
func Asset2() {}

// Orders lives under sales/eu.
//
// asset: prefix=sales/eu retries=3 retry_delay=1500ms timeout=2m
func Orders() []int { return nil }

// OrdersUS is another orders, under sales/us.
//
// asset: prefix=sales/us name=orders retries=0 timeout=1h30m retry_delay=1s
func OrdersUS() []int { return nil }

// Report reads orders from its own prefix, sales/eu.
//
// asset: prefix=sales/eu deps=asset2,sales/us/orders timeout=90s
func Report(orders []int) int { return len(orders) }

// Renamed has an explicit name.
//
// asset: name=totally_renamed
func Renamed(report int) int { return report }
