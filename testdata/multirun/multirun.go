// Package multirun is a pipeline with multi-assets, for the generator's
// end-to-end test (TestMultiEndToEnd): every call of a multi-asset's
// function is appended to the file named by $MULTI_JOURNAL, and
// $MULTI_FAIL=1 fails them.
package multirun

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// Shops are the partitions of the partitioned multi-asset.
var Shops = partition.NewStatic("north", "south")

// Number is one row.
type Number struct {
	N int
}

// Numbers are the numbers 1 to 6.
//
// asset:
func Numbers() []Number {
	return []Number{{1}, {2}, {3}, {4}, {5}, {6}}
}

// Parity is what SplitParity returns: two tables.
type Parity struct {
	Evens []Number `asset:"evens checks=min(n:0)"`
	Odds  []Number `asset:"odds"`
}

// ParityConfig is the run config of SplitParity: its section is
// SplitParity, for both outputs.
type ParityConfig struct {
	runtime.Config
	// Min is the least number kept.
	Min int `default:"1"`
}

// SplitParity splits the numbers of at least cfg.Min into evens and
// odds, computing only the outputs selected.
//
// asset: multi can_subset=true
func SplitParity(ctx *runtime.Context, numbers []Number, cfg ParityConfig) (Parity, error) {
	if err := journal(ctx, "split"); err != nil {
		return Parity{}, err
	}
	var p Parity
	for _, n := range numbers {
		switch {
		case n.N < cfg.Min:
		case n.N%2 == 0 && ctx.Selected("evens"):
			p.Evens = append(p.Evens, n)
		case n.N%2 == 1 && ctx.Selected("odds"):
			p.Odds = append(p.Odds, n)
		}
	}
	return p, nil
}

// EvenSum reads one output.
//
// asset:
func EvenSum(evens []Number) int {
	s := 0
	for _, n := range evens {
		s += n.N
	}
	return s
}

// OddCount reads the other.
//
// asset:
func OddCount(odds []Number) int { return len(odds) }

// ShopStats is what ShopSplit returns for one shop.
type ShopStats struct {
	Visits int    `asset:"visits"`
	Label  string `asset:"label"`
}

// ShopSplit computes two assets of each shop.
//
// asset: multi partitions=Shops
func ShopSplit(ctx *runtime.Context) (ShopStats, error) {
	if err := journal(ctx, "shop"); err != nil {
		return ShopStats{}, err
	}
	return ShopStats{Visits: len(ctx.Partition()), Label: "shop " + ctx.Partition()}, nil
}

// journal appends what ran to $MULTI_JOURNAL, and fails when $MULTI_FAIL
// is 1.
func journal(ctx *runtime.Context, what string) error {
	var sel []string
	for _, o := range ctx.Def.Multi.Keys {
		if ctx.Selected(string(o)) {
			sel = append(sel, string(o))
		}
	}
	line := fmt.Sprintf("%s %s selected=%s\n", what, ctx.Partition(), strings.Join(sel, ","))
	if f := os.Getenv("MULTI_JOURNAL"); f != "" {
		w, err := os.OpenFile(f, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		defer w.Close()
		if _, err := w.WriteString(line); err != nil {
			return err
		}
	}
	if os.Getenv("MULTI_FAIL") == "1" {
		return errors.New("export unreadable")
	}
	return nil
}
