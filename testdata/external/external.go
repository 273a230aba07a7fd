// Package external declares external assets: a file another system
// drops, a partitioned landing, and the assets that read them by
// parameter or by deps=; and an asset observing its stored output.
package external

import (
	"context"
	"os"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// Daily is the partitions of the landing.
var Daily = partition.Daily("2024-01-01")

// Row is a line of the partner's file.
type Row struct {
	ID    string
	Value int
}

// PartnerFile is the file the partner drops every morning.
//
// asset: external io=landing group=raw
func PartnerFile(ctx context.Context) (runtime.Observation, error) {
	st, err := os.Stat("landing/partner_file.json")
	if os.IsNotExist(err) {
		return runtime.Observation{}, nil
	}
	if err != nil {
		return runtime.Observation{}, err
	}
	return runtime.Observation{DataVersion: st.ModTime().String(), Metadata: runtime.Metadata{"size": st.Size()}}, nil
}

// Drops is a file per day.
//
// asset: external partitions=Daily timeout=10s
func Drops(ctx context.Context) (runtime.Observation, error) {
	return runtime.Observation{Partitions: map[string]string{"2024-01-01": "v1"}}, nil
}

// asset: observe
func Cleaned(partnerFile []Row) []Row { return partnerFile }

// asset: partitions=Daily
func PerDay(ctx *runtime.Context, drops []Row) (int, error) { return len(drops), nil }
