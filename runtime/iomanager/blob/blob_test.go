package blob

import (
	"context"
	"database/sql"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
)

// openDir returns a manager on a new local directory.
func openDir(t testing.TB) *Manager {
	t.Helper()
	m, err := Open(context.Background(), "file://"+t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { m.Close() })
	return m
}

// store stores v as key's output (of v's type).
func store(m *Manager, key runtime.Key, partition string, v any) error {
	return m.Store(&runtime.OutputContext{Context: context.Background(), Key: key, Partition: partition, Type: reflect.TypeOf(v)}, v)
}

// load loads key, whose output type is up, into a value of type t.
func load(m *Manager, key runtime.Key, up, t reflect.Type, partitions ...string) (any, error) {
	return m.Load(&runtime.InputContext{
		Context: context.Background(), Key: "down", Name: "in", Upstream: key, Type: t,
		UpstreamDef:        &runtime.AssetDef{Key: key, OutputType: up},
		UpstreamPartitions: partitions,
	})
}

type Inner struct {
	A int32
	B string `db:"bee"`
}

type Base struct {
	Created time.Time
	Note    *string
}

// Everything has a field of every kind the manager stores.
type Everything struct {
	Base
	ID       int64 `db:"id"`
	I        int
	I8       int8
	I16      int16
	I32      int32
	U        uint
	U8       uint8
	U16      uint16
	U32      uint32
	U64      uint64
	F32      float32
	F64      float64
	OK       bool
	Name     string
	Blob     []byte
	Hash     [4]byte
	Took     time.Duration
	PInt     *int
	NStr     sql.NullString
	NInt     sql.Null[int64]
	Inner    Inner
	PInner   *Inner
	Ints     []int
	Strs     []string
	Triple   [3]int16
	Counts   map[string]int
	Inners   []Inner
	Nested   [][]int
	ByKey    map[int][]string
	PInts    []*int
	Tags     map[string]*Inner
	Times    []time.Time
	unexport int
}

func everything() []Everything {
	n := "note"
	one, two := 1, 2
	t0 := time.Date(2024, 3, 1, 12, 30, 0, 123456000, time.UTC)
	return []Everything{
		{},
		{
			Base: Base{Created: t0, Note: &n},
			ID:   -7, I: 1 << 40, I8: -8, I16: -16, I32: -32, U: 1 << 63, U8: 255, U16: 65535, U32: 1<<32 - 1, U64: 1<<64 - 1,
			F32: 1.5, F64: -2.25, OK: true, Name: "héllo", Blob: []byte{0, 1, 2}, Hash: [4]byte{9, 8, 7, 6},
			Took: 3 * time.Second, PInt: &one,
			NStr: sql.NullString{String: "s", Valid: true}, NInt: sql.Null[int64]{V: 5, Valid: true},
			Inner: Inner{1, "x"}, PInner: &Inner{2, "y"},
			Ints: []int{1, 2, 3}, Strs: []string{}, Triple: [3]int16{1, 2, 3},
			Counts: map[string]int{"b": 2, "a": 1}, Inners: []Inner{{3, "z"}, {4, ""}},
			Nested: [][]int{{1}, {}, nil, {2, 3}}, ByKey: map[int][]string{2: {"two"}, 1: nil},
			PInts: []*int{&one, nil, &two}, Tags: map[string]*Inner{"n": nil, "i": {5, "w"}},
			Times: []time.Time{t0, {}},
		},
		{Blob: []byte{}, Counts: map[string]int{}, Inners: []Inner{}, Ints: []int{0}, Times: []time.Time{}},
	}
}

func TestRoundTrip(t *testing.T) {
	m := openDir(t)
	want := everything()
	require.NoError(t, store(m, "all", "", want))
	got, err := load(m, "all", reflect.TypeOf(want), reflect.TypeOf(want))
	require.NoError(t, err)
	require.Equal(t, want, got)
}

func outCtx(key runtime.Key, v any) *runtime.OutputContext {
	return &runtime.OutputContext{Context: context.Background(), Key: key, Type: reflect.TypeOf(v)}
}
