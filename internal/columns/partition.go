package columns

import (
	"fmt"

	"github.com/assetgen/assetgen/internal/suggest"
	"github.com/assetgen/assetgen/partition"
)

// Partition returns the column of struct row named name (matched as
// [Fold] does) that says which partition a row is in, and whether it holds a
// time in the partition's time window rather than the partition key. The
// rule: a string (any type whose underlying type is string) holds the key,
// for partitions of any kind; a time.Time holds an instant, for time
// partitions only. kind is the kind of the partitions; KindNone when it is
// not known yet (a definition known only at run time, where the rule is
// applied again), which accepts both. The error is that of [List], or a
// *[PartitionError].
func Partition[T any](v View[T], row T, name string, kind partition.Kind) (c Column[T], isTime bool, err error) {
	cols, err := List(v, row)
	if err != nil {
		return c, false, err
	}
	for i := range cols {
		c = cols[i]
		if Fold(c.Name) != Fold(name) {
			continue
		}
		pkg, tname := v.Name(c.Type)
		switch {
		case v.Kind(c.Type) == String:
			return c, false, nil
		case pkg == "time" && tname == "Time" && (kind == partition.KindTime || kind == partition.KindNone):
			return c, true, nil
		}
		return c, false, &PartitionError[T]{Row: row, Name: name, Kind: kind, Col: &cols[i]}
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return Column[T]{}, false, &PartitionError[T]{Row: row, Name: name, Kind: kind, Names: names}
}

// PartitionError is why a struct has no column that can hold the
// partition of its rows.
type PartitionError[T any] struct {
	Row   T              // the row struct
	Name  string         // the partition column asked for
	Kind  partition.Kind // the kind of the partitions; KindNone when unknown
	Col   *Column[T]     // the column of that name, of a type that cannot hold the partition; nil when there is none
	Names []string       // the struct's columns, when Col is nil, for a did-you-mean
}

// Format describes e, writing types with str.
func (e *PartitionError[T]) Format(str func(T) string) string {
	if e.Col == nil {
		return fmt.Sprintf("%s has no column %s%s", str(e.Row), e.Name, suggest.Hint(e.Name, e.Names))
	}
	what := fmt.Sprintf("%s.%s (column %s) has type %s", str(e.Row), e.Col.Field, e.Col.Name, str(e.Col.Type))
	switch e.Kind {
	case partition.KindTime:
		return what + ": a partition column of time partitions must be a time.Time (in the partition's window) or a string (the partition key)"
	case partition.KindNone:
		return what + ": a partition column must be a time.Time (time partitions) or a string (the partition key)"
	}
	return fmt.Sprintf("%s: a partition column of %s partitions must be a string holding the partition key", what, e.Kind)
}

// Error describes e, writing types with fmt's %v.
func (e *PartitionError[T]) Error() string {
	return e.Format(func(t T) string { return fmt.Sprint(t) })
}
