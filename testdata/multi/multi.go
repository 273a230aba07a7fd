// Package multi has a multi-asset: one function whose result's tagged
// fields are assets, read downstream like any asset.
package multi

import (
	"context"

	"github.com/assetgen/assetgen/runtime"
)

type Order struct {
	ID       int
	Customer string
	Amount   float64
}

type Customer struct {
	Name string
}

// Split is what SplitExport returns: each tagged field is an asset.
type Split struct {
	// Orders are the export's orders.
	Orders    []Order    `asset:"orders checks=not_null(customer),min(amount:0)"`
	Customers []Customer `asset:"customers io=warehouse group=crm"`
	Count     int        `asset:"-"`
	seen      int
}

// RawExport is the export file.
//
// asset:
func RawExport() []byte { return nil }

// SplitExport splits the export into orders and customers.
//
// asset: multi can_subset=true prefix=shop code_version=2
func SplitExport(ctx *runtime.Context, rawExport []byte) (Split, error) {
	return Split{}, nil
}

// OrderIDs reads a column subset of one output.
//
// asset:
func OrderIDs(orders []struct{ ID int }) []int { return nil }

// Names reads the other.
//
// asset:
func Names(customers []Customer) int { return len(customers) }

// Pair returns two values without an error.
//
// asset: multi
func Pair(_ context.Context) struct {
	Left  string `asset:"left"`
	Right int    `asset:"right"`
} {
	return struct {
		Left  string `asset:"left"`
		Right int    `asset:"right"`
	}{}
}

// A check of one output.
//
// check:
func OrdersPositive(orders []Order) error { return nil }
