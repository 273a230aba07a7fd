// Package checks declares asset checks of every shape: column rules,
// checks returning an error or a result, blocking ones, checks naming
// their asset and checks of a partitioned asset.
package checks

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// Daily partitions the events.
var Daily = partition.Daily("2024-01-01")

// Order is one order.
type Order struct {
	ID     int64
	Status string
	Amount float64
	Note   sql.NullString
	Tip    *int
}

// Orders are the orders.
//
// asset: checks=blocking:not_null(id),unique(id),accepted_values(status:open|closed),min(amount:0),warn:max(tip:100),not_null(Note),row_count(min:1)
func Orders() []Order { return nil }

// Total is the sum of the orders.
//
// asset:
func Total(orders []Order) float64 { return 0 }

// OrdersHaveRows fails when there are no orders.
//
// check: blocking=true
func OrdersHaveRows(orders []Order) error {
	if len(orders) == 0 {
		return errors.New("no orders")
	}
	return nil
}

// TotalMatches compares the total with the orders, as a warning.
//
// check: asset=total name=total_is_sum
func TotalMatches(ctx *runtime.Context, total float64, orders []Order) (runtime.CheckResult, error) {
	sum := 0.0
	for _, o := range orders {
		sum += o.Amount
	}
	return runtime.CheckResult{Passed: sum == total, Severity: runtime.SeverityWarn, Description: fmt.Sprint(sum)}, nil
}

// Event is one event.
type Event struct{ User string }

// asset: partitions=Daily checks=not_null(user)
func Events() []Event { return nil }

// check:
func EventsKnownUsers(ctx context.Context, events []Event) runtime.CheckResult {
	return runtime.CheckResult{Passed: true}
}
