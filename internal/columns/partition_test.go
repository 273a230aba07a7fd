package columns_test

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/internal/columns/corpus"
	"github.com/assetgen/assetgen/internal/columns/gotypes"
	"github.com/assetgen/assetgen/partition"
)

var partKinds = []partition.Kind{partition.KindNone, partition.KindTime, partition.KindStatic, partition.KindMulti, partition.KindDynamic}

// renderPartition writes the outcome of the partition column rule in
// terms that do not depend on the representation.
func renderPartition[T any](c columns.Column[T], isTime bool, err error) string {
	var perr *columns.PartitionError[T]
	switch {
	case errors.As(err, &perr) && perr.Col != nil:
		return fmt.Sprintf("bad %s %s", perr.Col.Name, perr.Col.Field)
	case errors.As(err, &perr):
		return fmt.Sprintf("none %v", perr.Names)
	case err != nil:
		return "error: " + err.Error()
	}
	return fmt.Sprintf("%s %s time=%v", c.Name, c.Field, isTime)
}

// TestPartitionAgree applies the partition column rule to every column
// of every corpus struct, and a name no struct has, for every kind of
// partitions, through both representations, and requires the same
// outcome.
func TestPartitionAgree(t *testing.T) {
	static := loadCorpus(t)
	for _, rt := range corpus.All {
		if rt.Kind() != reflect.Struct {
			continue
		}
		tt := static[rt.Name()]
		names := []string{"no_such_column"}
		if cols, err := columns.Of(rt); err == nil {
			for _, c := range cols {
				names = append(names, c.Name)
			}
		}
		for _, name := range names {
			for _, kind := range partKinds {
				r := renderPartition(columns.PartitionOf(rt, name, kind))
				g := renderPartition(gotypes.Partition(tt, name, kind))
				if r != g {
					t.Errorf("%s, column %s, %s partitions: reflect gives %s, go/types %s", rt.Name(), name, kind, r, g)
				}
			}
		}
	}
}

// TestPartition: strings hold keys for every kind, time.Time an instant
// for time partitions (and when the kind is not known yet), nothing else
// holds a partition.
func TestPartition(t *testing.T) {
	row := reflect.TypeFor[corpus.Parted]()
	for _, tc := range []struct {
		column string
		kind   partition.Kind
		want   string
	}{
		{"key", partition.KindStatic, "key Key time=false"},
		{"KEY", partition.KindTime, "key Key time=false"},
		{"region", partition.KindMulti, "region Region time=false"},
		{"day", partition.KindTime, "day Day time=true"},
		{"day", partition.KindNone, "day Day time=true"},
		{"at", partition.KindTime, "at At time=true"},
		{"day", partition.KindStatic, "bad day Day"},
		{"day", partition.KindDynamic, "bad day Day"},
		{"n", partition.KindTime, "bad n N"},
		{"null", partition.KindStatic, "bad null Null"},
		{"ptr", partition.KindStatic, "bad ptr Ptr"},
		{"audit", partition.KindTime, "bad audit Audit"},
		{"dy", partition.KindTime, "none [day at region key n null ptr audit]"},
	} {
		got := renderPartition(columns.PartitionOf(row, tc.column, tc.kind))
		assert.Equal(t, tc.want, got, "%s, %s partitions", tc.column, tc.kind)
	}
	_, _, err := columns.PartitionOf(row, "dy", partition.KindTime)
	assert.EqualError(t, err, `corpus.Parted has no column dy (did you mean "day"?)`)
	_, _, err = columns.PartitionOf(row, "n", partition.KindTime)
	assert.EqualError(t, err, "corpus.Parted.N (column n) has type int: a partition column of time partitions must be a time.Time (in the partition's window) or a string (the partition key)")
	_, _, err = columns.PartitionOf(row, "day", partition.KindStatic)
	assert.EqualError(t, err, "corpus.Parted.Day (column day) has type time.Time: a partition column of static partitions must be a string holding the partition key")
	_, _, err = columns.PartitionOf(row, "n", partition.KindNone)
	assert.EqualError(t, err, "corpus.Parted.N (column n) has type int: a partition column must be a time.Time (time partitions) or a string (the partition key)")
	_, _, err = columns.PartitionOf(reflect.TypeFor[corpus.Empty](), "n", partition.KindTime)
	assert.ErrorIs(t, err, columns.ErrNoColumns)
}
