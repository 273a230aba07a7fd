package duckdb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"
	"unsafe"

	bindings "github.com/duckdb/duckdb-go-bindings"
	duckdb "github.com/duckdb/duckdb-go/v2"
)

// The fast paths read and write DuckDB's vectors in place, through
// unsafe, on the layouts of DuckDB's C API: duckdb_string_t (16 bytes: a
// uint32 length, then up to 12 bytes inline, else a 4-byte prefix and a
// pointer at offset 8), validity masks (uint64 words, bit row%64 of word
// row/64, set when valid), duckdb_list_entry (uint64 offset and length
// into the child vector), MAP as a LIST of STRUCT(key, value),
// duckdb_interval (int32 months, int32 days, int64 micros), and the widths
// of the fixed-size types (timestamps as int64 of their unit, DATE as
// int32 days). The C API documents them, but nothing checks them at build
// time, and the connection handle is read from a private field of
// duckdb-go. So before a Manager uses a database, selfCheck runs known
// values through both paths once per process, on a private in-memory
// database (the layouts belong to the linked library, not to a file):
// values written by SQL are read through the fast load path, and values
// written through the fast store path are compared by SQL, column by
// column. A mismatch fails the open with a message naming the column and
// the row.

// selfChecked is the outcome of the self-check, run on first use.
var selfChecked = sync.OnceValue(func() error { return selfCheck(probeRows(), nil) })

// probeStruct is the STRUCT entry of the probe rows.
type probeStruct struct {
	A int32
	B string
	C []int64
}

// probe is a row of every layout the fast paths read and write.
type probe struct {
	I    int64
	S    *string
	A    string
	N    *int64
	B    bool
	I8   int8
	I16  int16
	I32  int32
	I64  int64
	U8   uint8
	U16  uint16
	U32  uint32
	U64  uint64
	F32  float32
	F64  float64
	At   time.Time
	Took time.Duration
	Blob []byte
	L    []int32
	LS   [][]string
	LN   []*int64
	M    map[string]int64
	St   *probeStruct
	Pair [2]int16
	Key  [4]byte
}

// probeRead adds the column types that only tables written by others
// have, which the load path reads too.
type probeRead struct {
	probe
	TS  time.Time
	Day time.Time
	NS  time.Time
	MS  time.Time
	Sec time.Time
	Iv  time.Duration
}

// probeCount is the number of probe rows (range(130) in probeSQL): more
// than two validity words.
const probeCount = 130

// probeSQL creates table ref with the probe rows, computed by DuckDB from
// the formulas probeRows computes in Go.
const probeSQL = `CREATE TABLE ref AS SELECT
	i::BIGINT AS i,
	CASE WHEN i % 7 = 6 THEN NULL ELSE left(repeat('ab€', 40), (i * 5) % 37) END AS s,
	repeat('y', (i % 20)::INTEGER) AS a,
	CASE WHEN i IN (0, 1, 62, 63, 64, 65, 127, 128) THEN NULL ELSE i * 3 - 100 END AS n,
	i % 3 = 0 AS b,
	(i - 64)::TINYINT AS i8,
	(i * 250 - 16000)::SMALLINT AS i16,
	(i * 16000000 - 2000000000)::INTEGER AS i32,
	i * 70000000000000000 - 9000000000000000000 AS i64,
	(i + 120)::UTINYINT AS u8,
	(i * 500)::USMALLINT AS u16,
	(i * 33000000)::UINTEGER AS u32,
	i::UBIGINT * 140000000000000000::UBIGINT AS u64,
	(i / 4)::FLOAT AS f32,
	(i * 1.5 - 0.125)::DOUBLE AS f64,
	to_timestamp(0) + to_microseconds(1700000000000000 - i * 30000000000001) AS at,
	i * 1000000007 AS took,
	CASE WHEN i % 4 = 3 THEN NULL ELSE encode(repeat(chr((65 + i % 26)::INTEGER), (i % 20)::INTEGER)) END AS blob,
	CASE WHEN i % 5 = 4 THEN NULL ELSE list_transform(range(i % 4), x -> (x * i)::INTEGER) END AS l,
	list_transform(range(i % 3), x -> list_transform(range(x + 1), y -> repeat('q', (y * 7)::INTEGER))) AS ls,
	list_transform(range(i % 70), x -> CASE WHEN x % 3 = 0 THEN NULL ELSE x END) AS ln,
	CASE WHEN i % 6 = 5 THEN NULL ELSE map_from_entries(list_transform(range(i % 3), x -> {'k': 'key' || x, 'v': x * i})) END AS m,
	CASE WHEN i % 8 = 7 THEN NULL ELSE {'a': i::INTEGER, 'b': repeat('s', (i % 15)::INTEGER), 'c': [i, i + 1]} END AS st,
	[i::SMALLINT, (-i)::SMALLINT] AS pair,
	encode(repeat(chr((97 + i % 26)::INTEGER), 4)) AS key,
	make_timestamp(1600000000123456 + i * 77777777777) AS ts,
	DATE '1970-01-01' + (i * 400 - 20000)::INTEGER AS day,
	make_timestamp_ns(1700000000123456789 - i * 9876543210987) AS ns,
	date_trunc('millisecond', make_timestamp(1600000000123456 + i * 77777777777))::TIMESTAMP_MS AS ms,
	date_trunc('second', make_timestamp(1600000000123456 + i * 77777777777))::TIMESTAMP_S AS sec,
	to_microseconds(i * 1000003) + to_days((i % 40)::INTEGER) AS iv
FROM range(130) t(i)`

// probeRows computes the probe rows in Go, as probeSQL does in DuckDB.
func probeRows() []probeRead {
	out := make([]probeRead, probeCount)
	for n := range out {
		i := int64(n)
		p := &out[n].probe
		p.I = i
		if i%7 != 6 {
			s := string([]rune(strings.Repeat("ab€", 40))[:i*5%37])
			p.S = &s
		}
		p.A = strings.Repeat("y", int(i%20))
		switch i {
		case 0, 1, 62, 63, 64, 65, 127, 128:
		default:
			v := i*3 - 100
			p.N = &v
		}
		p.B = i%3 == 0
		p.I8, p.I16, p.I32 = int8(i-64), int16(i*250-16000), int32(i*16000000-2000000000)
		p.I64 = i*70000000000000000 - 9000000000000000000
		p.U8, p.U16, p.U32 = uint8(i+120), uint16(i*500), uint32(i*33000000)
		p.U64 = uint64(i) * 140000000000000000
		p.F32, p.F64 = float32(float64(i)/4), float64(i)*1.5-0.125
		p.At = time.UnixMicro(1700000000000000 - i*30000000000001).UTC()
		p.Took = time.Duration(i * 1000000007)
		if i%4 != 3 {
			p.Blob = make([]byte, i%20)
			for j := range p.Blob {
				p.Blob[j] = byte(65 + i%26)
			}
		}
		if i%5 != 4 {
			p.L = make([]int32, i%4)
			for x := range p.L {
				p.L[x] = int32(int64(x) * i)
			}
		}
		p.LS = make([][]string, i%3)
		for x := range p.LS {
			p.LS[x] = make([]string, x+1)
			for y := range p.LS[x] {
				p.LS[x][y] = strings.Repeat("q", y*7)
			}
		}
		p.LN = make([]*int64, i%70)
		for x := range p.LN {
			if x%3 != 0 {
				v := int64(x)
				p.LN[x] = &v
			}
		}
		if i%6 != 5 {
			p.M = map[string]int64{}
			for x := range i % 3 {
				p.M[fmt.Sprint("key", x)] = x * i
			}
		}
		if i%8 != 7 {
			p.St = &probeStruct{A: int32(i), B: strings.Repeat("s", int(i%15)), C: []int64{i, i + 1}}
		}
		p.Pair = [2]int16{int16(i), int16(-i)}
		c := byte(97 + i%26)
		p.Key = [4]byte{c, c, c, c}
		us := 1600000000123456 + i*77777777777
		r := &out[n]
		r.TS = time.UnixMicro(us).UTC()
		r.Day = time.Unix((i*400-20000)*86400, 0).UTC()
		r.NS = time.Unix(0, 1700000000123456789-i*9876543210987).UTC()
		r.MS = time.UnixMilli(us / 1000).UTC()
		r.Sec = time.Unix(us/1000000, 0).UTC()
		r.Iv = time.Duration((i%40)*86400000000+i*1000003) * time.Microsecond
	}
	return out
}

// selfCheck checks the layouts the fast paths assume on a new in-memory
// database: the fast load of the rows of probeSQL must give want, and the
// fast store of stored (want when nil) must give the rows of probeSQL.
func selfCheck(want, stored []probeRead) error {
	if stored == nil {
		stored = want
	}
	conn, err := duckdb.NewConnector(":memory:?threads=1", nil)
	if err != nil {
		return err
	}
	db := sql.OpenDB(conn)
	defer conn.Close()
	defer db.Close()
	var version string
	if err := db.QueryRow("SELECT version()").Scan(&version); err != nil {
		return err
	}
	if err := selfCheckOn(db, want, stored); err != nil {
		return fmt.Errorf("the fast paths' self-check failed on DuckDB %s: %w; this DuckDB or duckdb-go lays out vectors unlike what the fast paths assume: use the versions of assetgen's go.mod", version, err)
	}
	return nil
}

func selfCheckOn(db *sql.DB, want, stored []probeRead) error {
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, probeSQL); err != nil {
		return fmt.Errorf("create the probe table: %w", err)
	}
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	m := &Manager{path: ":memory:", schema: "main"}
	rt, err := rowTypeOf(reflect.TypeFor[[]probeRead]())
	if err != nil {
		return err
	}
	wt, err := rowTypeOf(reflect.TypeFor[[]probe]())
	if err != nil {
		return err
	}
	probes := make([]probe, len(stored))
	for i := range stored {
		probes[i] = stored[i].probe
	}
	err = onConn(ctx, c, func(dc driver.Conn) error {
		raw, err := rawConn(dc)
		if err != nil {
			return err
		}
		if err := rawCheck(raw); err != nil {
			return err
		}
		// Read: written by SQL, read by the fast path.
		got, _, err := m.load(ctx, dc, "ref", rt, nil)
		if err != nil {
			return fmt.Errorf("load: %w", err)
		}
		if got.Len() != len(want) {
			return fmt.Errorf("load: %d rows, want %d", got.Len(), len(want))
		}
		for i := range want {
			g, w := got.Index(i), reflect.ValueOf(want[i])
			for _, f := range rt.fields {
				gv, wv := g.FieldByIndex(f.index).Interface(), w.FieldByIndex(f.index).Interface()
				if !reflect.DeepEqual(gv, wv) {
					return fmt.Errorf("load: column %q, row %d: read %s, want %s", f.name, i, show(gv), show(wv))
				}
			}
		}
		// Write: written by the fast path into a table of ref's types,
		// compared by SQL.
		cols := make([]string, len(wt.fields))
		for i, f := range wt.fields {
			cols[i] = quote(f.name)
		}
		create := "CREATE TABLE w AS SELECT " + strings.Join(cols, ", ") + " FROM ref LIMIT 0"
		if _, err := dc.(driver.ExecerContext).ExecContext(ctx, create, nil); err != nil {
			return fmt.Errorf("store: %w", err)
		}
		if _, _, err := appendRows(ctx, raw, "main", "w", "", wt, source{value: reflect.ValueOf(probes)}); err != nil {
			return fmt.Errorf("store: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// One pass finds, for every column, the first row that differs.
	var q strings.Builder
	q.WriteString("SELECT count(*)")
	for _, f := range wt.fields {
		col := quote(f.name)
		q.WriteString(", min(coalesce(ref.i, w.i)) FILTER (WHERE ref." + col + " IS DISTINCT FROM w." + col + ")")
	}
	q.WriteString(" FROM ref FULL JOIN w ON ref.i = w.i")
	rows := make([]sql.NullInt64, len(wt.fields))
	dest := []any{new(int)}
	for i := range rows {
		dest = append(dest, &rows[i])
	}
	if err := db.QueryRowContext(ctx, q.String()).Scan(dest...); err != nil {
		return fmt.Errorf("store: compare: %w", err)
	}
	if n := *dest[0].(*int); n != len(want) {
		return fmt.Errorf("store: %d rows, want %d", n, len(want))
	}
	for i, f := range wt.fields {
		if !rows[i].Valid {
			continue
		}
		col := quote(f.name)
		var stored, ref sql.NullString
		if err := db.QueryRowContext(ctx, "SELECT w."+col+"::VARCHAR, ref."+col+"::VARCHAR FROM ref JOIN w ON ref.i = w.i WHERE ref.i = ?", rows[i].Int64).Scan(&stored, &ref); err != nil {
			return fmt.Errorf("store: column %q, row %d differs: %w", f.name, rows[i].Int64, err)
		}
		return fmt.Errorf("store: column %q, row %d: stored %s, want %s", f.name, rows[i].Int64, showSQL(stored), showSQL(ref))
	}
	return nil
}

// rawCheck reads the vectors of a known result as bytes, following no
// pointer before the bytes around it are checked, so that a moved layout
// fails here with a message rather than crash the fuller check.
func rawCheck(raw bindings.Connection) error {
	const q = `SELECT * FROM (VALUES (1, 'abcdefghijkl', [7::BIGINT]), (2, 'abcdefghijklm', [8, 9]), (3, NULL, NULL)) t(k, s, l) ORDER BY k`
	var res bindings.Result
	if bindings.Query(raw, q, &res) == bindings.StateError {
		msg := bindings.ResultError(&res)
		bindings.DestroyResult(&res)
		return fmt.Errorf("raw: %s", msg)
	}
	defer bindings.DestroyResult(&res)
	chunk := bindings.FetchChunk(res)
	if chunk.Ptr == nil {
		return fmt.Errorf("raw: no data chunk")
	}
	defer bindings.DestroyDataChunk(&chunk)
	if n := bindings.DataChunkGetSize(chunk); n != 3 {
		return fmt.Errorf("raw: a chunk of %d rows, want 3", n)
	}

	s := bindings.DataChunkGetVector(chunk, 1)
	slots := unsafe.Slice((*byte)(bindings.VectorGetData(s)), 48)
	if want := "\x0c\x00\x00\x00abcdefghijkl"; string(slots[:16]) != want {
		return fmt.Errorf("raw: VARCHAR: a 12-byte string is % x, want % x (uint32 length, then the bytes inline)", slots[:16], want)
	}
	if want := "\x0d\x00\x00\x00abcd"; string(slots[16:24]) != want {
		return fmt.Errorf("raw: VARCHAR: a 13-byte string starts % x, want % x (uint32 length, then a 4-byte prefix)", slots[16:24], want)
	}
	if p := *(*unsafe.Pointer)(unsafe.Pointer(&slots[24])); p == nil || string(unsafe.Slice((*byte)(p), 13)) != "abcdefghijklm" {
		return fmt.Errorf("raw: VARCHAR: a 13-byte string has no pointer to its bytes at offset 8")
	}
	if err := rawValidity("VARCHAR", s); err != nil {
		return err
	}

	l := bindings.DataChunkGetVector(chunk, 2)
	entries := unsafe.Slice((*listEntry)(bindings.VectorGetData(l)), 2)
	if entries[0] != (listEntry{offset: 0, length: 1}) || entries[1] != (listEntry{offset: 1, length: 2}) {
		words := unsafe.Slice((*uint64)(bindings.VectorGetData(l)), 4)
		return fmt.Errorf("raw: LIST: entries of words %v, want offset 0, length 1, offset 1, length 2", words)
	}
	if n := bindings.ListVectorGetSize(l); n != 3 {
		return fmt.Errorf("raw: LIST: %d elements, want 3", n)
	}
	elems := unsafe.Slice((*int64)(bindings.VectorGetData(bindings.ListVectorGetChild(l))), 3)
	if elems[0] != 7 || elems[1] != 8 || elems[2] != 9 {
		return fmt.Errorf("raw: LIST: elements %v, want [7 8 9]", elems)
	}
	return rawValidity("LIST", l)
}

// rawValidity checks that the rows 0 and 1 of v are valid and row 2 NULL.
func rawValidity(what string, v bindings.Vector) error {
	valid := bindings.VectorGetValidity(v)
	if valid == nil {
		return fmt.Errorf("raw: %s: no validity mask for a NULL", what)
	}
	if w := *(*uint64)(valid) & 7; w != 3 {
		return fmt.Errorf("raw: %s: validity bits %03b for valid, valid, NULL; want 011 (bit row%%64 of uint64 word row/64, set when valid)", what, w)
	}
	return nil
}

// show formats a Go value of the probe for a message.
func show(v any) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return "nil"
		}
		v = rv.Elem().Interface()
	}
	return fmt.Sprintf("%#v", v)
}

// showSQL formats a value read as text for a message.
func showSQL(s sql.NullString) string {
	if !s.Valid {
		return "NULL"
	}
	return fmt.Sprintf("%q", s.String)
}
