package duckdb

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/internal/streamtest"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// open opens a Manager on a new database file in a temporary directory.
func open(t testing.TB, schema string) (*Manager, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.duckdb")
	m, err := New(path, schema)
	require.NoError(t, err)
	t.Cleanup(func() { m.Close() })
	return m, path
}

// store stores v as key with a zero step, returning the metadata.
func store(t testing.TB, m *Manager, key runtime.Key, v any) error {
	t.Helper()
	return m.Store(&runtime.OutputContext{Context: context.Background(), Key: key, Type: reflect.TypeOf(v)}, v)
}

// load loads key into a value of type T.
func load[T any](t testing.TB, m *Manager, key runtime.Key) (T, error) {
	t.Helper()
	var zero T
	v, err := m.Load(&runtime.InputContext{Context: context.Background(), Key: "downstream", Upstream: key, Name: "in", Type: reflect.TypeFor[T]()})
	if err != nil {
		return zero, err
	}
	return v.(T), nil
}

type Address struct {
	Street string
	Zip    *int32
}

type Embedded struct {
	Note string `db:"note"`
}

type Everything struct {
	Embedded
	Bool     bool
	I8       int8
	I16      int16
	I32      int32
	I64      int64
	I        int
	U8       uint8
	U16      uint16
	U32      uint32
	U64      uint64
	U        uint
	F32      float32
	F64      float64
	Str      string
	Bytes    []byte
	When     time.Time
	Took     time.Duration
	PtrInt   *int64
	PtrStr   *string
	PtrTime  *time.Time
	NStr     sql.NullString
	NInt     sql.NullInt64
	NTime    sql.NullTime
	NGen     sql.Null[float64]
	Addr     Address
	PAddr    *Address
	Tags     []string
	Matrix   [][]int16
	Pair     [2]bool
	UUID     [16]byte
	Scores   map[string]float64
	ByID     map[int64]Address
	Renamed  string `db:"other_name"`
	Skipped  string `db:"-"`
	private  int
	HTTPLogs int `db:"http_logs"`
}

func everything() []Everything {
	berlin := time.FixedZone("CET", 3600)
	ts := time.Date(2024, 3, 1, 12, 30, 45, 123456000, berlin)
	zip := int32(10115)
	i := int64(-7)
	s := "pointer"
	return []Everything{
		{
			Embedded: Embedded{Note: "first"},
			Bool:     true, I8: math.MinInt8, I16: math.MaxInt16, I32: math.MinInt32, I64: math.MaxInt64, I: -1,
			U8: math.MaxUint8, U16: math.MaxUint16, U32: math.MaxUint32, U64: math.MaxUint64, U: 42,
			F32: 1.5, F64: math.Pi, Str: "héllo, \"world\"; DROP TABLE x; --", Bytes: []byte{0, 1, 2, 255},
			When: ts, Took: 90*time.Minute + 1, PtrInt: &i, PtrStr: &s, PtrTime: &ts,
			NStr: sql.NullString{String: "ns", Valid: true}, NInt: sql.NullInt64{Int64: 5, Valid: true},
			NTime: sql.NullTime{Time: ts.UTC(), Valid: true}, NGen: sql.Null[float64]{V: 2.5, Valid: true},
			Addr: Address{Street: "Main St", Zip: &zip}, PAddr: &Address{Street: "Side St"},
			Tags: []string{"a", "", "a very long string that is not inlined"}, Matrix: [][]int16{{1, 2}, {}, nil},
			Pair: [2]bool{true, false}, UUID: [16]byte{1, 2, 3, 15: 0xff}, Scores: map[string]float64{"x": 1, "y": -2},
			ByID:    map[int64]Address{7: {Street: "Seven"}},
			Renamed: "renamed", HTTPLogs: 3,
		},
		{}, // zero values: NULL wherever Go has one
	}
}

func TestRoundTripEverything(t *testing.T) {
	m, _ := open(t, "my_schema")
	in := everything()
	require.NoError(t, store(t, m, "everything", in))
	out, err := load[[]Everything](t, m, "everything")
	require.NoError(t, err)
	require.Len(t, out, len(in))

	// time.Time comes back in UTC, at microsecond precision: compare instants.
	want := everything()
	for i := range want {
		w, g := &want[i], &out[i]
		assert.True(t, w.When.Truncate(time.Microsecond).Equal(g.When), "row %d When: %v != %v", i, w.When, g.When)
		assert.Equal(t, time.UTC, g.When.Location())
		if w.PtrTime != nil {
			require.NotNil(t, g.PtrTime)
			assert.True(t, w.PtrTime.Truncate(time.Microsecond).Equal(*g.PtrTime))
		} else {
			assert.Nil(t, g.PtrTime)
		}
		assert.True(t, w.NTime.Time.Truncate(time.Microsecond).Equal(g.NTime.Time))
		w.When, g.When, w.PtrTime, g.PtrTime, w.NTime.Time, g.NTime.Time = time.Time{}, time.Time{}, nil, nil, time.Time{}, time.Time{}
		w.Skipped, w.private = "", 0
	}
	assert.Equal(t, want, out)

	// The columns are what the package documents.
	var typ string
	require.NoError(t, sqlDB(t, m).QueryRow(`SELECT data_type FROM duckdb_columns() WHERE schema_name='my_schema' AND table_name='everything' AND column_name='when'`).Scan(&typ))
	assert.Equal(t, "TIMESTAMP WITH TIME ZONE", typ)
	var cols []string
	rows, err := sqlDB(t, m).Query(`SELECT column_name FROM duckdb_columns() WHERE schema_name='my_schema' AND table_name='everything' ORDER BY column_index`)
	require.NoError(t, err)
	for rows.Next() {
		var c string
		require.NoError(t, rows.Scan(&c))
		cols = append(cols, c)
	}
	require.NoError(t, rows.Err())
	assert.Equal(t, []string{"note", "bool", "i8", "i16", "i32", "i64", "i", "u8", "u16", "u32", "u64", "u", "f32", "f64", "str", "bytes",
		"when", "took", "ptr_int", "ptr_str", "ptr_time", "n_str", "n_int", "n_time", "n_gen", "addr", "p_addr", "tags", "matrix", "pair", "uuid",
		"scores", "by_id", "other_name", "http_logs"}, cols)

	// NULLs are NULLs in SQL.
	var nulls int
	require.NoError(t, sqlDB(t, m).QueryRow(`SELECT count(*) FROM my_schema.everything WHERE ptr_int IS NULL AND n_str IS NULL AND p_addr IS NULL AND tags IS NULL AND bytes IS NULL AND scores IS NULL`).Scan(&nulls))
	assert.Equal(t, 1, nulls)
	var street string
	require.NoError(t, sqlDB(t, m).QueryRow(`SELECT addr.street FROM my_schema.everything WHERE i = -1`).Scan(&street))
	assert.Equal(t, "Main St", street)
}

func TestTimeZones(t *testing.T) {
	type Event struct{ At time.Time }
	m, _ := open(t, "")
	var in []Event
	for _, zone := range []string{"UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			loc = time.FixedZone(zone, 5*3600+45*60)
		}
		in = append(in, Event{time.Date(2023, 10, 29, 2, 30, 0, 999, loc)})
	}
	in = append(in, Event{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)}, Event{time.Date(9999, 12, 31, 23, 59, 59, 999999000, time.UTC)})
	require.NoError(t, store(t, m, "events", in))
	out, err := load[[]Event](t, m, "events")
	require.NoError(t, err)
	require.Len(t, out, len(in))
	for i := range in {
		assert.True(t, in[i].At.Truncate(time.Microsecond).Equal(out[i].At), "%v != %v", in[i].At, out[i].At)
	}
}

func TestPointerElements(t *testing.T) {
	type Row struct {
		ID   int64
		Name string
	}
	m, _ := open(t, "s")
	in := []*Row{{1, "a"}, {2, "b"}}
	require.NoError(t, store(t, m, "rows", in))
	out, err := load[[]*Row](t, m, "rows")
	require.NoError(t, err)
	assert.Equal(t, in, out)
	vals, err := load[[]Row](t, m, "rows")
	require.NoError(t, err)
	assert.Equal(t, []Row{{1, "a"}, {2, "b"}}, vals)

	err = store(t, m, "rows", []*Row{{1, "a"}, nil})
	require.ErrorContains(t, err, "row 1: nil *duckdb.Row")

	// An empty slice is an empty table.
	require.NoError(t, store(t, m, "rows", []Row(nil)))
	vals, err = load[[]Row](t, m, "rows")
	require.NoError(t, err)
	assert.Empty(t, vals)
}

func TestColumnSubset(t *testing.T) {
	type Wide struct {
		ID    int64
		Name  string
		Email string
		Age   int32
	}
	type Narrow struct {
		Age  int16 // narrower type, values fit
		Name string
	}
	m, _ := open(t, "s")
	require.NoError(t, store(t, m, "people", []Wide{{1, "Ann", "a@x", 30}, {2, "Bob", "b@x", 40}}))
	out, err := load[[]Narrow](t, m, "people")
	require.NoError(t, err)
	assert.Equal(t, []Narrow{{30, "Ann"}, {40, "Bob"}}, out)

	type Missing struct {
		Name  string
		Phone string `db:"phone"`
	}
	_, err = load[[]Missing](t, m, "people")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "s.people")
	assert.Contains(t, err.Error(), `"phone"`)
	assert.Contains(t, err.Error(), "Phone")
}

func TestLoadErrors(t *testing.T) {
	type Src struct {
		Big  int64
		Name *string
		F    float64
	}
	m, _ := open(t, "s")
	name := "x"
	require.NoError(t, store(t, m, "src", []Src{{1, &name, 1}, {300, nil, 1e300}}))

	type Small struct{ Big int8 }
	_, err := load[[]Small](t, m, "src")
	require.ErrorContains(t, err, "row 1")
	require.ErrorContains(t, err, "value 300 overflows int8")

	type Unsigned struct{ Big uint8 }
	require.NoError(t, store(t, m, "neg", []Src{{-1, nil, 0}}))
	_, err = load[[]Unsigned](t, m, "neg")
	require.ErrorContains(t, err, "value -1 overflows uint8")

	type NotNull struct{ Name string }
	_, err = load[[]NotNull](t, m, "src")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `row 1, column "name": NULL into non-nullable Go field Name (string)`)

	type F32 struct{ F float32 }
	_, err = load[[]F32](t, m, "src")
	require.ErrorContains(t, err, "row 1")
	require.ErrorContains(t, err, "overflows float32")

	// NULL inside nested values.
	type WithPtrs struct {
		Tags  []*string
		Addr  *Address
		Attrs map[string]*int64
	}
	require.NoError(t, store(t, m, "nested", []WithPtrs{{Tags: []*string{&name, nil}, Addr: &Address{Street: "s"}, Attrs: map[string]*int64{"a": nil}}}))
	type TagsNotNull struct{ Tags []string }
	_, err = load[[]TagsNotNull](t, m, "nested")
	require.ErrorContains(t, err, `row 0, column "tags" (Go field Tags): [1]: NULL into non-nullable string`)
	type AttrsNotNull struct{ Attrs map[string]int64 }
	_, err = load[[]AttrsNotNull](t, m, "nested")
	require.ErrorContains(t, err, `row 0, column "attrs" (Go field Attrs): [a]: NULL into non-nullable int64`)
	type ZipNotNull struct {
		Addr struct {
			Zip int32
		}
	}
	_, err = load[[]ZipNotNull](t, m, "nested")
	require.ErrorContains(t, err, `row 0, column "addr" (Go field Addr): Zip: NULL into non-nullable int32`)

	type WrongType struct{ Name int64 }
	_, err = load[[]WrongType](t, m, "src")
	require.ErrorContains(t, err, `cannot load a column of type VARCHAR into int64`)

	_, err = load[[]Src](t, m, "never_stored")
	require.ErrorContains(t, err, "s.never_stored does not exist in ")
	require.ErrorContains(t, err, ": the asset has not been materialized there")
	require.NotContains(t, err.Error(), "Did you mean", "DuckDB's catalog suggestion is noise here")

	_, err = load[string](t, m, "src")
	require.ErrorContains(t, err, "string: duckdb stores slices of structs")
}

func TestSchemaChangeRecreates(t *testing.T) {
	type V1 struct {
		ID   int64
		Name string
	}
	type V2 struct { // Name removed, ID retyped, Score added
		ID    string
		Score float64
	}
	m, _ := open(t, "s")
	var logs bytes.Buffer
	logged := func(v any) string {
		logs.Reset()
		out := &runtime.OutputContext{Context: context.Background(), Key: "t", Log: slog.New(slog.NewTextHandler(&logs, nil))}
		require.NoError(t, m.Store(out, v))
		return logs.String()
	}
	assert.Empty(t, logged([]V1{{1, "a"}}))
	assert.Empty(t, logged([]V1{{2, "b"}}), "same schema")
	assert.Contains(t, logged([]V2{{"x", 1.5}, {"y", 2}}), `table recreated with a new schema" table=s.t old="id BIGINT, name VARCHAR" new="id VARCHAR, score DOUBLE"`)
	out, err := load[[]V2](t, m, "t")
	require.NoError(t, err)
	assert.Equal(t, []V2{{"x", 1.5}, {"y", 2}}, out)
	_, err = load[[]V1](t, m, "t")
	require.ErrorContains(t, err, `column "id", Go field ID: cannot load a column of type VARCHAR into int64`)
	var typ string
	require.NoError(t, sqlDB(t, m).QueryRow(`SELECT data_type FROM duckdb_columns() WHERE table_name='t' AND column_name='id'`).Scan(&typ))
	assert.Equal(t, "VARCHAR", typ)
}

func TestFailedStoreKeepsOldTable(t *testing.T) {
	type Row struct {
		ID   int64
		Name string
	}
	m, _ := open(t, "s")
	old := []Row{{1, "old"}, {2, "old"}}
	require.NoError(t, store(t, m, "t", old))

	// A cancelled context, with enough rows that the append loop sees it.
	many := make([]Row, 100_000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := m.Store(&runtime.OutputContext{Context: ctx, Key: "t"}, many)
	require.ErrorIs(t, err, context.Canceled)

	// A value DuckDB refuses halfway: invalid UTF-8 in a VARCHAR.
	bad := make([]Row, 5000)
	bad[4000].Name = "\xff\xfe"
	err = store(t, m, "t", bad)
	require.Error(t, err)

	// A time DuckDB cannot represent, in the third chunk.
	type Timed struct {
		ID   int64
		Name string
		At   time.Time
	}
	timed := make([]Timed, 5000)
	timed[4500].At = time.Date(300_000, 1, 1, 0, 0, 0, 0, time.UTC)
	err = store(t, m, "t", timed)
	require.ErrorContains(t, err, "row 4500")
	require.ErrorContains(t, err, "outside the range of a TIMESTAMPTZ")

	out, err := load[[]Row](t, m, "t")
	require.NoError(t, err)
	assert.Equal(t, old, out)
	assert.Equal(t, []string{"t"}, tables(t, m), "failed stores leave nothing behind")
}

func TestInjection(t *testing.T) {
	for _, schema := range []string{`x"; DROP TABLE y; --`, "a.b", "1abc", "sp ace", strings.Repeat("a", 64), "ü"} {
		_, err := New(":memory:", schema)
		require.Error(t, err, schema)
		assert.Contains(t, err.Error(), "invalid schema name")
	}
	type Row struct{ ID int64 }
	m, _ := open(t, "s")
	require.NoError(t, store(t, m, "victim", []Row{{1}}))
	for _, key := range []runtime.Key{`x"; DROP TABLE s.victim; --`, `victim" --`, "../victim", "Victim", ""} {
		err := store(t, m, key, []Row{{1}})
		require.Error(t, err, key)
		assert.Contains(t, err.Error(), "asset key")
		_, err = load[[]Row](t, m, key)
		require.Error(t, err, key)
	}
	// Quotes in column names are quoted, not interpreted.
	type Evil struct {
		A int64 `db:"a\"); DROP TABLE s.victim; --"`
	}
	require.NoError(t, store(t, m, "evil", []Evil{{7}}))
	out, err := load[[]Evil](t, m, "evil")
	require.NoError(t, err)
	assert.Equal(t, []Evil{{7}}, out)
	v, err := load[[]Row](t, m, "victim")
	require.NoError(t, err)
	assert.Equal(t, []Row{{1}}, v)
}

func TestPrefixedKeys(t *testing.T) {
	type Row struct{ ID int64 }
	m, _ := open(t, "s")
	require.NoError(t, store(t, m, "sales/eu/orders", []Row{{1}}))
	require.NoError(t, store(t, m, "sales__eu__orders", []Row{{2}}))
	a, err := load[[]Row](t, m, "sales/eu/orders")
	require.NoError(t, err)
	b, err := load[[]Row](t, m, "sales__eu__orders")
	require.NoError(t, err)
	assert.Equal(t, []Row{{1}}, a)
	assert.Equal(t, []Row{{2}}, b)
	var n int
	require.NoError(t, sqlDB(t, m).QueryRow(`SELECT id FROM s."sales/eu/orders"`).Scan(&n))
	assert.Equal(t, 1, n)
}

func TestCheckType(t *testing.T) {
	m, _ := open(t, "")
	type OK struct {
		A int
		B []map[string]*time.Time
	}
	type WithAny struct{ X any }
	type WithChan struct{ C chan int }
	type WithComplex struct{ C complex128 }
	type Recursive struct{ Next *Recursive }
	type NoFields struct{ x int }
	type StructKey struct{ M map[Address]int }
	type Dup struct {
		A int `db:"x"`
		B int `db:"X"`
	}
	for _, ok := range []any{[]OK{}, []*OK{}, []Everything{}, map[string][]OK{}} {
		assert.NoError(t, m.CheckType(reflect.TypeOf(ok)), "%T", ok)
	}
	// Definitions.Validate names the type; CheckType gives only the reason.
	assert.EqualError(t, m.CheckType(reflect.TypeFor[string]()), "duckdb stores slices of structs ([]T), one row per element")
	for _, c := range []struct {
		v    any
		want string
	}{
		{"", "duckdb stores slices of structs ([]T), one row per element"},
		{OK{}, "duckdb stores slices of structs"},
		{[]int{}, "duckdb stores slices of structs ([]T or []*T)"},
		{[]time.Time{}, "duckdb stores slices of structs"},
		{map[string]OK{}, "duckdb stores slices of structs"},
		{[]WithAny{}, "field X: interface {} (kind interface) has no DuckDB column type"},
		{[]WithChan{}, "field C: chan int"},
		{[]WithComplex{}, "field C: complex128"},
		{[]Recursive{}, "recursive type"},
		{[]NoFields{}, "struct duckdb.NoFields has no columns"},
		{[]StructKey{}, "map keys must be of a scalar type"},
		{[]Dup{}, `fields A (column "x") and B (column "X") map to one column: column names match case-insensitively`},
	} {
		err := m.CheckType(reflect.TypeOf(c.v))
		if assert.Error(t, err, "%T", c.v) {
			assert.Contains(t, err.Error(), c.want)
		}
		// Store refuses the same types with the same reason.
		err = store(t, m, "x", c.v)
		if assert.Error(t, err, "%T", c.v) {
			assert.Contains(t, err.Error(), c.want)
		}
	}
}

func TestMetadata(t *testing.T) {
	type Row struct {
		ID   int64
		Name string
	}
	m, _ := open(t, "my_schema")
	var events []runtime.Event
	var mu sync.Mutex
	defs := runtime.Definitions{
		Assets: []*runtime.AssetDef{{
			Key: "people", OutputType: reflect.TypeFor[[]Row](),
			Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return []Row{{1, "a"}, {2, "b"}}, nil },
		}},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m},
	}
	res, err := runtime.Materialize(context.Background(), &defs, runtime.Options{OnEvent: func(e runtime.Event) {
		mu.Lock()
		events = append(events, e)
		mu.Unlock()
	}})
	require.NoError(t, err)
	step := res.Step("people")
	require.NotNil(t, step)
	require.Equal(t, runtime.StatusSuccess, step.Status, "%v", step.Err)
	assert.Equal(t, 2, step.Metadata["rows"])
	assert.Equal(t, "my_schema.people", step.Metadata["table"])
	assert.Equal(t, []string{"id BIGINT", "name VARCHAR"}, step.Metadata["columns"])
}

func TestParallel(t *testing.T) {
	type Row struct {
		ID   int64
		Name string
		At   time.Time
	}
	m, _ := open(t, "s")
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			key := runtime.Key(fmt.Sprintf("t%d", i))
			for round := range 4 {
				rows := make([]Row, 3000+i)
				for j := range rows {
					rows[j] = Row{int64(j * round), fmt.Sprint(i, j), time.Unix(int64(j), 0).UTC()}
				}
				if err := store(t, m, key, rows); err != nil {
					errs <- err
					return
				}
				got, err := load[[]Row](t, m, key)
				if err != nil {
					errs <- err
					return
				}
				if !reflect.DeepEqual(got, rows) {
					errs <- fmt.Errorf("%s round %d: loaded rows differ", key, round)
					return
				}
				// Another goroutine's table, read while it is being replaced.
				if _, err := load[[]Row](t, m, runtime.Key(fmt.Sprintf("t%d", (i+1)%8))); err != nil && !strings.Contains(err.Error(), "does not exist") {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestMemory(t *testing.T) {
	type Row struct{ ID int64 }
	m, err := New(":memory:", "mem")
	require.NoError(t, err)
	defer m.Close()
	require.NoError(t, store(t, m, "a", []Row{{1}, {2}}))
	out, err := load[[]Row](t, m, "a")
	require.NoError(t, err)
	assert.Equal(t, []Row{{1}, {2}}, out)
}

func TestReopen(t *testing.T) {
	type Row struct{ ID int64 }
	m, path := open(t, "s")
	require.NoError(t, store(t, m, "a", []Row{{1}, {2}}))
	require.NoError(t, m.Close())
	m2, err := New(path, "s")
	require.NoError(t, err)
	defer m2.Close()
	out, err := load[[]Row](t, m2, "a")
	require.NoError(t, err)
	assert.Equal(t, []Row{{1}, {2}}, out)
}

// TestClosedManager: every store, load and check that cannot take a
// connection says which, of which asset and partitions, and why.
func TestClosedManager(t *testing.T) {
	type Row struct{ ID int64 }
	m, path := open(t, "s")
	require.NoError(t, m.Close())
	closed := "duckdb: " + path + ": the manager is closed"
	daily := partition.Daily("2024-01-01")
	keys := resolve(t, daily)
	a := asset[[]sale]("sales", daily, "day")
	ctx := context.Background()

	assert.EqualError(t, store(t, m, "t", []Row{{1}}), "duckdb: store t: "+closed)
	err := m.StoreStream(&runtime.OutputContext{Context: ctx, Key: "t"}, runtime.RowsOf(streamtest.Seq([]Row{{1}}, -1, nil)))
	assert.EqualError(t, err, "duckdb: store t: "+closed)
	assert.EqualError(t, storeParts(t, m, a, "r1", keys.Span(0, 1), []sale{}), "duckdb: store sales partition 2024-01-01: "+closed)
	assert.EqualError(t, storeParts(t, m, a, "r1", keys.Span(0, 2), []sale{}), "duckdb: store sales partitions 2024-01-01, 2024-01-02: "+closed)
	_, err = load[[]Row](t, m, "t")
	assert.EqualError(t, err, "duckdb: load t: "+closed)
	_, err = loadParts[[]sale](t, m, a, keys.Span(0, 2))
	assert.EqualError(t, err, "duckdb: load sales partitions 2024-01-01, 2024-01-02: "+closed)
	_, err = loadStream[Row](t, m, &runtime.InputContext{Upstream: "t"})
	assert.EqualError(t, err, "duckdb: load t: "+closed)
	_, err = m.CheckColumns(&runtime.InputContext{Context: ctx, Upstream: "t"}, orderRules)
	assert.EqualError(t, err, "duckdb: check t: "+closed)
	s := keys.Span(0, 1)
	_, err = m.CheckColumns(&runtime.InputContext{Context: ctx, Upstream: "sales", UpstreamDef: a, UpstreamPartitions: s.Keys(), UpstreamSubset: s}, orderRules)
	assert.EqualError(t, err, "duckdb: check sales partition 2024-01-01: "+closed)
}

var _ = errors.New

// TestNestedLarge crosses data chunk boundaries with lists, maps and
// structs of long strings, so that list children are reserved and moved
// while a chunk is written.
func TestNestedLarge(t *testing.T) {
	type Item struct {
		Label string
		Qty   *int32
		At    time.Time
	}
	type Order struct {
		ID     int64
		Items  []Item
		Ptrs   []*Item
		Attrs  map[string][]string
		Nested [][]string
		Opt    *Item
	}
	const n = 5000
	in := make([]Order, n)
	t0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range in {
		o := Order{ID: int64(i)}
		for j := range i % 37 {
			q := int32(j)
			it := Item{Label: fmt.Sprintf("a label longer than twelve bytes %d/%d", i, j), At: t0.Add(time.Duration(i*j) * time.Second)}
			if j%3 == 0 {
				it.Qty = &q
			}
			o.Items = append(o.Items, it)
			if j%5 == 0 {
				o.Ptrs = append(o.Ptrs, nil)
			} else {
				o.Ptrs = append(o.Ptrs, &it)
			}
		}
		if i%4 != 0 {
			o.Attrs = map[string][]string{"k": {"v", fmt.Sprint(i)}, fmt.Sprint("key-", i): nil}
			o.Nested = [][]string{{"x"}, nil, {fmt.Sprint(i), "long enough to leave the inline storage"}}
			o.Opt = &Item{Label: "opt"}
		}
		in[i] = o
	}
	m, _ := open(t, "s")
	require.NoError(t, store(t, m, "orders", in))
	out, err := load[[]Order](t, m, "orders")
	require.NoError(t, err)
	require.Len(t, out, n)
	for i := range in {
		if !assert.Equal(t, in[i], out[i], "row %d", i) {
			break
		}
	}
	var items int
	require.NoError(t, sqlDB(t, m).QueryRow(`SELECT sum(len(items)) FROM s.orders`).Scan(&items))
	want := 0
	for _, o := range in {
		want += len(o.Items)
	}
	assert.Equal(t, want, items)
}

// TestScalars stores every scalar type, with NULLs, through many chunks.
func TestScalars(t *testing.T) {
	type Row struct {
		B   bool
		I8  *int8
		I16 sql.NullInt16
		I32 int32
		U16 *uint16
		U   uint
		F32 *float32
		S   *string
		Bs  []byte
		D   *time.Duration
		T   sql.NullTime
	}
	const n = 10_000
	in := make([]Row, n)
	for i := range in {
		r := Row{B: i%2 == 0, I32: int32(-i), U: uint(i) << 40}
		if i%3 == 0 {
			i8, u16, f, s, d := int8(i), uint16(i), float32(i)/3, strings.Repeat("s", i%40), time.Duration(i)*time.Millisecond
			r.I8, r.U16, r.F32, r.S, r.D = &i8, &u16, &f, &s, &d
			r.I16 = sql.NullInt16{Int16: int16(i), Valid: true}
			r.Bs = []byte(strings.Repeat("\x00\xff", i%20))
			r.T = sql.NullTime{Time: time.Unix(int64(i)*1000, int64(i)*1000).UTC(), Valid: true}
		}
		in[i] = r
	}
	m, _ := open(t, "s")
	require.NoError(t, store(t, m, "scalars", in))
	out, err := load[[]Row](t, m, "scalars")
	require.NoError(t, err)
	assert.Equal(t, in, out)
}

// TestCancel cancels loads and stores at various points; the connection they used
// must serve the next load.
func TestCancel(t *testing.T) {
	type Row struct {
		ID   int64
		Name string
	}
	m, _ := open(t, "s")
	sqlDB(t, m).SetMaxOpenConns(1) // every load reuses the cancelled one's connection
	rows := make([]Row, 300_000)
	for i := range rows {
		rows[i] = Row{int64(i), fmt.Sprint("row number ", i)}
	}
	require.NoError(t, store(t, m, "t", rows))
	for _, d := range []time.Duration{0, time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond} {
		ctx, cancel := context.WithTimeout(context.Background(), d)
		_, err := m.Load(&runtime.InputContext{Context: ctx, Upstream: "t", Type: reflect.TypeFor[[]Row]()})
		cancel()
		if err != nil {
			require.ErrorIs(t, err, context.DeadlineExceeded)
		}
		t.Logf("load with a %v timeout: %v", d, err)
		// A store cancelled the same way leaves the table as it was.
		ctx, cancel = context.WithTimeout(context.Background(), d)
		err = m.Store(&runtime.OutputContext{Context: ctx, Key: "t"}, rows[:len(rows)-1])
		cancel()
		t.Logf("store with a %v timeout: %v", d, err)
		if err != nil {
			require.ErrorIs(t, err, context.DeadlineExceeded)
			out, err := load[[]Row](t, m, "t")
			require.NoError(t, err)
			require.Len(t, out, len(rows))
		} else {
			require.NoError(t, store(t, m, "t", rows))
		}
		out, err := load[[]Row](t, m, "t")
		require.NoError(t, err, "after a load cancelled at %v", d)
		require.Equal(t, rows, out)
	}
}

// TestValidate: Definitions.Validate asks the manager about every asset it
// serves, so a run refuses to start when one cannot be stored.
func TestValidate(t *testing.T) {
	type Row struct{ ID int64 }
	m, _ := open(t, "s")
	compute := func(*runtime.Context, runtime.Inputs) (any, error) { return nil, nil }
	defs := runtime.Definitions{
		Assets: []*runtime.AssetDef{
			{Key: "rows", OutputType: reflect.TypeFor[[]Row](), Compute: compute},
			{Key: "greeting", OutputType: reflect.TypeFor[string](), Source: "assets.go:12", Compute: compute},
			{Key: "side_effect", Compute: compute},
		},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m},
	}
	err := defs.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "greeting")
	assert.Contains(t, err.Error(), "duckdb stores slices of structs ([]T), one row per element")
	assert.NotContains(t, err.Error(), "rows")
	assert.NotContains(t, err.Error(), "side_effect")
}

// TestForeignTables loads tables written by SQL rather than by Store: the
// conversions the package documents work, and every other type is a clear
// error, never a panic.
func TestForeignTables(t *testing.T) {
	m, _ := open(t, "s")
	_, err := sqlDB(t, m).Exec(`CREATE TYPE s.mood AS ENUM ('a'); CREATE TABLE s.foreign AS SELECT
		DATE '2024-02-29' AS day, INTERVAL 90 MINUTE AS took, INTERVAL 1 MONTH AS month,
		TIMESTAMP_NS '2024-01-01 00:00:00.000000001' AS ns, TIMESTAMP '2024-01-01 12:00:00' AS local,
		42::HUGEINT AS huge, 1.5::DECIMAL(4,2) AS dec, uuid() AS id, 'a'::s.mood AS e,
		[1, 2]::INTEGER[2] AS arr, {'x': 1} AS st, 300::SMALLINT AS small, 'text' AS txt`)
	require.NoError(t, err)

	type OK struct {
		Day   time.Time
		Took  time.Duration
		NS    time.Time `db:"ns"`
		Local time.Time
		Small int16
		Txt   []byte
	}
	out, err := load[[]OK](t, m, "foreign")
	require.NoError(t, err)
	require.Len(t, out, 1)
	assert.True(t, out[0].Day.Equal(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, 90*time.Minute, out[0].Took)
	assert.True(t, out[0].NS.Equal(time.Date(2024, 1, 1, 0, 0, 0, 1, time.UTC)))
	assert.True(t, out[0].Local.Equal(time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)))
	assert.Equal(t, []byte("text"), out[0].Txt)

	for _, c := range []struct {
		typ  reflect.Type
		want string
	}{
		{reflect.TypeFor[[]struct{ Month time.Duration }](), "row 0, column \"month\" (Go field Month): interval of 1 months has no fixed duration"},
		{reflect.TypeFor[[]struct{ Huge int64 }](), "cannot load a column of type HUGEINT into int64"},
		{reflect.TypeFor[[]struct{ Dec float64 }](), "cannot load a column of type DECIMAL into float64"},
		{reflect.TypeFor[[]struct{ ID string }](), "cannot load a column of type UUID into string"},
		{reflect.TypeFor[[]struct{ E string }](), "cannot load a column of type ENUM into string"},
		{reflect.TypeFor[[]struct{ Arr []int32 }](), "cannot load a column of type ARRAY into []int32"},
		{reflect.TypeFor[[]struct{ St []int64 }](), `cannot load a column of type STRUCT("x" INTEGER) into []int64`},
		{reflect.TypeFor[[]struct{ Small int8 }](), "value 300 overflows int8"},
		{reflect.TypeFor[[]struct{ St struct{ Y int } }](), `no STRUCT entry "y" for Go field Y`},
	} {
		_, err := m.Load(&runtime.InputContext{Context: context.Background(), Upstream: "foreign", Type: c.typ})
		if assert.Error(t, err, "%v", c.typ) {
			assert.Contains(t, err.Error(), c.want)
		}
	}
}

// version materializes value as asset key and returns its data version.
func version(t *testing.T, m *Manager, key runtime.Key, value any) string {
	t.Helper()
	defs := runtime.Definitions{
		Assets: []*runtime.AssetDef{{
			Key: key, OutputType: reflect.TypeOf(value),
			Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return value, nil },
		}},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m},
	}
	res, err := runtime.Materialize(context.Background(), &defs, runtime.Options{Logger: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	step := res.Step(key)
	require.Equal(t, runtime.StatusSuccess, step.Status, "%v", step.Err)
	require.Len(t, step.DataVersion, 16)
	return step.DataVersion
}

func TestDataVersion(t *testing.T) {
	type Row struct {
		ID    int64
		Name  *string
		Attrs map[string]int
		Tags  []string
	}
	type Row32 struct {
		ID    int32 `db:"id"`
		Name  *string
		Attrs map[string]int
		Tags  []string
	}
	rows := func() []Row {
		out := make([]Row, 3000)
		for i := range out {
			s := fmt.Sprint("a name long enough not to be inlined ", i)
			out[i] = Row{ID: int64(i), Name: &s, Attrs: map[string]int{}, Tags: []string{"x", s}}
			for j := range 20 {
				out[i].Attrs[fmt.Sprint("k", j)] = j
			}
		}
		return out
	}
	m, _ := open(t, "s")
	a := version(t, m, "t", rows())
	assert.Equal(t, a, version(t, m, "t", rows()), "equal contents, maps iterated in another order")

	// Another database, the same contents: the same version.
	other, _ := open(t, "s")
	assert.Equal(t, a, version(t, other, "t", rows()))

	changed := rows()
	changed[2999].Tags[1] = "changed"
	assert.NotEqual(t, a, version(t, m, "t", changed))

	null := rows()
	null[10].Name = nil
	assert.NotEqual(t, a, version(t, m, "t", null))

	empty := rows()
	empty[10].Tags = nil
	b := version(t, m, "t", empty)
	assert.NotEqual(t, a, b)
	empty[10].Tags = []string{}
	assert.NotEqual(t, b, version(t, m, "t", empty), "NULL and empty lists differ")

	retyped := make([]Row32, 3000)
	for i, r := range rows() {
		retyped[i] = Row32{int32(r.ID), r.Name, r.Attrs, r.Tags}
	}
	assert.NotEqual(t, a, version(t, m, "t", retyped), "same values, another column type")
}

// tables lists the tables of m's schema, but the Outputs table.
func tables(t testing.TB, m *Manager) []string {
	t.Helper()
	rows, err := sqlDB(t, m).Query(`SELECT table_name FROM duckdb_tables() WHERE schema_name = ? AND table_name <> ? ORDER BY table_name`, m.Schema(), Outputs)
	require.NoError(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		require.NoError(t, rows.Scan(&name))
		out = append(out, name)
	}
	require.NoError(t, rows.Err())
	return out
}

// A parameter of interface type (any) receives the upstream's own type, as
// with the fs I/O manager.
func TestLoadIntoInterface(t *testing.T) {
	m, _ := open(t, "")
	type Row struct {
		ID   int64
		Name string
	}
	rows := []Row{{1, "a"}, {2, "b"}}
	require.NoError(t, store(t, m, "rows", rows))
	up := &runtime.AssetDef{Key: "rows", OutputType: reflect.TypeFor[[]Row]()}
	v, err := m.Load(&runtime.InputContext{Context: context.Background(), Upstream: "rows", UpstreamDef: up, Name: "rows", Type: reflect.TypeFor[any]()})
	require.NoError(t, err)
	assert.Equal(t, rows, v)

	// An interface the upstream's type does not implement is still refused.
	_, err = m.Load(&runtime.InputContext{Context: context.Background(), Upstream: "rows", UpstreamDef: up, Name: "rows", Type: reflect.TypeFor[fmt.Stringer]()})
	assert.Error(t, err)
}

// sqlDB returns m's database handle, failing the test when it cannot open.
func sqlDB(t testing.TB, m *Manager) *sql.DB {
	t.Helper()
	db, err := m.DB()
	require.NoError(t, err)
	return db
}

// A schema named like the database file is refused by New: DuckDB names
// the catalog after the file, and t12.TABLE would be ambiguous at the
// first store ("Ambiguous reference to catalog or schema").
func TestNewSchemaNamedLikeFile(t *testing.T) {
	_, err := New(filepath.Join(t.TempDir(), "t12.duckdb"), "t12")
	if err == nil || !strings.Contains(err.Error(), `schema "t12" has the name DuckDB gives the database`) {
		t.Fatalf("New: %v", err)
	}
	m, err := New(filepath.Join(t.TempDir(), "t12.duckdb"), "other")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
}
