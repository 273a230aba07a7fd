package columns

import (
	"database/sql"
	"reflect"
	"testing"
	"time"
)

func TestIsSQLNull(t *testing.T) {
	for typ, want := range map[reflect.Type]bool{
		reflect.TypeFor[sql.NullString]():       true,
		reflect.TypeFor[sql.Null[int]]():        true,
		reflect.TypeFor[sql.NullTime]():         true,
		reflect.TypeFor[sql.RawBytes]():         false,
		reflect.TypeFor[struct{ Valid bool }](): false,
		reflect.TypeFor[time.Time]():            false,
	} {
		if got := IsSQLNull(typ); got != want {
			t.Errorf("IsSQLNull(%v) = %v, want %v", typ, got, want)
		}
	}
}

func TestOffset(t *testing.T) {
	type inner struct {
		A byte
		B int64
	}
	type outer struct {
		X int32
		inner
	}
	typ := reflect.TypeFor[outer]()
	cols, err := Of(typ)
	if err != nil {
		t.Fatal(err)
	}
	var v outer
	base := reflect.ValueOf(&v).Pointer()
	for _, c := range cols {
		want := reflect.ValueOf(&v).Elem().FieldByIndex(c.Index).Addr().Pointer() - base
		if got := Offset(typ, c.Index); got != want {
			t.Errorf("Offset of %s = %d, want %d", c.Field, got, want)
		}
	}
}

func TestSortedKeys(t *testing.T) {
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		m    any
		want any
	}{
		{map[string]int{"b": 1, "a": 2, "c": 3}, []string{"a", "b", "c"}},
		{map[int8]bool{3: true, -1: true, 0: true}, []int8{-1, 0, 3}},
		{map[uint]int{9: 0, 2: 0}, []uint{2, 9}},
		{map[float64]int{2.5: 0, -1: 0}, []float64{-1, 2.5}},
		{map[bool]int{true: 0, false: 0}, []bool{false, true}},
		{map[time.Time]int{t0.Add(time.Hour): 0, t0: 0}, []time.Time{t0, t0.Add(time.Hour)}},
	} {
		keys := SortedKeys(reflect.ValueOf(c.m))
		got := reflect.MakeSlice(reflect.TypeOf(c.want), 0, len(keys))
		for _, k := range keys {
			got = reflect.Append(got, k)
		}
		if !reflect.DeepEqual(got.Interface(), c.want) {
			t.Errorf("SortedKeys(%v) = %v, want %v", c.m, got, c.want)
		}
	}
}
