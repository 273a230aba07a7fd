package duckdb

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// now is the moment the tests resolve partitions at.
var now = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

// resolve returns the keys of def at now.
func resolve(t testing.TB, def partition.Definition) *partition.Keys {
	t.Helper()
	require.NoError(t, def.Err())
	keys, err := def.Resolve(partition.Env{Now: now})
	require.NoError(t, err)
	return keys
}

// sub returns the subset of keys named.
func sub(t testing.TB, keys *partition.Keys, names ...string) partition.Subset {
	t.Helper()
	s, err := keys.Select(names)
	require.NoError(t, err)
	return s
}

// asset returns the definition of a partitioned asset of rows of type T.
func asset[T any](key runtime.Key, def partition.Definition, column string) *runtime.AssetDef {
	return &runtime.AssetDef{Key: key, OutputType: reflect.TypeFor[T](), Partitions: def, PartitionColumn: column}
}

// storeParts stores v as the partitions s of a's table, in run runID:
// through Store for one partition, StoreRange for several.
func storeParts(t testing.TB, m *Manager, a *runtime.AssetDef, runID string, s partition.Subset, v any) error {
	t.Helper()
	return storeSubset(m, a, runID, s, v)
}

// storeSubset is storeParts, for a child process, which has no test.
func storeSubset(m *Manager, a *runtime.AssetDef, runID string, s partition.Subset, v any) error {
	out := &runtime.OutputContext{Context: context.Background(), RunID: runID, Key: a.Key, Def: a, Type: a.OutputType, Partitions: s}
	if s.Len() == 1 {
		out.Partition = s.Keys()[0]
		return m.Store(out, v)
	}
	return m.StoreRange(out, v)
}

// loadParts loads the partitions s of a's table into a T: through Load for
// one partition, LoadRange for several.
func loadParts[T any](t testing.TB, m *Manager, a *runtime.AssetDef, s partition.Subset) (T, error) {
	t.Helper()
	in := &runtime.InputContext{Context: context.Background(), Key: "down", Name: "in", Upstream: a.Key, UpstreamDef: a,
		Type: reflect.TypeFor[T](), UpstreamPartitions: s.Keys(), UpstreamSubset: s}
	var v any
	var err error
	if s.Len() == 1 {
		v, err = m.Load(in)
	} else {
		v, err = m.LoadRange(in)
	}
	if err != nil {
		var zero T
		return zero, err
	}
	return v.(T), nil
}

// sale is a row of a daily partitioned table whose partition column is
// Day.
type sale struct {
	Day    time.Time
	Region string
	Amount int64
}

func day(d, h int) time.Time { return time.Date(2024, 1, d, h, 0, 0, 0, time.UTC) }

// query runs q on m's database and returns its rows as strings.
func query(t testing.TB, m *Manager, q string, args ...any) []string {
	t.Helper()
	rows, err := sqlDB(t, m).Query(q, args...)
	require.NoError(t, err)
	defer rows.Close()
	cols, err := rows.Columns()
	require.NoError(t, err)
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		require.NoError(t, rows.Scan(ptrs...))
		parts := make([]string, len(vals))
		for i, v := range vals {
			if tm, ok := v.(time.Time); ok {
				v = tm.UTC().Format(time.DateTime)
			}
			parts[i] = fmt.Sprint(v)
		}
		out = append(out, strings.Join(parts, " "))
	}
	require.NoError(t, rows.Err())
	return out
}

func TestPartitionTimeColumn(t *testing.T) {
	m, _ := open(t, "s")
	daily := partition.Daily("2024-01-01")
	keys := resolve(t, daily)
	a := asset[[]sale]("sales", daily, "day")
	jan1, jan2, jan3 := sub(t, keys, "2024-01-01"), sub(t, keys, "2024-01-02"), sub(t, keys, "2024-01-03")

	require.NoError(t, storeParts(t, m, a, "r1", jan1, []sale{{day(1, 0), "eu", 10}, {day(1, 23), "us", 11}}))
	require.NoError(t, storeParts(t, m, a, "r1", jan2, []sale{{day(2, 5), "eu", 20}}))
	require.NoError(t, storeParts(t, m, a, "r1", jan3, []sale{{day(3, 1), "eu", 30}}))
	assert.Equal(t, []string{
		"2024-01-01 00:00:00 eu 10", "2024-01-01 23:00:00 us 11", "2024-01-02 05:00:00 eu 20", "2024-01-03 01:00:00 eu 30",
	}, query(t, m, `SELECT * FROM s.sales`))
	assert.Equal(t, []string{"day TIMESTAMP WITH TIME ZONE assetgen: partition column"},
		query(t, m, `SELECT column_name, data_type, comment FROM duckdb_columns() WHERE table_name = 'sales' AND comment <> ''`))

	// Replacing a partition touches its rows only.
	require.NoError(t, storeParts(t, m, a, "r2", jan1, []sale{{day(1, 12), "eu", 100}}))
	got, err := loadParts[[]sale](t, m, a, jan1)
	require.NoError(t, err)
	assert.Equal(t, []sale{{day(1, 12), "eu", 100}}, got)
	got, err = loadParts[[]sale](t, m, a, jan2)
	require.NoError(t, err)
	assert.Equal(t, []sale{{day(2, 5), "eu", 20}}, got)

	// A range load is in key order, although the table now holds January
	// 1st last.
	got, err = loadParts[[]sale](t, m, a, sub(t, keys, "2024-01-01", "2024-01-02", "2024-01-03"))
	require.NoError(t, err)
	assert.Equal(t, []sale{{day(1, 12), "eu", 100}, {day(2, 5), "eu", 20}, {day(3, 1), "eu", 30}}, got)
	ptrs, err := loadParts[[]*sale](t, m, a, sub(t, keys, "2024-01-01", "2024-01-02"))
	require.NoError(t, err)
	assert.Equal(t, []*sale{{day(1, 12), "eu", 100}, {day(2, 5), "eu", 20}}, ptrs)

	// By key, and into a narrower struct.
	type amount struct{ Amount int64 }
	byKey, err := loadParts[map[string][]amount](t, m, a, sub(t, keys, "2024-01-01", "2024-01-03"))
	require.NoError(t, err)
	assert.Equal(t, map[string][]amount{"2024-01-01": {{100}}, "2024-01-03": {{30}}}, byKey)

	// Each partition is stamped by the run that stored it.
	for k, run := range map[string]string{"2024-01-01": "r2", "2024-01-02": "r1"} {
		st, ok, err := m.Stamp(context.Background(), "sales", k)
		require.NoError(t, err)
		require.True(t, ok, k)
		assert.Equal(t, run, st.RunID, k)
	}
	_, ok, err := m.Stamp(context.Background(), "sales", "2024-01-04")
	require.NoError(t, err)
	assert.False(t, ok)
}

// regional is a row of a table partitioned by region, a static key.
type regional struct {
	Region string
	ID     int64
	Name   string
}

func TestPartitionKeyColumn(t *testing.T) {
	m, _ := open(t, "s")
	regions := partition.NewStatic("eu", "us", "apac")
	keys := resolve(t, regions)
	a := asset[[]regional]("people", regions, "region")

	require.NoError(t, storeParts(t, m, a, "r1", sub(t, keys, "eu"), []regional{{"eu", 1, "Ann"}, {"eu", 2, "Bo"}}))
	require.NoError(t, storeParts(t, m, a, "r1", sub(t, keys, "us"), []regional{{"us", 3, "Cy"}}))
	require.NoError(t, storeParts(t, m, a, "r1", sub(t, keys, "apac"), []regional{}))
	require.NoError(t, storeParts(t, m, a, "r2", sub(t, keys, "eu"), []regional{{"eu", 4, "Di"}}))
	assert.Equal(t, []string{"us 3 Cy", "eu 4 Di"}, query(t, m, `SELECT * FROM s.people`))

	got, err := loadParts[[]regional](t, m, a, sub(t, keys, "eu", "us", "apac"))
	require.NoError(t, err)
	assert.Equal(t, []regional{{"eu", 4, "Di"}, {"us", 3, "Cy"}}, got, "in the definition's order")
	empty, err := loadParts[[]regional](t, m, a, sub(t, keys, "apac"))
	require.NoError(t, err)
	assert.Empty(t, empty, "a partition stored empty")
	byKey, err := loadParts[map[string][]regional](t, m, a, keys.Full())
	require.NoError(t, err)
	assert.Equal(t, map[string][]regional{"eu": {{"eu", 4, "Di"}}, "us": {{"us", 3, "Cy"}}, "apac": {}}, byKey)
}

func TestPartitionImplicitColumn(t *testing.T) {
	m, _ := open(t, "s")
	regions := partition.NewStatic("eu", "us")
	keys := resolve(t, regions)
	a := asset[[]stampRow]("t", regions, "")

	require.NoError(t, storeParts(t, m, a, "r1", sub(t, keys, "eu"), []stampRow{{1, "a"}, {2, "b"}}))
	require.NoError(t, storeParts(t, m, a, "r1", sub(t, keys, "us"), []stampRow{{3, "c"}}))
	assert.Equal(t, []string{"1 a eu", "2 b eu", "3 c us"}, query(t, m, `SELECT * FROM s.t`))
	assert.Equal(t, []string{"_partition VARCHAR"}, query(t, m, `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 't' AND comment = ?`, partitionMarker))

	got, err := loadParts[[]stampRow](t, m, a, sub(t, keys, "us"))
	require.NoError(t, err)
	assert.Equal(t, []stampRow{{3, "c"}}, got)

	// The manager's column is not the rows': a struct cannot read it, nor
	// store a column of that name.
	type withKey struct {
		ID  int64
		Key string `db:"_partition"`
	}
	_, err = loadParts[[]withKey](t, m, a, sub(t, keys, "us"))
	assert.ErrorContains(t, err, `no column "_partition" for Go field Key (string); have id, name`)
	_, err = load[[]withKey](t, m, "t")
	assert.ErrorContains(t, err, `no column "_partition" for Go field Key`, "nor through an unpartitioned load")
	err = storeParts(t, m, asset[[]withKey]("u", regions, ""), "r1", sub(t, keys, "us"), []withKey{{1, "x"}})
	assert.ErrorContains(t, err, `duckdb: store u partition us: Go field Key maps to column "_partition", which holds the partition key`)
	assert.ErrorContains(t, storeParts(t, m, asset[[]withKey]("u", regions, "_partition"), "r1", sub(t, keys, "us"), []withKey{{1, "us"}}), `Go field Key maps to column "_partition"`)

	// A range of partitions: by key.
	require.NoError(t, storeParts(t, m, a, "r2", keys.Full(), map[string][]stampRow{"eu": {{5, "e"}}, "us": {{6, "f"}, {7, "g"}}}))
	assert.Equal(t, []string{"5 e eu", "6 f us", "7 g us"}, query(t, m, `SELECT * FROM s.t ORDER BY id`))
	// A slice cannot say which row is in which partition.
	err = storeParts(t, m, a, "r3", keys.Full(), []stampRow{{8, "h"}})
	assert.EqualError(t, err, "duckdb: store t partitions eu, us: a step storing several partitions (partitions eu, us) cannot tell the partition of a row of []duckdb.stampRow: name a partition column (partition_column=COL) or return a map[string][]duckdb.stampRow keyed by partition")
}

func TestPartitionRangeStore(t *testing.T) {
	m, _ := open(t, "s")
	daily := partition.Daily("2024-01-01")
	keys := resolve(t, daily)
	a := asset[[]sale]("sales", daily, "day")
	require.NoError(t, storeParts(t, m, a, "r0", keys.Span(0, 5), []sale{
		{day(1, 1), "eu", 1}, {day(2, 1), "eu", 2}, {day(3, 1), "eu", 3}, {day(4, 1), "eu", 4}, {day(5, 1), "eu", 5},
	}))

	// Rows of three days, out of order: each lands in its day, and the
	// days outside the range keep theirs.
	rows := []sale{{day(3, 9), "us", 33}, {day(2, 9), "us", 22}, {day(3, 8), "us", 34}, {day(4, 0), "us", 44}}
	require.NoError(t, storeParts(t, m, a, "r1", sub(t, keys, "2024-01-02", "2024-01-03", "2024-01-04"), rows))
	got, err := loadParts[[]sale](t, m, a, keys.Span(0, 5))
	require.NoError(t, err)
	assert.Equal(t, []sale{
		{day(1, 1), "eu", 1}, {day(2, 9), "us", 22}, {day(3, 9), "us", 33}, {day(3, 8), "us", 34}, {day(4, 0), "us", 44}, {day(5, 1), "eu", 5},
	}, got)
	for k, run := range map[string]string{"2024-01-01": "r0", "2024-01-02": "r1", "2024-01-04": "r1", "2024-01-05": "r0"} {
		st, ok, err := m.Stamp(context.Background(), "sales", k)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, run, st.RunID, k)
	}

	// Each partition's data version is that of its rows stored alone, in
	// another database.
	other, _ := open(t, "s")
	require.NoError(t, storeParts(t, other, a, "x", sub(t, keys, "2024-01-03"), []sale{{day(3, 9), "us", 33}, {day(3, 8), "us", 34}}))
	want, _, err := other.Stamp(context.Background(), "sales", "2024-01-03")
	require.NoError(t, err)
	st, _, err := m.Stamp(context.Background(), "sales", "2024-01-03")
	require.NoError(t, err)
	assert.Equal(t, want.DataVersion, st.DataVersion)

	// A map keyed by partition, with a partition column: rows are checked
	// against their key.
	require.NoError(t, storeParts(t, m, a, "r2", keys.Span(0, 2), map[string][]sale{"2024-01-02": {{day(2, 2), "eu", 2}}}))
	got, err = loadParts[[]sale](t, m, a, keys.Span(0, 3))
	require.NoError(t, err)
	assert.Equal(t, []sale{{day(2, 2), "eu", 2}, {day(3, 9), "us", 33}, {day(3, 8), "us", 34}}, got, "January 1st has no rows now")
	err = storeParts(t, m, a, "r3", keys.Span(0, 2), map[string][]sale{"2024-01-02": {{day(1, 2), "eu", 2}}})
	assert.ErrorContains(t, err, `duckdb: store sales partitions 2024-01-01, 2024-01-02: map entry "2024-01-02", row 0 (Go field Day): time column "day" = 2024-01-01T02:00:00Z (in partition 2024-01-01) is outside partition 2024-01-02 [2024-01-02T00:00:00Z, 2024-01-03T00:00:00Z)`)
	err = storeParts(t, m, a, "r3", keys.Span(0, 2), map[string][]sale{"2024-01-03": nil})
	assert.EqualError(t, err, `duckdb: store sales partitions 2024-01-01, 2024-01-02: map key "2024-01-03" is not one of the step's partitions 2024-01-01, 2024-01-02`)
}

func TestPartitionOutsideRow(t *testing.T) {
	m, _ := open(t, "s")
	daily := partition.Daily("2024-01-01", partition.Zone("America/New_York"))
	keys := resolve(t, daily)
	a := asset[[]sale]("sales", daily, "day")
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	old := []sale{{time.Date(2024, 1, 1, 23, 0, 0, 0, ny), "eu", 1}}
	require.NoError(t, storeParts(t, m, a, "r1", sub(t, keys, "2024-01-01"), old))

	// 04:00 UTC on January 2nd is still January 1st in New York; 05:00 is
	// not.
	rows := []sale{{day(2, 4), "eu", 2}, {day(2, 5), "eu", 3}}
	err = storeParts(t, m, a, "r2", sub(t, keys, "2024-01-01"), rows)
	assert.EqualError(t, err, `duckdb: store sales partition 2024-01-01: row 1 (Go field Day): time column "day" = 2024-01-02T00:00:00-05:00 (in partition 2024-01-02) is outside partition 2024-01-01 [2024-01-01T00:00:00-05:00, 2024-01-02T00:00:00-05:00): a store writes only its step's partitions`)
	err = storeParts(t, m, a, "r2", keys.Span(0, 1), []sale{{time.Date(2023, 12, 31, 12, 0, 0, 0, ny), "eu", 3}})
	assert.ErrorContains(t, err, `row 0 (Go field Day): time column "day" = 2023-12-31T12:00:00-05:00 (in no partition) is outside partition 2024-01-01`)
	err = storeParts(t, m, a, "r2", keys.Span(0, 2), []sale{{day(1, 6), "eu", 3}, {day(3, 6), "eu", 3}})
	assert.ErrorContains(t, err, `row 1 (Go field Day): time column "day" = 2024-01-03T01:00:00-05:00 (in partition 2024-01-03) is outside the step's partitions 2024-01-01, 2024-01-02`)

	// Nothing changed.
	got, err := loadParts[[]sale](t, m, a, sub(t, keys, "2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, []sale{{day(2, 4), "eu", 1}}, got)
	st, _, err := m.Stamp(context.Background(), "sales", "2024-01-01")
	require.NoError(t, err)
	assert.Equal(t, "r1", st.RunID)

	regions := partition.NewStatic("eu", "us")
	r := asset[[]regional]("people", regions, "region")
	err = storeParts(t, m, r, "r1", sub(t, resolve(t, regions), "eu"), []regional{{"eu", 1, "a"}, {"us", 2, "b"}})
	assert.EqualError(t, err, `duckdb: store people partition eu: row 1 (Go field Region): key column "region" = "us" (in partition us) is outside partition eu: a store writes only its step's partitions`)
	err = storeParts(t, m, r, "r1", sub(t, resolve(t, regions), "eu"), []*regional{{"eu", 1, "a"}, nil})
	assert.EqualError(t, err, `duckdb: store people partition eu: row 1: nil *duckdb.regional in the slice`)
	assert.Equal(t, []string{"sales"}, tables(t, m), "no table for a refused first store")
}

func TestPartitionSchemaChange(t *testing.T) {
	m, _ := open(t, "my_schema")
	daily := partition.Daily("2024-01-01")
	keys := resolve(t, daily)
	jan1, jan2 := sub(t, keys, "2024-01-01"), sub(t, keys, "2024-01-02")
	require.NoError(t, storeParts(t, m, asset[[]sale]("daily_totals", daily, "day"), "r1", jan1, []sale{{day(1, 1), "eu", 1}}))

	// Another field order is the same table.
	type reordered struct {
		Amount int64
		Day    time.Time
		Region string
	}
	require.NoError(t, storeParts(t, m, asset[[]reordered]("daily_totals", daily, "day"), "r2", jan2, []reordered{{2, day(2, 1), "us"}}))
	got, err := loadParts[[]sale](t, m, asset[[]sale]("daily_totals", daily, "day"), keys.Span(0, 2))
	require.NoError(t, err)
	assert.Equal(t, []sale{{day(1, 1), "eu", 1}, {day(2, 1), "us", 2}}, got)

	// New, gone and retyped columns: the error says how to proceed.
	type changed struct {
		Day    time.Time
		Amount float64
		Note   *string
	}
	a := asset[[]changed]("daily_totals", daily, "day")
	err = storeParts(t, m, a, "r3", jan2, []changed{{day(2, 1), 2.5, nil}})
	require.Error(t, err)
	assert.Equal(t, `duckdb: store daily_totals partition 2024-01-02 into my_schema.daily_totals: the columns of []duckdb.changed differ from those of my_schema.daily_totals (column "amount" is DOUBLE, was BIGINT; new column "note" VARCHAR; column "region" VARCHAR is gone), and it holds 2 rows of 2 stored partitions, which a store of other partitions cannot change: `+
		`migrate it, keeping them (ALTER TABLE "my_schema"."daily_totals" ALTER COLUMN "amount" TYPE DOUBLE; ALTER TABLE "my_schema"."daily_totals" ADD COLUMN "note" VARCHAR; ALTER TABLE "my_schema"."daily_totals" DROP COLUMN "region"), `+
		`or drop it (DROP TABLE "my_schema"."daily_totals") and materialize every partition again, or give duckdb.changed its old fields back`, err.Error())

	// Following the advice works, and keeps the other partitions.
	for _, q := range strings.Split(between(err.Error(), "keeping them (", "), or drop"), "; ") {
		_, err := sqlDB(t, m).Exec(q)
		require.NoError(t, err, q)
	}
	note := "new"
	require.NoError(t, storeParts(t, m, a, "r3", jan2, []changed{{day(2, 1), 2.5, &note}}))
	after, err := loadParts[[]changed](t, m, a, keys.Span(0, 2))
	require.NoError(t, err)
	assert.Equal(t, []changed{{day(1, 1), 1, nil}, {day(2, 1), 2.5, &note}}, after)

	// So does dropping the table.
	_, err = sqlDB(t, m).Exec(`DROP TABLE "my_schema"."daily_totals"`)
	require.NoError(t, err)
	require.NoError(t, storeParts(t, m, asset[[]sale]("daily_totals", daily, "day"), "r4", jan2, []sale{{day(2, 1), "eu", 1}}))
	_, err = loadParts[[]sale](t, m, asset[[]sale]("daily_totals", daily, "day"), jan1)
	assert.EqualError(t, err, "duckdb: load daily_totals partition 2024-01-01 from my_schema.daily_totals: partition 2024-01-01 is not stored in table my_schema.daily_totals (2024-01-02 are stored): materialize them first",
		"the stamps of the dropped table are gone")

	// A table without rows has nothing to keep: it is made again.
	type other struct {
		Day time.Time
		X   bool
	}
	require.NoError(t, storeParts(t, m, asset[[]sale]("empty", daily, "day"), "r1", jan1, []sale{}))
	require.NoError(t, storeParts(t, m, asset[[]other]("empty", daily, "day"), "r1", jan2, []other{{day(2, 0), true}}))
	assert.Equal(t, []string{"2024-01-02 00:00:00 true"}, query(t, m, `SELECT * FROM my_schema.empty`))
	_, ok, err := m.Stamp(context.Background(), "empty", "2024-01-01")
	require.NoError(t, err)
	assert.False(t, ok, "the partition of the old table")
}

// between returns the text of s between before and after.
func between(s, before, after string) string {
	_, s, _ = strings.Cut(s, before)
	s, _, _ = strings.Cut(s, after)
	return s
}

func TestPartitionClash(t *testing.T) {
	m, _ := open(t, "s")
	daily := partition.Daily("2024-01-01")
	keys := resolve(t, daily)
	jan1 := sub(t, keys, "2024-01-01")

	// A partitioned store into an unpartitioned table, and back.
	require.NoError(t, store(t, m, "plain", []sale{{day(1, 1), "eu", 1}}))
	err := storeParts(t, m, asset[[]sale]("plain", daily, "day"), "r1", jan1, []sale{{day(1, 2), "eu", 2}})
	assert.EqualError(t, err, `duckdb: store plain partition 2024-01-01 into s.plain: table s.plain exists and is not partitioned (an unpartitioned asset stored it, or it was made by hand): a partition's rows would mix with its rows. Drop it (DROP TABLE "s"."plain") or rename it (ALTER TABLE "s"."plain" RENAME TO "plain_old"), then materialize the partitions`)
	_, err = loadParts[[]sale](t, m, asset[[]sale]("plain", daily, "day"), jan1)
	assert.EqualError(t, err, `duckdb: load plain partition 2024-01-01 from s.plain: table s.plain is not partitioned (an unpartitioned asset stored it, or it was made by hand), so it has no partition 2024-01-01: materialize the partitions again after dropping it (DROP TABLE "s"."plain")`)

	a := asset[[]sale]("parted", daily, "day")
	require.NoError(t, storeParts(t, m, a, "r1", jan1, []sale{{day(1, 1), "eu", 1}}))
	err = store(t, m, "parted", []sale{{day(1, 2), "eu", 2}})
	assert.EqualError(t, err, `duckdb: store parted into s.parted: table s.parted holds the partitions of a partitioned asset (1 stored, partition column "day"), which an unpartitioned store would replace all at once: if the asset is no longer partitioned, drop the table first (DROP TABLE "s"."parted")`)
	assert.Equal(t, []string{"parted", "plain"}, tables(t, m), "no side table left")

	// An unpartitioned load reads the whole table.
	all, err := load[[]sale](t, m, "parted")
	require.NoError(t, err)
	assert.Equal(t, []sale{{day(1, 1), "eu", 1}}, all)

	// Another partition column.
	err = storeParts(t, m, asset[[]sale]("parted", daily, "region"), "r2", jan1, []sale{{day(1, 1), "2024-01-01", 1}})
	assert.EqualError(t, err, `duckdb: store parted partition 2024-01-01 into s.parted: table s.parted is partitioned by column "day" (1 stored partitions), not by key column "region" as the asset now says: drop it (DROP TABLE "s"."parted") and materialize every partition again, or partition it as before (partition_column=day)`)
	err = storeParts(t, m, asset[[]sale]("parted", daily, ""), "r2", jan1, []sale{{day(1, 1), "eu", 1}})
	assert.ErrorContains(t, err, `not by the manager's column "_partition" as the asset now says`)

	// A partition column that cannot hold a partition.
	err = storeParts(t, m, asset[[]sale]("bad", daily, "amount"), "r1", jan1, []sale{})
	assert.EqualError(t, err, `duckdb: store bad partition 2024-01-01: partition column "amount": duckdb.sale.Amount (column amount) has type int64: a partition column of time partitions must be a time.Time (in the partition's window) or a string (the partition key)`)
	err = storeParts(t, m, asset[[]sale]("bad", daily, "nope"), "r1", jan1, []sale{})
	assert.EqualError(t, err, `duckdb: store bad partition 2024-01-01: partition column "nope": duckdb.sale has no column nope`)
	regions := partition.NewStatic("eu")
	err = storeParts(t, m, asset[[]sale]("bad", regions, "day"), "r1", resolve(t, regions).Full(), []sale{})
	assert.EqualError(t, err, `duckdb: store bad partition eu: partition column "day": duckdb.sale.Day (column day) has type time.Time: a partition column of static partitions must be a string holding the partition key`)
	err = m.Store(&runtime.OutputContext{Context: context.Background(), Key: "bad", Def: asset[[]sale]("bad", daily, "day"), Partition: "2024-01-01"}, []sale{})
	assert.ErrorContains(t, err, "time column \"day\" holds instants, but partition 2024-01-01 have no time windows")
	err = store(t, m, "bad", map[string][]sale{})
	assert.EqualError(t, err, "duckdb: store bad: a map[string][]duckdb.sale holds rows by partition key, the output of a partitioned asset, and the step has no partition")
}

func TestPartitionNotStored(t *testing.T) {
	m, _ := open(t, "s")
	daily := partition.Daily("2024-01-01")
	keys := resolve(t, daily)
	a := asset[[]sale]("sales", daily, "day")
	_, err := loadParts[[]sale](t, m, a, keys.Span(0, 1))
	assert.ErrorContains(t, err, "duckdb: load sales partition 2024-01-01 from s.sales: table s.sales does not exist")

	require.NoError(t, storeParts(t, m, a, "r1", keys.Span(0, 3), []sale{}))
	require.NoError(t, storeParts(t, m, a, "r1", keys.Span(4, 6), []sale{}))
	_, err = loadParts[[]sale](t, m, a, keys.Span(2, 5))
	assert.EqualError(t, err, "duckdb: load sales partitions 2024-01-03, 2024-01-04, 2024-01-05 from s.sales: partition 2024-01-04 is not stored in table s.sales (2024-01-01...2024-01-03, 2024-01-05...2024-01-06 are stored): materialize them first")
	_, err = loadParts[[]sale](t, m, a, keys.Span(6, 20))
	assert.ErrorContains(t, err, "partitions 2024-01-07...2024-01-20 (14) are not stored in table s.sales")

	// A mapping may read no partition at all (the first of an asset that
	// reads its previous one): that needs no table.
	for _, typ := range []reflect.Type{reflect.TypeFor[[]sale](), reflect.TypeFor[map[string][]sale]()} {
		v, err := m.Load(&runtime.InputContext{Context: context.Background(), Upstream: "none", Type: typ, UpstreamPartitions: []string{}})
		require.NoError(t, err)
		assert.Equal(t, 0, reflect.ValueOf(v).Len())
		assert.Equal(t, typ, reflect.TypeOf(v))
	}
	_, err = m.Load(&runtime.InputContext{Context: context.Background(), Upstream: "sales", Type: reflect.TypeFor[map[string][]sale]()})
	assert.EqualError(t, err, "duckdb: load sales: a map[string][]duckdb.sale receives partitions by key, but the upstream is not partitioned")
}

// TestPartitionInjection stores partitions whose keys read as SQL: they
// are bound, never spliced into a statement.
func TestPartitionInjection(t *testing.T) {
	m, _ := open(t, "s")
	evil := []string{`o'brien`, `x'); DROP TABLE s.victim; --`, `"quoted"`, `semi;colon`}
	keys := resolve(t, partition.NewStatic(evil...))
	require.NoError(t, store(t, m, "victim", []stampRow{{1, "still here"}}))
	for _, col := range []string{"", "name"} {
		a := asset[[]stampRow](runtime.Key("t"+col), keys.Definition(), col)
		for i, k := range evil {
			require.NoError(t, storeParts(t, m, a, "r1", sub(t, keys, k), []stampRow{{int64(i), k}}))
		}
		got, err := loadParts[[]stampRow](t, m, a, keys.Full())
		require.NoError(t, err)
		assert.Equal(t, []stampRow{{0, evil[0]}, {1, evil[1]}, {2, evil[2]}, {3, evil[3]}}, got)
		one, err := loadParts[[]stampRow](t, m, a, sub(t, keys, evil[1]))
		require.NoError(t, err)
		assert.Equal(t, []stampRow{{1, evil[1]}}, one)
	}
	victim, err := load[[]stampRow](t, m, "victim")
	require.NoError(t, err)
	assert.Equal(t, []stampRow{{1, "still here"}}, victim)
}

// TestPartitionDST stores hourly partitions across the end of daylight
// saving time in New York, where 01:00 comes twice: each hour is its own
// partition, by instant.
func TestPartitionDST(t *testing.T) {
	m, _ := open(t, "s")
	hourly := partition.Hourly("2024-11-03-00:00", partition.Zone("America/New_York"))
	keys := resolve(t, hourly)
	a := asset[[]sale]("hits", hourly, "day")
	utc := func(h, min int) time.Time { return time.Date(2024, 11, 3, h, min, 0, 0, time.UTC) }
	// 05:30 UTC is 01:30 EDT, 06:30 UTC is 01:30 EST.
	first, second := keys.Span(1, 2), keys.Span(2, 3)
	require.Equal(t, []string{"2024-11-03-01:00"}, first.Keys())
	require.Equal(t, []string{"2024-11-03-01:00-0500"}, second.Keys())
	require.NoError(t, storeParts(t, m, a, "r1", first, []sale{{utc(5, 30), "edt", 1}}))
	require.NoError(t, storeParts(t, m, a, "r1", second, []sale{{utc(6, 30), "est", 2}}))
	err := storeParts(t, m, a, "r1", second, []sale{{utc(5, 59), "edt", 1}})
	assert.ErrorContains(t, err, `time column "day" = 2024-11-03T01:59:00-04:00 (in partition 2024-11-03-01:00) is outside partition 2024-11-03-01:00-0500 [2024-11-03T01:00:00-05:00, 2024-11-03T02:00:00-05:00)`)
	got, err := loadParts[map[string][]sale](t, m, a, keys.Span(0, 4))
	if assert.Error(t, err) {
		assert.Contains(t, err.Error(), "2024-11-03-00:00, 2024-11-03-02:00 are not stored")
	}
	got, err = loadParts[map[string][]sale](t, m, a, keys.Span(1, 3))
	require.NoError(t, err)
	assert.Equal(t, map[string][]sale{"2024-11-03-01:00": {{utc(5, 30), "edt", 1}}, "2024-11-03-01:00-0500": {{utc(6, 30), "est", 2}}}, got)

	// A daily partition on the 25-hour day.
	daily := partition.Daily("2024-11-01", partition.Zone("America/New_York"))
	d := asset[[]sale]("days", daily, "day")
	nov3 := sub(t, resolve(t, daily), "2024-11-03")
	require.NoError(t, storeParts(t, m, d, "r1", nov3, []sale{{utc(4, 0), "first", 1}, {time.Date(2024, 11, 4, 4, 59, 0, 0, time.UTC), "last", 2}}))
	err = storeParts(t, m, d, "r1", nov3, []sale{{time.Date(2024, 11, 4, 5, 0, 0, 0, time.UTC), "next day", 3}})
	assert.ErrorContains(t, err, "(in partition 2024-11-04) is outside partition 2024-11-03 [2024-11-03T00:00:00-04:00, 2024-11-04T00:00:00-05:00)")
}

// TestPartitionConcurrent stores partitions of one asset, and of another,
// from several goroutines at once: DuckDB has one writer per table at a
// time, and no row is lost.
func TestPartitionConcurrent(t *testing.T) {
	m, _ := open(t, "s")
	regions := partition.NewStatic("a", "b", "c", "d")
	keys := resolve(t, regions)
	assets := []*runtime.AssetDef{asset[[]regional]("one", regions, "region"), asset[[]regional]("two", regions, "")}
	const rounds = 5
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for _, a := range assets {
		for _, k := range keys.All() {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for round := range rounds {
					rows := make([]regional, 1000+round)
					for i := range rows {
						rows[i] = regional{k, int64(round), fmt.Sprint(i)}
					}
					if err := storeParts(t, m, a, fmt.Sprint("r", round), sub(t, keys, k), rows); err != nil {
						errs <- err
						return
					}
					got, err := loadParts[[]regional](t, m, a, sub(t, keys, k))
					if err != nil {
						errs <- err
						return
					}
					if !reflect.DeepEqual(got, rows) {
						errs <- fmt.Errorf("%s %s round %d: loaded rows differ", a.Key, k, round)
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, a := range assets {
		got, err := loadParts[map[string][]regional](t, m, a, keys.Full())
		require.NoError(t, err)
		for _, k := range keys.All() {
			assert.Len(t, got[k], 1000+rounds-1, "%s %s", a.Key, k)
		}
		assert.Equal(t, []string{fmt.Sprint(4 * (1000 + rounds - 1))}, query(t, m, `SELECT count(*) FROM s.`+string(a.Key)))
	}
}

// TestPartitionMetadata checks what a partition store reports: the
// table, the rows written, the columns, the partition column and the data
// version.
func TestPartitionMetadata(t *testing.T) {
	m, _ := open(t, "my_schema")
	regions := partition.NewStatic("eu", "us")
	keys := resolve(t, regions)
	a := asset[[]stampRow]("people", regions, "")
	out := func(s partition.Subset) *runtime.OutputContext {
		return &runtime.OutputContext{Context: context.Background(), RunID: "r1", Key: a.Key, Def: a, Partitions: s}
	}
	res, err := m.replaceParts(out(sub(t, keys, "eu")), source{value: reflect.ValueOf([]stampRow{{1, "a"}, {2, "b"}})})
	require.NoError(t, err)
	assert.Equal(t, "my_schema.people", res.table)
	assert.Equal(t, 2, res.rows)
	assert.Equal(t, []string{"id BIGINT", "name VARCHAR", "_partition VARCHAR"}, res.columns)
	assert.Equal(t, "_partition", res.column)
	// One partition's version is that of its rows as a whole table.
	assert.Equal(t, []string{version(t, m, "plain", []stampRow{{1, "a"}, {2, "b"}})}, res.versions)

	res, err = m.replaceParts(out(keys.Full()), source{value: reflect.ValueOf(map[string][]stampRow{"eu": {{3, "c"}}, "us": nil})})
	require.NoError(t, err)
	assert.Equal(t, 1, res.rows)
	assert.Equal(t, 2, res.replaced, "the two rows of eu")
	require.Len(t, res.versions, 2)
	eu, _, _ := m.Stamp(context.Background(), "people", "eu")
	us, _, _ := m.Stamp(context.Background(), "people", "us")
	assert.Equal(t, []string{eu.DataVersion, us.DataVersion}, res.versions)
	again, err := m.replaceParts(out(keys.Full()), source{value: reflect.ValueOf(map[string][]stampRow{"eu": {{3, "c"}}})})
	require.NoError(t, err)
	assert.Equal(t, res.versions, again.versions, "the same rows, the same versions")
}

// TestPartitionMulti stores partitions of two dimensions, their keys
// joined with "|", in the manager's column and in a key column; a time
// column cannot tell them apart.
func TestPartitionMulti(t *testing.T) {
	m, _ := open(t, "s")
	multi := partition.NewMulti(partition.Dims{"date": partition.Daily("2024-01-01"), "region": partition.NewStatic("eu", "us")})
	keys := resolve(t, multi)
	both := sub(t, keys, "2024-01-01|eu", "2024-01-01|us")
	for _, col := range []string{"", "region"} {
		a := asset[[]regional](runtime.Key("m"+col), multi, col)
		require.NoError(t, storeParts(t, m, a, "r1", both, map[string][]regional{
			"2024-01-01|eu": {{"2024-01-01|eu", 1, "a"}}, "2024-01-01|us": {{"2024-01-01|us", 2, "b"}},
		}))
		got, err := loadParts[[]regional](t, m, a, both)
		require.NoError(t, err)
		assert.Equal(t, []regional{{"2024-01-01|eu", 1, "a"}, {"2024-01-01|us", 2, "b"}}, got)
		err = storeParts(t, m, a, "r2", sub(t, keys, "2024-01-01|us"), []regional{{"2024-01-01|eu", 3, "c"}})
		if col == "" {
			assert.NoError(t, err, "the manager's column holds the step's key")
		} else {
			assert.ErrorContains(t, err, `row 0 (Go field Region): key column "region" = "2024-01-01|eu" (in partition 2024-01-01|eu) is outside partition 2024-01-01|us`)
		}
	}
	err := storeParts(t, m, asset[[]sale]("t", multi, "day"), "r1", both, []sale{})
	assert.ErrorContains(t, err, `partition column "day": duckdb.sale.Day (column day) has type time.Time: a partition column of multi-dimensional partitions must be a string holding the partition key`)
}

// total is a day's total of one region.
type total struct {
	Region string
	Amount int64
}

// TestPartitionBackfill runs partitioned assets through the runtime: a
// backfill whose one step stores five days in one transaction, daily
// totals in the manager's column, a rolling window reading three days
// with one query, and unpartitioned assets reading every day.
func TestPartitionBackfill(t *testing.T) {
	m, _ := open(t, "s")
	daily := partition.Daily("2024-01-01")
	env := partition.Env{Now: time.Date(2024, 1, 6, 0, 0, 0, 0, time.UTC)} // five days
	gen := int64(0)
	sales := reflect.TypeFor[[]sale]()
	totals := reflect.TypeFor[[]total]()
	sum := func(rows []sale) []total {
		var out []total
		for _, r := range rows {
			if n := len(out); n > 0 && out[n-1].Region == r.Region {
				out[n-1].Amount += r.Amount
				continue
			}
			out = append(out, total{r.Region, r.Amount})
		}
		return out
	}
	defs := &runtime.Definitions{
		Assets: []*runtime.AssetDef{
			{
				Key: "events", Partitions: daily, Backfill: runtime.BackfillSingle, PartitionColumn: "day", OutputType: sales,
				Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
					var rows []sale
					for _, k := range slices.Backward(ctx.PartitionKeys()) { // the last day first
						d, err := time.Parse(time.DateOnly, k)
						if err != nil {
							return nil, err
						}
						rows = append(rows, sale{d.Add(time.Hour), "eu", int64(d.Day()) + gen}, sale{d.Add(2 * time.Hour), "us", 10 * int64(d.Day())})
					}
					return rows, nil
				},
			},
			{
				Key: "totals", Partitions: daily, OutputType: totals,
				Inputs: []runtime.Input{{Name: "events", Key: "events", Type: sales}},
				Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
					rows, err := runtime.Load[[]sale](ctx, in, 0)
					return sum(rows), err
				},
			},
			{
				Key: "rolling", Partitions: daily, OutputType: totals,
				Inputs: []runtime.Input{{Name: "totals", Key: "totals", Type: totals, Gather: runtime.GatherConcat, Mapping: partition.TimeWindow(-2, 0)}},
				Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
					return runtime.Load[[]total](ctx, in, 0)
				},
			},
			{
				Key: "summary", OutputType: totals,
				Inputs: []runtime.Input{{Name: "totals", Key: "totals", Type: totals, Gather: runtime.GatherConcat}},
				Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
					return runtime.Load[[]total](ctx, in, 0)
				},
			},
		},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m},
	}
	run := func(id string, sel []runtime.Key, p runtime.Partitions) *runtime.Result {
		t.Helper()
		res, err := runtime.Materialize(context.Background(), defs, runtime.Options{RunID: id, Env: env, Selection: sel, Partitions: p, Logger: slog.New(slog.DiscardHandler)})
		require.NoError(t, err)
		for _, s := range res.Steps {
			require.Equal(t, runtime.StatusSuccess, s.Status, "%s %s: %v", s.Key, s.Partition, s.Err)
		}
		return res
	}
	all := runtime.Partitions{Range: partition.Range{Start: "2024-01-01", End: "2024-01-05"}}
	res := run("r1", []runtime.Key{"events", "totals"}, all)
	require.Len(t, res.Steps, 6, "one step of events, five of totals")
	ev := res.Step("events")
	assert.Equal(t, "2024-01-01...2024-01-05", ev.Partition)
	assert.Equal(t, 10, ev.Metadata["rows"])
	assert.Equal(t, "day", ev.Metadata["partition_column"])
	require.Len(t, ev.PartitionVersions, 5)
	for k, v := range ev.PartitionVersions {
		st, ok, err := m.Stamp(context.Background(), "events", k)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, runtime.Stamp{RunID: "r1", DataVersion: v, Time: st.Time}, st, k)
	}
	assert.Equal(t, []string{"10"}, query(t, m, `SELECT count(*) FROM s.events`))

	res = run("r2", []runtime.Key{"rolling", "summary"}, runtime.Partitions{Range: partition.Range{Start: "2024-01-03", End: "2024-01-05"}})
	got, err := loadParts[[]total](t, m, asset[[]total]("rolling", daily, ""), sub(t, resolve(t, daily), "2024-01-04"))
	require.NoError(t, err)
	assert.Equal(t, []total{{"eu", 2}, {"us", 20}, {"eu", 3}, {"us", 30}, {"eu", 4}, {"us", 40}}, got, "January 2nd to 4th, in key order")
	summary, err := load[[]total](t, m, "summary")
	require.NoError(t, err)
	assert.Equal(t, []total{{"eu", 1}, {"us", 10}, {"eu", 2}, {"us", 20}, {"eu", 3}, {"us", 30}, {"eu", 4}, {"us", 40}, {"eu", 5}, {"us", 50}}, summary)

	// Running one day again replaces that day only.
	before := query(t, m, `SELECT partition_key, run_id, data_version FROM s."_assetgen.outputs" WHERE asset_key = 'events' AND partition_key <> '2024-01-03' ORDER BY 1`)
	gen = 100
	run("r3", []runtime.Key{"events", "totals"}, runtime.Partitions{Keys: []string{"2024-01-03"}})
	assert.Equal(t, before, query(t, m, `SELECT partition_key, run_id, data_version FROM s."_assetgen.outputs" WHERE asset_key = 'events' AND partition_key <> '2024-01-03' ORDER BY 1`))
	five, err := daily.Resolve(env)
	require.NoError(t, err)
	got, err = loadParts[[]total](t, m, asset[[]total]("totals", daily, ""), five.Full())
	require.NoError(t, err)
	assert.Equal(t, []total{{"eu", 1}, {"us", 10}, {"eu", 2}, {"us", 20}, {"eu", 103}, {"us", 30}, {"eu", 4}, {"us", 40}, {"eu", 5}, {"us", 50}}, got)
}
