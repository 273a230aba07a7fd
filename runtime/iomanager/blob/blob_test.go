package blob

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gocloud.dev/blob/memblob"

	"github.com/assetgen/assetgen/partition"
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

// files lists the files under dir, slash-separated and relative.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	}))
	slices.Sort(out)
	return out
}

type Sale struct {
	Day    string
	Amount float64
}

var daily = partition.Daily("2024-01-01")

// TestLayout checks where objects go: asset a/b at a/b.parquet or
// a/b.json, a partition in a Hive-style directory (one per dimension),
// stamps under .stamps/, nothing else.
func TestLayout(t *testing.T) {
	dir := t.TempDir()
	m, err := Open(context.Background(), "file://"+dir+"?prefix=team/")
	require.NoError(t, err)
	defer m.Close()
	require.NoError(t, store(m, "a/rows", "", []Sale{{"x", 1}}))
	require.NoError(t, store(m, "a/count", "", 42))
	require.NoError(t, store(m, "sales", "2024-01-01", []Sale{{"2024-01-01", 1}}))
	require.NoError(t, store(m, "notes", "a b%c", "note"))
	multi := partition.NewMulti(partition.Dims{"region": partition.NewStatic("eu", "us"), "date": daily})
	require.NoError(t, multi.Err())
	rows := []Sale{{"2024-01-01", 2}}
	def := &runtime.AssetDef{Key: "by_region", OutputType: reflect.TypeOf(rows), Partitions: multi}
	require.NoError(t, m.Store(&runtime.OutputContext{Context: context.Background(), Key: def.Key, Def: def, Type: def.OutputType, Partition: "2024-01-01|eu"}, rows))
	assert.Equal(t, []string{
		"team/.stamps/a/count.json",
		"team/.stamps/a/rows.json",
		"team/.stamps/by_region/partition=2024-01-01%7Ceu.json",
		"team/.stamps/notes/partition=a%20b%25c.json",
		"team/.stamps/sales/partition=2024-01-01.json",
		"team/a/count.json",
		"team/a/rows.parquet",
		"team/by_region/date=2024-01-01/region=eu/data.parquet",
		"team/notes/partition=a%20b%25c/data.json",
		"team/sales/partition=2024-01-01/data.parquet",
	}, files(t, dir))
	got, err := m.Load(&runtime.InputContext{Context: context.Background(), Upstream: def.Key, UpstreamDef: def, Type: def.OutputType, UpstreamPartitions: []string{"2024-01-01|eu"}})
	require.NoError(t, err)
	assert.Equal(t, rows, got)
	_, err = m.Object(def, "2024-01-01")
	assert.EqualError(t, err, `asset by_region: partition key "2024-01-01" has 1 dimensions, the definition 2 (date, region)`)
}

func TestPartitions(t *testing.T) {
	m := openDir(t)
	days := []string{"2024-01-01", "2024-01-02", "2024-01-03"}
	for i, d := range days {
		require.NoError(t, store(m, "sales", d, []Sale{{d, float64(i)}, {d, float64(10 * i)}}))
		require.NoError(t, store(m, "counts", d, []int{i, i}))
		require.NoError(t, store(m, "total", d, i))
	}
	st := reflect.TypeFor[[]Sale]()
	got, err := load(m, "sales", st, st, days[2], days[0])
	require.NoError(t, err)
	assert.Equal(t, []Sale{{days[2], 2}, {days[2], 20}, {days[0], 0}, {days[0], 0}}, got)

	it := reflect.TypeFor[[]int]()
	got, err = load(m, "counts", it, it, days[0], days[1], days[2])
	require.NoError(t, err)
	assert.Equal(t, []int{0, 0, 1, 1, 2, 2}, got)

	got, err = load(m, "total", reflect.TypeFor[int](), reflect.TypeFor[int](), days[1])
	require.NoError(t, err)
	assert.Equal(t, 1, got)
	_, err = load(m, "total", reflect.TypeFor[int](), reflect.TypeFor[int](), days[0], days[1])
	assert.EqualError(t, err, "asset total: 2 partitions cannot load into one int (a slice concatenates them)")

	_, err = load(m, "sales", st, st, days[0], "2024-01-04")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "asset sales partition 2024-01-04 has no materialization: object sales/partition=2024-01-04/data.parquet in file://")
}

func TestPartitionKeys(t *testing.T) {
	m := New(nil, "p")
	a := &runtime.AssetDef{Key: "a", OutputType: reflect.TypeFor[int]()}
	for key, want := range map[string]string{
		"2024-01-01":       "p/a/partition=2024-01-01/data.json",
		"2024-01-01-13:00": "p/a/partition=2024-01-01-13:00/data.json",
		"Zürich":           "p/a/partition=Z%C3%BCrich/data.json",
		"a=b?c#d&e+f":      "p/a/partition=a%3Db%3Fc%23d%26e%2Bf/data.json",
	} {
		obj, err := m.Object(a, key)
		require.NoError(t, err, key)
		assert.Equal(t, want, obj)
		v, _ := strings.CutPrefix(strings.Split(obj, "/")[2], "partition=")
		back, err := unescapeKey(v)
		require.NoError(t, err)
		assert.Equal(t, key, back)
	}
	for key, msg := range map[string]string{
		"../x":   `asset a: invalid partition: key "../x" starts or ends with '.'`,
		"a/b":    `asset a: invalid partition: key "a/b" holds '/': keys become path components`,
		"a\\b":   `asset a: invalid partition: key "a\\b" holds '\\': keys become path components`,
		"a|":     `asset a: invalid partition "a|": key "" is empty`,
		"x\x00":  `asset a: invalid partition: key "x\x00" holds the control character U+0000`,
		"\xff":   `asset a: invalid partition: key "\xff" is not valid UTF-8`,
		"a|..|b": `asset a: invalid partition "a|..|b": key ".." starts or ends with '.'`,
	} {
		_, err := m.Object(a, key)
		assert.EqualError(t, err, msg, "%q", key)
	}
	_, err := m.Object(&runtime.AssetDef{Key: "../a"}, "")
	require.Error(t, err)
	_, err = m.Object(a, "eu|2024")
	assert.EqualError(t, err, `asset a: partition key "eu|2024" has 2 dimensions, but the asset's definition is unknown: the names of the dimensions name its directories`)
	_, err = New(nil, strings.Repeat("p", 300)).Object(a, strings.Repeat("ü", 127))
	assert.ErrorContains(t, err, "is longer than 1024 bytes")
}

// FuzzPartitionPath checks that no partition key makes a path that leaves
// its asset's directory or does not give the key back.
func FuzzPartitionPath(f *testing.F) {
	for _, s := range []string{"2024-01-01", "a|b", "../..", "a/b", "%2F", "ü", "a b", ".", "x\x00"} {
		f.Add(s)
	}
	dims := []string{"date", "region"}
	f.Fuzz(func(t *testing.T, p string) {
		for _, d := range [][]string{nil, dims} {
			path, err := partitionPath(p, d)
			if err != nil {
				continue
			}
			segs := strings.Split(path, "/")
			if len(d) > 0 && len(segs) != len(d) || len(d) == 0 && len(segs) != 1 {
				t.Fatalf("%q: %d segments in %q", p, len(segs), path)
			}
			var keys []string
			for i, seg := range segs {
				if strings.ContainsAny(seg, "\\?#") || seg == "." || seg == ".." || !utf8.ValidString(seg) {
					t.Fatalf("%q: unsafe segment %q", p, seg)
				}
				name, v, _ := strings.Cut(seg, "=")
				if len(d) > 0 && name != d[i] || len(d) == 0 && (name != "partition" || strings.Contains(p, "|")) {
					t.Fatalf("%q: segment %q", p, seg)
				}
				k, err := unescapeKey(v)
				if err != nil {
					t.Fatalf("%q: segment %q: %v", p, seg, err)
				}
				keys = append(keys, k)
			}
			if back := strings.Join(keys, "|"); back != p {
				t.Fatalf("%q: path %q gives back %q", p, path, back)
			}
		}
	})
}

type Wide struct {
	ID      int64
	Payload string
	Tags    []string
	Score   float64
}

type Narrow struct {
	Score float64
	ID    int64 `db:"ID"` // names match case-insensitively
}

// TestNarrowLoad loads a struct with a subset of the stored columns, and
// proves that the other columns are never read: their bytes in the file
// are overwritten with garbage first, which a full load trips on.
func TestNarrowLoad(t *testing.T) {
	dir := t.TempDir()
	m, err := Open(context.Background(), "file://"+dir)
	require.NoError(t, err)
	defer m.Close()
	rows := make([]Wide, 3000)
	for i := range rows {
		rows[i] = Wide{int64(i), strings.Repeat("p", i%50), []string{"a", "b"}, float64(i) / 2}
	}
	require.NoError(t, store(m, "wide", "", rows))
	wt := reflect.TypeFor[[]Wide]()

	path := filepath.Join(dir, "wide.parquet")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	pf, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	garbled := 0
	for _, rg := range pf.Metadata().RowGroups {
		for _, c := range rg.Columns {
			if p := c.MetaData.PathInSchema; p[0] == "payload" || p[0] == "tags" {
				start := c.MetaData.DataPageOffset
				for i := start; i < start+c.MetaData.TotalCompressedSize; i++ {
					data[i] = 0xAB
					garbled++
				}
			}
		}
	}
	require.Greater(t, garbled, 1000)
	require.NoError(t, os.WriteFile(path, data, 0o644))

	got, err := load(m, "wide", wt, reflect.TypeFor[[]Narrow]())
	require.NoError(t, err)
	narrow := got.([]Narrow)
	require.Len(t, narrow, len(rows))
	for i, r := range narrow {
		require.Equal(t, Narrow{rows[i].Score, rows[i].ID}, r)
	}
	_, err = load(m, "wide", wt, wt)
	require.Error(t, err, "a full load reads the garbled columns")

	type Missing struct{ ID, Other int64 }
	_, err = load(m, "wide", wt, reflect.TypeFor[[]Missing]())
	assert.ErrorContains(t, err, "field Other (column other) has no column in the stored file, whose columns are id, payload, tags, score")
	type Mistyped struct{ ID int32 }
	_, err = load(m, "wide", wt, reflect.TypeFor[[]Mistyped]())
	assert.ErrorContains(t, err, "field ID (column id): the stored column is required int64 (INT(64,true)), but int32 is stored as required int32 (INT(32,true))")
}

type Counted struct {
	Name   string
	Counts map[string]int
}

// TestMaterialize runs two assets through the manager: the data version
// is the SHA-256 of the object's bytes, the downstream receives it as its
// input version, and equal values give equal versions (map entries are
// stored in key order).
func TestMaterialize(t *testing.T) {
	dir := t.TempDir()
	m, err := Open(context.Background(), "file://"+dir)
	require.NoError(t, err)
	defer m.Close()
	value := func() []Counted {
		c := map[string]int{}
		for i := range 50 {
			c[fmt.Sprint("k", i)] = i
		}
		return []Counted{{"a", c}}
	}
	people := &runtime.AssetDef{
		Key: "people", OutputType: reflect.TypeFor[[]Counted](),
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return value(), nil },
	}
	count := &runtime.AssetDef{
		Key: "stats/count", OutputType: reflect.TypeFor[int](),
		Inputs: []runtime.Input{{Name: "people", Key: "people", Type: reflect.TypeFor[[]Counted]()}},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			p, err := runtime.Load[[]Counted](ctx, in, 0)
			return len(p[0].Counts), err
		},
	}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{people, count}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m}}
	var versions []string
	var inputs map[runtime.Key]string
	for range 2 {
		res, err := runtime.Materialize(context.Background(), defs, runtime.Options{OnEvent: func(e runtime.Event) {
			if e.Type == runtime.StepSuccess && e.Key == "stats/count" {
				inputs = e.InputVersions
			}
		}})
		require.NoError(t, err)
		require.True(t, res.OK(), "%+v", res.Steps)
		data, err := os.ReadFile(filepath.Join(dir, "people.parquet"))
		require.NoError(t, err)
		sum := sha256.Sum256(data)
		s := res.Step("people")
		assert.Equal(t, hex.EncodeToString(sum[:]), s.DataVersion)
		assert.Equal(t, int64(len(data)), s.Metadata["size"])
		assert.Equal(t, 1, s.Metadata["rows"])
		assert.Equal(t, "object people.parquet in file://"+dir, s.Metadata["uri"])
		assert.Equal(t, map[runtime.Key]string{"people": s.DataVersion}, inputs)
		versions = append(versions, s.DataVersion)
	}
	assert.Equal(t, versions[0], versions[1])
	got, err := load(m, "stats/count", reflect.TypeFor[int](), reflect.TypeFor[int]())
	require.NoError(t, err)
	assert.Equal(t, 50, got)
}

// TestCancelledStore cancels a store of a big value midway: the previous
// object stays whole and no temporary file is left.
func TestCancelledStore(t *testing.T) {
	dir := t.TempDir()
	m, err := Open(context.Background(), "file://"+dir)
	require.NoError(t, err)
	defer m.Close()
	old := []Sale{{"old", 1}}
	require.NoError(t, store(m, "sales", "", old))
	before, err := os.ReadFile(filepath.Join(dir, "sales.parquet"))
	require.NoError(t, err)

	// Cancel once the temporary file holds some bytes.
	err = storeCancelled(m, "sales", func() bool { return tmpBytes(t, dir) > 0 })
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, "asset sales: not stored: context canceled", err.Error())
	after, err := os.ReadFile(filepath.Join(dir, "sales.parquet"))
	require.NoError(t, err)
	assert.Equal(t, before, after)
	assert.Equal(t, []string{".stamps/sales.json", "sales.parquet"}, files(t, dir))
	got, err := load(m, "sales", reflect.TypeOf(old), reflect.TypeOf(old))
	require.NoError(t, err)
	assert.Equal(t, old, got)
}

// storeCancelled stores 2,000,000 rows as key's output and cancels the
// store once started() (polled every millisecond) says it has written
// some bytes, or after a minute; it returns the store's error.
func storeCancelled(m *Manager, key runtime.Key, started func() bool) error {
	big := make([]Sale, 2_000_000)
	for i := range big {
		big[i] = Sale{fmt.Sprint("day-", i), float64(i)}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- m.Store(&runtime.OutputContext{Context: ctx, Key: key, Type: reflect.TypeOf(big)}, big)
	}()
	for deadline := time.Now().Add(time.Minute); !started() && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	cancel()
	return <-done
}

// tmpBytes returns the size of the temporary files in dir.
func tmpBytes(t *testing.T, dir string) int64 {
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var n int64
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			if fi, err := e.Info(); err == nil {
				n += fi.Size()
			}
		}
	}
	return n
}

func TestPointerRows(t *testing.T) {
	m := openDir(t)
	rows := []*Sale{{"a", 1}, {"b", 2}}
	require.NoError(t, store(m, "p", "", rows))
	got, err := load(m, "p", reflect.TypeOf(rows), reflect.TypeOf(rows))
	require.NoError(t, err)
	assert.Equal(t, rows, got)
	got, err = load(m, "p", reflect.TypeOf(rows), reflect.TypeFor[[]Sale]())
	require.NoError(t, err)
	assert.Equal(t, []Sale{{"a", 1}, {"b", 2}}, got)

	err = store(m, "p", "", []*Sale{{"a", 1}, nil})
	assert.EqualError(t, err, "asset p: store object p.parquet in file://"+m.url[len("file://"):]+": row 1: nil row: a slice of pointers stored as Parquet must hold no nil pointer")
	got, err = load(m, "p", reflect.TypeOf(rows), reflect.TypeOf(rows))
	require.NoError(t, err)
	assert.Equal(t, rows, got, "a failed store leaves the object as it was")
}

func TestEmpty(t *testing.T) {
	m := openDir(t)
	require.NoError(t, store(m, "e", "", []Sale{}))
	got, err := load(m, "e", reflect.TypeFor[[]Sale](), reflect.TypeFor[[]Sale]())
	require.NoError(t, err)
	assert.Nil(t, got)
	var none []Sale
	require.NoError(t, store(m, "e", "", none))
	got, err = load(m, "e", reflect.TypeFor[[]Sale](), reflect.TypeFor[[]Sale]())
	require.NoError(t, err)
	assert.Equal(t, none, got)
}

func TestBadValues(t *testing.T) {
	m := openDir(t)
	type S struct {
		ID   int
		Name string
	}
	err := store(m, "s", "", []S{{1, "ok"}, {2, "bad\xff"}})
	assert.ErrorContains(t, err, `row 1, column "name" (Go field Name): string is not valid UTF-8 (Parquet strings are UTF-8)`)
	type N struct{ Tags []string }
	err = store(m, "n", "", []N{{}, {[]string{"x", "\xfe"}}})
	assert.ErrorContains(t, err, `row 1, column "tags" (Go field Tags): [1]: string is not valid UTF-8`)
	type T struct{ At time.Time }
	err = store(m, "t", "", []T{{time.Date(300000, 1, 1, 0, 0, 0, 0, time.UTC)}})
	assert.ErrorContains(t, err, `row 0, column "at" (Go field At): time 300000-01-01 00:00:00 +0000 UTC is outside the range of a TIMESTAMP in microseconds`)
	assert.Empty(t, files(t, strings.TrimPrefix(m.url, "file://")))
}

func TestCheckType(t *testing.T) {
	m := New(nil, "")
	type Rec struct{ R *Rec }
	type Deep struct {
		Inner struct{ C chan int }
	}
	type PP struct{ P **int }
	type PS struct{ P *[]int }
	type NoCols struct{ x int }
	type Any struct{ V any }
	type Cx struct{ C complex64 }
	type Keys struct{ M map[[2]byte]int }
	type Zero struct{ Z [0]int }
	for typ, msg := range map[reflect.Type]string{
		reflect.TypeFor[[]Rec]():    "[]blob.Rec: field R: recursive type blob.Rec has no Parquet schema",
		reflect.TypeFor[[]Deep]():   "[]blob.Deep: field Inner: field C: chan int (kind chan) has no Parquet type",
		reflect.TypeFor[[]PP]():     "[]blob.PP: field P: **int: a pointer to a NULL-able *int has no Parquet schema (a nil *int is already NULL)",
		reflect.TypeFor[[]PS]():     "[]blob.PS: field P: *[]int: a pointer to a NULL-able []int has no Parquet schema (a nil []int is already NULL)",
		reflect.TypeFor[[]NoCols](): `[]blob.NoCols: struct blob.NoCols has no columns (every field is unexported or skipped with db:"-")`,
		reflect.TypeFor[[]Any]():    "[]blob.Any: field V: interface type interface {} has no Parquet type: a column needs a concrete type",
		reflect.TypeFor[[]Cx]():     "[]blob.Cx: field C: complex64 (kind complex64) has no Parquet type",
		reflect.TypeFor[[]Keys]():   "[]blob.Keys: field M: map[[2]uint8]int: map keys must be booleans, numbers, strings or times, not [2]uint8",
		reflect.TypeFor[[]Zero]():   "[]blob.Zero: field Z: [0]int: a zero-length array has no Parquet type",
		reflect.TypeFor[chan int](): "chan int values cannot be encoded",
		reflect.TypeFor[[]func()](): "func() values cannot be encoded (at [])",
		reflect.TypeFor[[]*Rec]():   "[]*blob.Rec: field R: recursive type blob.Rec has no Parquet schema",
	} {
		assert.EqualError(t, m.CheckType(typ), msg, "%v", typ)
	}
	for _, typ := range []reflect.Type{reflect.TypeFor[[]Everything](), reflect.TypeFor[[]*Sale](), reflect.TypeFor[map[string][]int](), reflect.TypeFor[string]()} {
		assert.NoError(t, m.CheckType(typ), "%v", typ)
	}
	// Validate refuses an asset of such a type before anything runs.
	defs := &runtime.Definitions{
		Assets: []*runtime.AssetDef{{Key: "bad", OutputType: reflect.TypeFor[[]Any](),
			Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return nil, nil }}},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m},
	}
	assert.ErrorContains(t, defs.Validate(), "field V: interface type interface {} has no Parquet type")
}

// An output of an interface type is stored as JSON whatever it holds, so
// that Load, which knows only the static type, finds it.
func TestInterfaceOutput(t *testing.T) {
	m := openDir(t)
	anyT := reflect.TypeFor[any]()
	v := []Sale{{"a", 1}}
	require.NoError(t, m.Store(&runtime.OutputContext{Context: context.Background(), Key: "x", Type: anyT}, v))
	got, err := load(m, "x", anyT, anyT)
	require.NoError(t, err)
	assert.Equal(t, []any{map[string]any{"Day": "a", "Amount": 1.0}}, got)
	got, err = load(m, "x", anyT, reflect.TypeFor[[]Sale]())
	require.NoError(t, err)
	assert.Equal(t, v, got)
}

// TestPayloadPath checks that filling only the payloads of the values of
// scalar columns writes the same bytes as building every value whole.
func TestPayloadPath(t *testing.T) {
	require.True(t, payloadOK, "parquet.Value's payload was not found")
	dir := t.TempDir()
	m, err := Open(context.Background(), "file://"+dir)
	require.NoError(t, err)
	defer m.Close()
	rows := everything()
	require.NoError(t, store(m, "fast", "", rows))
	payloadOK = false
	defer func() { payloadOK = true }()
	require.NoError(t, store(m, "whole", "", rows))
	fast, err := os.ReadFile(filepath.Join(dir, "fast.parquet"))
	require.NoError(t, err)
	whole, err := os.ReadFile(filepath.Join(dir, "whole.parquet"))
	require.NoError(t, err)
	assert.Equal(t, whole, fast)
}

func TestCorruptObject(t *testing.T) {
	dir := t.TempDir()
	m, err := Open(context.Background(), "file://"+dir)
	require.NoError(t, err)
	defer m.Close()
	st := reflect.TypeFor[[]Sale]()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "junk.parquet"), []byte("not parquet at all"), 0o644))
	_, err = load(m, "junk", st, st)
	assert.ErrorContains(t, err, "asset junk: object junk.parquet in file://"+dir+": not a Parquet file: ")

	rows := make([]Sale, 10_000)
	require.NoError(t, store(m, "cut", "", rows))
	path := filepath.Join(dir, "cut.parquet")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	for _, n := range []int{len(data) / 2, len(data) - 9, 100} {
		require.NoError(t, os.WriteFile(path, data[:n], 0o644))
		_, err = load(m, "cut", st, st)
		assert.Error(t, err, "cut at %d of %d bytes", n, len(data))
	}
}

type fuzzRow struct {
	ID  int64
	S   string
	P   *int32
	L   []int16
	LL  [][]string
	M   map[string][]int8
	PS  []*Inner
	Arr [2]*int64
	N   sql.NullString
	B   []byte
}

// fuzzRows builds rows from data: each byte read decides a length, a nil
// or a value, so that the fuzzer explores every shape of nested lists,
// maps and NULLs.
func fuzzRows(data []byte) []fuzzRow {
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := int(data[0])
		data = data[1:]
		return b
	}
	str := func() string {
		return strings.ToValidUTF8(string(rune('a'+next()%26))+strings.Repeat("é", next()%3), "?")
	}
	var rows []fuzzRow
	for n := next() % 8; len(data) > 0 && len(rows) < 64; n = next() % 8 {
		r := fuzzRow{ID: int64(next()) - 128, S: str()}
		if n&1 != 0 {
			v := int32(next())
			r.P = &v
		}
		if k := next() % 5; k > 0 {
			r.L = make([]int16, k-1)
			for i := range r.L {
				r.L[i] = int16(next())
			}
		}
		for range next() % 4 {
			var inner []string
			if k := next() % 4; k > 0 {
				inner = make([]string, k-1)
				for i := range inner {
					inner[i] = str()
				}
			}
			r.LL = append(r.LL, inner)
		}
		if k := next() % 4; k > 0 {
			r.M = map[string][]int8{}
			for range k - 1 {
				var v []int8
				for range next() % 3 {
					v = append(v, int8(next()))
				}
				r.M[str()] = v
			}
		}
		for range next() % 3 {
			if next()%2 == 0 {
				r.PS = append(r.PS, nil)
			} else {
				r.PS = append(r.PS, &Inner{int32(next()), str()})
			}
		}
		if n&2 != 0 {
			v := int64(next())
			r.Arr[next()%2] = &v
		}
		if n&4 != 0 {
			r.N = sql.NullString{String: str(), Valid: true}
		}
		if k := next() % 3; k > 0 {
			r.B = make([]byte, k-1)
		}
		rows = append(rows, r)
	}
	return rows
}

// FuzzRoundTrip stores rows of every nested shape and loads them back
// equal: Dremel shredding and assembly agree on any input. (DuckDB reading
// the same shapes is TestDuckDBReadsParquet's job.)
func FuzzRoundTrip(f *testing.F) {
	m := New(memblob.OpenBucket(nil), "") // no fsync per store: more inputs per second
	f.Add([]byte{7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Add(bytes.Repeat([]byte{255, 3, 2, 1}, 40))
	rt := reflect.TypeFor[[]fuzzRow]()
	f.Fuzz(func(t *testing.T, data []byte) {
		rows := fuzzRows(data)
		require.NoError(t, store(m, "f", "", rows))
		got, err := load(m, "f", rt, rt)
		require.NoError(t, err)
		if len(rows) == 0 {
			require.Nil(t, got)
			return
		}
		require.Equal(t, rows, got)
	})
}

func TestOpenErrors(t *testing.T) {
	_, err := Open(context.Background(), "gs://bucket/x?token=abcdefgh")
	assert.EqualError(t, err, `blob I/O manager: no driver for gs URLs (gs://bucket/x?token=REDACTED): add import _ "gocloud.dev/blob/gcsblob" to the main package`)
	_, err = Open(context.Background(), "file:///nonexistent/dir")
	assert.EqualError(t, err, "blob I/O manager: open file:///nonexistent/dir: the directory does not exist (create it, or add create_dir=true to the URL)")
	dir := filepath.Join(t.TempDir(), "new")
	m, err := Open(context.Background(), "file://"+dir+"?create_dir=true")
	require.NoError(t, err)
	require.NoError(t, store(m, "a", "", 1))
	require.NoError(t, m.Close())
	assert.Equal(t, []string{".stamps/a.json", "a.json"}, files(t, dir))
	_, err = Open(context.Background(), "s3://b/%zz")
	assert.ErrorContains(t, err, "blob I/O manager: invalid URL s3://b/%zz: ")
}

// TestParallelStores stores many assets at once, rows and JSON, and a
// fan-in loads them all, under the race detector.
func TestParallelStores(t *testing.T) {
	m := openDir(t)
	var assets []*runtime.AssetDef
	var inputs []runtime.Input
	for i := range 16 {
		key := runtime.Key(fmt.Sprintf("part/p%d", i))
		assets = append(assets, &runtime.AssetDef{
			Key: key, OutputType: reflect.TypeFor[[]Sale](),
			Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
				return []Sale{{fmt.Sprint(i), float64(i * i)}}, nil
			},
		})
		inputs = append(inputs, runtime.Input{Name: key.Name(), Key: key, Type: reflect.TypeFor[[]Sale]()})
	}
	assets = append(assets, &runtime.AssetDef{
		Key: "total", OutputType: reflect.TypeFor[float64](), Inputs: inputs,
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			total := 0.0
			for i := range inputs {
				v, err := runtime.Load[[]Sale](ctx, in, i)
				if err != nil {
					return nil, err
				}
				total += v[0].Amount
			}
			return total, nil
		},
	})
	defs := &runtime.Definitions{Assets: assets, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m}}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Concurrency: 8})
	require.NoError(t, err)
	require.True(t, res.OK(), "%+v", res.Steps)
	got, err := load(m, "total", reflect.TypeFor[float64](), reflect.TypeFor[float64]())
	require.NoError(t, err)
	assert.Equal(t, 1240.0, got) // sum of i*i for i < 16
}
