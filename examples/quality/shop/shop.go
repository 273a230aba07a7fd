// Package shop is the quality example's assets: the raw orders of a shop,
// checked column by column (checks=) and by check functions (//check:),
// and the revenue and report computed from them.
package shop

//go:generate go run github.com/assetgen/assetgen/cmd/assetgen

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/assetgen/assetgen/runtime"
)

// Order is one order as the shop exports it.
type Order struct {
	ID     int64
	Status string
	Amount float64
}

// sample is the export when $SHOP_ORDERS names none.
var sample = []Order{{1, "closed", 120}, {2, "open", 35.5}, {3, "closed", 80}}

// RawOrders are the orders of the shop's export: the JSON file
// $SHOP_ORDERS, else a small sample.
//
// asset: checks=not_null(id),unique(id),accepted_values(status:open|closed),min(amount:0)
func RawOrders() ([]Order, error) {
	path := os.Getenv("SHOP_ORDERS")
	if path == "" {
		return sample, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var orders []Order
	return orders, json.Unmarshal(b, &orders)
}

// RawOrdersNotEmpty fails when the export has no orders: blocking, so
// nothing is computed from an empty export.
//
// check: blocking=true
func RawOrdersNotEmpty(rawOrders []Order) error {
	if len(rawOrders) == 0 {
		return errors.New("the export has no orders")
	}
	return nil
}

// Revenue is the number and total amount of the orders of each status.
type Revenue struct {
	Status string
	Orders int64
	Amount float64
}

// RevenueByStatus sums the orders by status.
//
// asset: name=revenue
func RevenueByStatus(rawOrders []Order) []Revenue {
	var out []Revenue
	at := map[string]int{}
	for _, o := range rawOrders {
		i, ok := at[o.Status]
		if !ok {
			i = len(out)
			at[o.Status] = i
			out = append(out, Revenue{Status: o.Status})
		}
		out[i].Orders++
		out[i].Amount += o.Amount
	}
	return out
}

// Target is the closed orders' amount the shop aims for.
const Target = 250.0

// RevenueOnTarget warns when the closed orders' amount is below Target:
// a warning never stops anything.
//
// check: name=on_target
func RevenueOnTarget(revenue []Revenue) runtime.CheckResult {
	closed := 0.0
	for _, r := range revenue {
		if r.Status == "closed" {
			closed = r.Amount
		}
	}
	return runtime.CheckResult{
		Passed:      closed >= Target,
		Severity:    runtime.SeverityWarn,
		Description: fmt.Sprintf("closed orders %.2f, target %.2f", closed, Target),
		Metadata:    runtime.Metadata{"closed": closed},
	}
}

// Line is one line of the report.
type Line struct{ Text string }

// Report is the revenue as lines of text.
//
// asset:
func Report(revenue []Revenue) []Line {
	var out []Line
	for _, r := range revenue {
		out = append(out, Line{fmt.Sprintf("%s: %d orders, %.2f", r.Status, r.Orders, r.Amount)})
	}
	return out
}
