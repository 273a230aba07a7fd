package duckdb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/stretchr/testify/require"
)

// The fast paths (store.go, load.go) against duckdb-go's own reading and
// writing through database/sql, on random values of every supported type.

type diffInner struct {
	S string
	N *int32
	L []int16
	T time.Time
}

// diffRow is Everything (every supported type, as TestRoundTripEverything
// stores it) with more nesting: structs with times and lists inside lists
// and maps, pointers in lists, maps keyed by times and booleans.
type diffRow struct {
	Everything
	PSt *diffInner
	LP  []*string
	LSt []diffInner
	MT  map[int32]diffInner
	ML  map[string][]string
	MK  map[time.Time]bool
	MB  map[bool]*string
}

// gen draws random values. With utc, times are in UTC, as they load;
// otherwise in random fixed zones: two generators on equal sources draw
// the same instants.
type gen struct {
	r   *rand.Rand
	utc bool
}

func (g gen) null() bool { return g.r.IntN(5) == 0 }

func (g gen) str() string {
	n := g.r.IntN(30)
	if g.r.IntN(4) == 0 {
		n = 11 + g.r.IntN(4) // around the 12 bytes stored inline
	}
	var b strings.Builder
	for b.Len() < n {
		switch g.r.IntN(6) {
		case 0:
			b.WriteRune(rune(0x80 + g.r.IntN(0x780))) // two bytes
		case 1:
			b.WriteRune(rune(0x4e00 + g.r.IntN(0x5000))) // three bytes
		case 2:
			b.WriteRune(rune(0x1f300 + g.r.IntN(0x300))) // four bytes
		default:
			b.WriteByte(byte(g.r.IntN(128)))
		}
	}
	return b.String()
}

func (g gen) bytes() []byte {
	if g.null() {
		return nil
	}
	b := make([]byte, g.r.IntN(20))
	for i := range b {
		b[i] = byte(g.r.Uint32())
	}
	return b
}

func (g gen) time() time.Time {
	us := (g.r.Int64N(2*maxTimestampSec+1)-maxTimestampSec)*1_000_000 + g.r.Int64N(1_000_000)
	if g.r.IntN(2) == 0 {
		us = g.r.Int64N(4e15) - 1e15 // around today
	}
	zone := time.FixedZone("", g.r.IntN(28*3600)-14*3600)
	t := time.UnixMicro(us)
	if g.utc {
		return t.UTC()
	}
	return t.In(zone)
}

func (g gen) f64() float64 {
	switch g.r.IntN(6) {
	case 0:
		return []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.MaxFloat64, math.SmallestNonzeroFloat64}[g.r.IntN(6)]
	case 1:
		if f := math.Float64frombits(g.r.Uint64()); !math.IsNaN(f) {
			return f
		}
	}
	return g.r.NormFloat64() * 1e6
}

func (g gen) f32() float32 {
	if g.r.IntN(4) == 0 {
		if f := math.Float32frombits(g.r.Uint32()); !math.IsNaN(float64(f)) {
			return f
		}
	}
	return float32(g.r.NormFloat64())
}

func (g gen) ptrStr() *string {
	if g.null() {
		return nil
	}
	s := g.str()
	return &s
}

func (g gen) inner() diffInner {
	d := diffInner{S: g.str(), T: g.time()}
	if !g.null() {
		n := g.r.Int32()
		d.N = &n
	}
	if !g.null() {
		d.L = make([]int16, g.r.IntN(4))
		for i := range d.L {
			d.L[i] = int16(g.r.Uint32())
		}
	}
	return d
}

// size returns a length for a list or a map, or -1 for nil.
func (g gen) size() int {
	if g.null() {
		return -1
	}
	return g.r.IntN(5)
}

func (g gen) address() Address {
	a := Address{Street: g.str()}
	if !g.null() {
		z := g.r.Int32()
		a.Zip = &z
	}
	return a
}

func (g gen) row() diffRow {
	r := g.r
	var d diffRow
	e := &d.Everything
	*e = Everything{
		Embedded: Embedded{Note: g.str()},
		Bool:     r.IntN(2) == 0, I8: int8(r.Uint32()), I16: int16(r.Uint32()), I32: int32(r.Uint32()), I64: int64(r.Uint64()), I: int(r.Uint64()),
		U8: uint8(r.Uint32()), U16: uint16(r.Uint32()), U32: r.Uint32(), U64: r.Uint64(), U: uint(r.Uint64()),
		F32: g.f32(), F64: g.f64(), Str: g.str(), Bytes: g.bytes(), When: g.time(), Took: time.Duration(r.Uint64()),
		Addr: g.address(), Pair: [2]bool{r.IntN(2) == 0, r.IntN(2) == 0}, Renamed: g.str(), HTTPLogs: int(r.Int64()),
	}
	for i := range e.UUID {
		e.UUID[i] = byte(r.Uint32())
	}
	if !g.null() {
		v := r.Int64()
		e.PtrInt = &v
	}
	e.PtrStr = g.ptrStr()
	if !g.null() {
		t := g.time()
		e.PtrTime = &t
	}
	if !g.null() {
		e.NStr = sql.NullString{String: g.str(), Valid: true}
	}
	if !g.null() {
		e.NInt = sql.NullInt64{Int64: r.Int64(), Valid: true}
	}
	if !g.null() {
		e.NTime = sql.NullTime{Time: g.time(), Valid: true}
	}
	if !g.null() {
		e.NGen = sql.Null[float64]{V: g.f64(), Valid: true}
	}
	if !g.null() {
		a := g.address()
		e.PAddr = &a
	}
	if n := g.size(); n >= 0 {
		e.Tags = make([]string, n)
		for i := range e.Tags {
			e.Tags[i] = g.str()
		}
	}
	if n := g.size(); n >= 0 {
		e.Matrix = make([][]int16, n)
		for i := range e.Matrix {
			if m := g.size(); m >= 0 {
				e.Matrix[i] = make([]int16, m)
				for j := range e.Matrix[i] {
					e.Matrix[i][j] = int16(r.Uint32())
				}
			}
		}
	}
	if n := g.size(); n >= 0 {
		e.Scores = map[string]float64{}
		for range n {
			e.Scores[g.str()] = g.f64()
		}
	}
	if n := g.size(); n >= 0 {
		e.ByID = map[int64]Address{}
		for range n {
			e.ByID[r.Int64()] = g.address()
		}
	}
	if !g.null() {
		in := g.inner()
		d.PSt = &in
	}
	if n := g.size(); n >= 0 {
		d.LP = make([]*string, n)
		for i := range d.LP {
			d.LP[i] = g.ptrStr()
		}
	}
	if n := g.size(); n >= 0 {
		d.LSt = make([]diffInner, n)
		for i := range d.LSt {
			d.LSt[i] = g.inner()
		}
	}
	if n := g.size(); n >= 0 {
		d.MT = map[int32]diffInner{}
		for range n {
			d.MT[r.Int32N(8)] = g.inner()
		}
	}
	if n := g.size(); n >= 0 {
		d.ML = map[string][]string{}
		for range n {
			var l []string
			if m := g.size(); m >= 0 {
				l = make([]string, m)
				for j := range l {
					l[j] = g.str()
				}
			}
			d.ML[g.str()] = l
		}
	}
	if n := g.size(); n >= 0 {
		// Keys of distinct instants: equal instants in two zones are two
		// Go keys but one DuckDB key.
		d.MK = map[time.Time]bool{}
		seen := map[int64]bool{}
		for range n {
			t := g.time()
			if !seen[t.UnixMicro()] {
				seen[t.UnixMicro()] = true
				d.MK[t] = r.IntN(2) == 0
			}
		}
	}
	if n := g.size(); n >= 0 {
		d.MB = map[bool]*string{}
		for range n {
			d.MB[r.IntN(2) == 0] = g.ptrStr()
		}
	}
	return d
}

// rowsOf draws n rows twice from equal sources: as stored (times in
// random zones) and as they load (in UTC).
func rowsOf(n int, src func() rand.Source) (stored, want []diffRow) {
	gs, gw := gen{r: rand.New(src())}, gen{r: rand.New(src()), utc: true}
	stored, want = make([]diffRow, n), make([]diffRow, n)
	for i := range n {
		stored[i], want[i] = gs.row(), gw.row()
	}
	return stored, want
}

// toDriver converts the Go value v, described by c, to what duckdb-go's
// Appender takes.
func toDriver(v reflect.Value, c *codec) any {
	switch c.kind {
	case kInt:
		return v.Int()
	case kUint:
		return v.Uint()
	case kDuration:
		return int64(v.Interface().(time.Duration))
	case kByteArray:
		b := make([]byte, v.Len())
		reflect.Copy(reflect.ValueOf(b), v)
		return b
	case kPtr:
		if v.IsNil() {
			return nil
		}
		return toDriver(v.Elem(), c.elem)
	case kNull:
		if !v.Field(1).Bool() {
			return nil
		}
		return toDriver(v.Field(0), c.elem)
	case kStruct:
		m := map[string]any{}
		for _, f := range c.fields {
			m[f.name] = toDriver(v.FieldByIndex(f.index), f.codec)
		}
		return m
	case kList, kArray:
		if c.kind == kList && v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = toDriver(v.Index(i), c.elem)
		}
		return out
	case kMap:
		if v.IsNil() {
			return nil
		}
		var m duckdb.OrderedMap
		it := v.MapRange()
		for it.Next() {
			m.Set(toDriver(it.Key(), c.key), toDriver(it.Value(), c.val))
		}
		return m
	case kBytes:
		if v.IsNil() {
			return nil
		}
	}
	return v.Interface()
}

// fromDriver converts x, as duckdb-go scans it, to a Go value described
// by c.
func fromDriver(x any, c *codec) (reflect.Value, error) {
	out := reflect.New(c.t).Elem()
	if x == nil {
		switch c.kind {
		case kPtr, kNull, kBytes, kList, kMap:
			return out, nil
		}
		return out, fmt.Errorf("NULL for %s", c.t)
	}
	switch c.kind {
	case kTime:
		out.Set(reflect.ValueOf(x.(time.Time).UTC()))
	case kBytes:
		out.SetBytes(slices.Clone(x.([]byte)))
	case kByteArray:
		b := x.([]byte)
		if len(b) != c.t.Len() {
			return out, fmt.Errorf("%d bytes for %s", len(b), c.t)
		}
		reflect.Copy(out, reflect.ValueOf(b))
	case kPtr:
		e, err := fromDriver(x, c.elem)
		if err != nil {
			return out, err
		}
		p := reflect.New(c.elem.t)
		p.Elem().Set(e)
		out.Set(p)
	case kNull:
		e, err := fromDriver(x, c.elem)
		if err != nil {
			return out, err
		}
		out.Field(0).Set(e)
		out.Field(1).SetBool(true)
	case kStruct:
		m, ok := x.(map[string]any)
		if !ok {
			return out, fmt.Errorf("%T for %s", x, c.t)
		}
		for _, f := range c.fields {
			e, err := fromDriver(m[f.name], f.codec)
			if err != nil {
				return out, fmt.Errorf("%s: %w", f.goName, err)
			}
			out.FieldByIndex(f.index).Set(e)
		}
	case kList, kArray:
		l, ok := x.([]any)
		if !ok {
			return out, fmt.Errorf("%T for %s", x, c.t)
		}
		if c.kind == kList {
			out.Set(reflect.MakeSlice(c.t, len(l), len(l)))
		} else if len(l) != c.t.Len() {
			return out, fmt.Errorf("%d elements for %s", len(l), c.t)
		}
		for i, e := range l {
			v, err := fromDriver(e, c.elem)
			if err != nil {
				return out, fmt.Errorf("[%d]: %w", i, err)
			}
			out.Index(i).Set(v)
		}
	case kMap:
		m, ok := x.(duckdb.OrderedMap)
		if !ok {
			return out, fmt.Errorf("%T for %s", x, c.t)
		}
		out.Set(reflect.MakeMapWithSize(c.t, m.Len()))
		vals := m.Values()
		for i, k := range m.Keys() {
			kv, err := fromDriver(k, c.key)
			if err != nil {
				return out, err
			}
			vv, err := fromDriver(vals[i], c.val)
			if err != nil {
				return out, err
			}
			out.SetMapIndex(kv, vv)
		}
	default:
		v := reflect.ValueOf(x)
		if !v.Type().ConvertibleTo(c.t) {
			return out, fmt.Errorf("%T for %s", x, c.t)
		}
		out.Set(v.Convert(c.t))
	}
	return out, nil
}

// diff describes the first difference between two []diffRow, or "".
func diff(rt *rowType, got, want []diffRow) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d rows, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := reflect.ValueOf(got[i]), reflect.ValueOf(want[i])
		for _, f := range rt.fields {
			if gv, wv := g.FieldByIndex(f.index).Interface(), w.FieldByIndex(f.index).Interface(); !reflect.DeepEqual(gv, wv) {
				return fmt.Sprintf("row %d, field %s: got %#v, want %#v", i, f.goName, gv, wv)
			}
		}
	}
	return ""
}

// roundTrip stores rows through the fast path and checks them three ways:
// loaded by the fast path, scanned by database/sql, and, written again by
// duckdb-go's Appender, loaded by the fast path.
func roundTrip(t testing.TB, m *Manager, stored, want []diffRow) {
	t.Helper()
	ctx := context.Background()
	rt, err := rowTypeOf(reflect.TypeFor[[]diffRow]())
	require.NoError(t, err)
	require.NoError(t, store(t, m, "fast", stored))

	got, err := load[[]diffRow](t, m, "fast")
	require.NoError(t, err)
	if d := diff(rt, got, want); d != "" {
		t.Fatalf("fast store, fast load: %s", d)
	}

	db := sqlDB(t, m)
	rows, err := db.QueryContext(ctx, "SELECT * FROM "+m.qualified("fast"))
	require.NoError(t, err)
	scanned := []diffRow{}
	vals := make([]any, len(rt.fields))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		require.NoError(t, rows.Scan(ptrs...))
		var r diffRow
		rv := reflect.ValueOf(&r).Elem()
		for i, f := range rt.fields {
			v, err := fromDriver(vals[i], f.codec)
			require.NoError(t, err, "row %d, column %s", len(scanned), f.name)
			rv.FieldByIndex(f.index).Set(v)
		}
		scanned = append(scanned, r)
	}
	require.NoError(t, rows.Err())
	require.NoError(t, rows.Close())
	if d := diff(rt, scanned, want); d != "" {
		t.Fatalf("fast store, database/sql scan: %s", d)
	}

	_, err = db.ExecContext(ctx, "CREATE OR REPLACE TABLE "+m.qualified("slow")+" AS SELECT * FROM "+m.qualified("fast")+" LIMIT 0")
	require.NoError(t, err)
	c, err := db.Conn(ctx)
	require.NoError(t, err)
	defer c.Close()
	require.NoError(t, c.Raw(func(dc any) error {
		a, err := duckdb.NewAppender(dc.(driver.Conn), "", m.schema, "slow")
		if err != nil {
			return err
		}
		args := make([]driver.Value, len(rt.fields))
		for _, r := range stored {
			rv := reflect.ValueOf(r)
			for i, f := range rt.fields {
				args[i] = toDriver(rv.FieldByIndex(f.index), f.codec)
			}
			if err := a.AppendRow(args...); err != nil {
				a.Close()
				return err
			}
		}
		return a.Close()
	}))
	got, err = load[[]diffRow](t, m, "slow")
	require.NoError(t, err)
	if d := diff(rt, got, want); d != "" {
		t.Fatalf("database/sql Appender, fast load: %s", d)
	}
}

// TestDifferential runs random rows of every supported type through the
// fast paths and through duckdb-go, at row counts around the validity
// words and the 2048-row chunks.
func TestDifferential(t *testing.T) {
	m, _ := open(t, "s")
	for i, n := range []int{0, 1, 63, 64, 65, 129, 2049} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			stored, want := rowsOf(n, func() rand.Source { return rand.NewPCG(uint64(i), 42) })
			roundTrip(t, m, stored, want)
		})
	}
}

// bytesSource draws from fuzz input, then from a counter mixed by
// SplitMix64 when the input runs out (a source of zeros would make
// rand's bounded draws loop).
type bytesSource struct {
	b []byte
	n uint64
}

func (s *bytesSource) Uint64() uint64 {
	if len(s.b) >= 8 {
		x := binary.LittleEndian.Uint64(s.b)
		s.b = s.b[8:]
		return x
	}
	s.b = nil
	s.n += 0x9e3779b97f4a7c15
	z := s.n
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// FuzzRoundTrip runs rows drawn from the fuzz input through the fast
// paths and duckdb-go, requiring the same values from each.
func FuzzRoundTrip(f *testing.F) {
	f.Add(uint8(1), []byte{})
	f.Add(uint8(70), []byte{})
	f.Add(uint8(3), []byte("\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff"))
	f.Add(uint8(65), []byte(strings.Repeat("\x01\x23\x45\x67\x89\xab\xcd\xef", 64)))
	m, err := New(":memory:", "s")
	require.NoError(f, err)
	f.Cleanup(func() { m.Close() })
	f.Fuzz(func(t *testing.T, n uint8, data []byte) {
		stored, want := rowsOf(int(n%130), func() rand.Source { return &bytesSource{b: data} })
		roundTrip(t, m, stored, want)
	})
}
