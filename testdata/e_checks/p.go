package p

import (
	"errors"

	"github.com/assetgen/assetgen/partition"
)

var Daily = partition.Daily("2024-01-01")

type Row struct {
	ID     int64
	Status string
}

// asset: checks=unique(idd),min(status:0),unique(id),unique(id)
func Rows() []Row { return nil }

// asset: checks=not_nul(id),accepted_values(status),unique(id:1),min(id:x),max(id:inf),not_null,unique()
func Syntax() []Row { return nil }

// asset: checks=not_null(id)
func Count() int { return 0 }

// asset: partitions=Daily name=daily
func DailyRows() []Row { return nil }

// check: asset=rowz
func Unknown(rows []Row) error { return nil }

// check:
func NoAsset() error { return nil }

// check:
func Two(rows []Row, count int) error { return nil }

// check:
func BadResult(rows []Row) bool { return true }

// check:
func WrongType(rows []int) error { return nil }

// check:
func Missing(rowz []Row) error { return nil }

// check: name=unique_id
func Dup(rows []Row) error { return errors.New("x") }

// check: asset=count
func ReadsPartitioned(count int, daily []Row) error { return nil }

// check: blocking=maybe colour=red
func Options(rows []Row) error { return nil }

// asset:
// check:
func Both() int { return 0 }

// asset: checks=wran:not_null(id),blocking:warn:unique(id),row_count(mn:1),row_count(min:-1),row_count(min),warn:row_count(max:10),blocking:min(id:0),warn:warn:not_null(id)
func Modifiers() []Row { return nil }
