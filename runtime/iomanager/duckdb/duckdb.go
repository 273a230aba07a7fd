// Package duckdb is an I/O manager that stores asset outputs as tables of
// an embedded DuckDB database, the Go counterpart of Dagster's DuckDB I/O
// managers.
//
// An output of type []T or []*T, T a struct, becomes the whole contents of
// one table; a downstream parameter of type []U or []*U reads it back, U
// being T or any struct with a subset of its columns.
//
// # Tables
//
// Every asset gets one table in the schema given to [New] (created if
// missing; "main" when empty). The table is named after the asset key as
// written: asset people is table "people", and asset sales/eu/orders (key
// prefix sales/eu) is table "sales/eu/orders", so that every key maps to a
// distinct table. Identifiers are always quoted; asset keys are validated
// by [runtime.Key.Validate] and the schema must be a plain identifier
// ([A-Za-z_][A-Za-z0-9_]*), so no name reaches SQL unchecked.
//
// Each exported field of T is a column named by its `db:"name"` tag, else by
// the field name in snake_case (UserID -> user_id); `db:"-"` skips a field,
// and the fields of an embedded struct without a tag name are promoted: the
// rule the generator and the runtime apply too (package internal/columns).
// Columns are typed as follows:
//
//	bool                        BOOLEAN
//	int8, int16, int32          TINYINT, SMALLINT, INTEGER
//	int64, int                  BIGINT
//	uint8, uint16, uint32       UTINYINT, USMALLINT, UINTEGER
//	uint64, uint                UBIGINT
//	float32, float64            FLOAT, DOUBLE
//	string                      VARCHAR
//	[]byte, [N]byte             BLOB (an array loads only from N bytes)
//	time.Time                   TIMESTAMPTZ (microseconds; loaded in UTC)
//	time.Duration               BIGINT (nanoseconds, exact)
//	*T, sql.Null*, sql.Null[T]  T's column type, NULL when nil or not Valid
//	struct                      STRUCT (same naming rules, nested)
//	[]T, [N]T                   T[] (LIST; an array loads only from lists of N elements)
//	map[K]V                     MAP(K, V) (K a scalar type)
//
// Nil slices, []byte and maps are stored as NULL and load back as nil.
// A TIMESTAMPTZ holds an instant: a time.Time stores its instant (its zone
// is not kept, and nanoseconds are truncated to microseconds) and loads in
// UTC, so the loaded value is Equal to the stored one up to the
// microsecond. Fields of any other type (interfaces, channels, functions,
// complex numbers) make the type unstorable: [Manager.CheckType] says so
// before a run starts. There is no JSON fallback.
//
// # Store and load
//
// Store builds the new contents aside, in a table named after the asset
// with ".new" appended: CREATE TABLE with the columns of T, then a bulk
// append of every element through DuckDB's Appender (whole data chunks,
// filled column by column). Then one transaction drops the old table and
// renames the new one into its place. Readers see the old table or the new
// one; a store that fails before the swap (a value DuckDB refuses, a
// cancelled context, a killed process) leaves the previous table intact,
// and at most a ".new" table that the next store drops. Because the table
// is always recreated from T, a field added, removed or retyped simply
// changes the table's schema.
//
// Load reads the columns of the target struct, matched by name
// case-insensitively, in insertion order, in one read transaction. A field
// with no column is an error naming the table, the column and the Go
// field; a NULL into a field that cannot hold it, and a number that does
// not fit the field's type (an int64 of 300 into an int8), are errors
// naming the row (its index in the slice), the column and the field. Integer
// columns load into any integer field the values fit, FLOAT and DOUBLE into
// float32 or float64, VARCHAR and BLOB into string or []byte, any TIMESTAMP
// or DATE into time.Time, and BIGINT or INTERVAL (without months) into
// time.Duration.
//
// Loading streams DuckDB's data chunks straight into a slice allocated once
// at the table's row count, reading the vectors' memory directly (through
// DuckDB's C API) rather than scanning row by row. The strings of a load
// share 64 KiB blocks, so one retained string keeps its block alive.
//
// # Partitions
//
// A partitioned asset's table holds all its partitions, told apart by a
// partition column, marked with the comment "assetgen: partition column":
// the asset's PartitionColumn (the partition_column= option), a time.Time
// column whose instants lie in the partitions' time windows, or a string
// column holding the partition key; else a VARCHAR column "_partition"
// that the manager adds and fills with the key and that loads never read
// (no Go field name maps to it; a db tag naming it is an error).
//
// Storing a partition is one transaction: create the table on the first
// store; DELETE FROM the table WHERE the column lies in the partition
// (col >= window start AND col < window end, col = key); append the new
// rows through the Appender; stamp the partition in the Outputs table.
// Before any of it, every row's partition column is checked against the
// partition: a row outside it is an error naming the row, its value and
// the partition it does lie in, and nothing is written. A step covering
// several partitions (StoreRange) does the same for all of them in one
// transaction, each row going to the partition its column says, or, from
// a map[string][]T, each entry to its key's partition. Until the
// transaction commits, readers see every partition as it was, and a
// store that fails or dies leaves them so. A partition's data version is
// that of its rows, computed as for a whole table.
//
// Loading partitions (Load, LoadRange) is one query with the same WHERE
// over all of them (many keys are one list parameter: col IN (SELECT
// unnest(?))); the rows come partition by partition in key order, into a
// slice or, for a map[string][]T, by key. A partition that was never
// stored is an error naming it. Partition keys are always bound
// parameters, never SQL text.
//
// The table's columns are fixed while it holds partitions: a store whose
// struct has other columns is an error that lists the differences with
// the ALTER TABLE statements that migrate the table, and the DROP TABLE
// that starts it afresh (a table without rows is simply made again). A
// partition store into an unpartitioned table of the same name, an
// unpartitioned store into a partitioned table and a change of partition
// column are errors too, saying how to proceed.
//
// # Concurrency
//
// A Manager is safe for concurrent use: steps store and load different
// tables in parallel over one database handle; stores into one table
// (partitions of one asset) take turns. DuckDB allows one process to
// write a database file at a time; a second process gets an error naming
// the file after a bounded wait (see [LockWait]).
package duckdb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	bindings "github.com/duckdb/duckdb-go-bindings"
	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/assetgen/assetgen/internal/keylock"
	"github.com/assetgen/assetgen/runtime"
)

// Manager stores asset outputs as tables of one DuckDB database.
type Manager struct {
	path     string
	schema   string
	lockWait time.Duration
	config   string // DuckDB settings, as a DSN's query: "memory_limit=256MB"

	openMu    sync.Mutex // guards connector, db and closed
	connector *duckdb.Connector
	db        *sql.DB
	closed    bool

	mu     sync.Mutex
	locks  keylock.Map                         // per table: stores of one table run one at a time
	stamps map[string]map[string]runtime.Stamp // by table and partition ("" when unpartitioned), loaded on the first Stamp; nil until then
}

var (
	_ runtime.IOManager    = (*Manager)(nil)
	_ runtime.RangeStorer  = (*Manager)(nil)
	_ runtime.RangeLoader  = (*Manager)(nil)
	_ runtime.TypeChecker  = (*Manager)(nil)
	_ runtime.Stamped      = (*Manager)(nil)
	_ runtime.ShareChecker = (*Manager)(nil)
	_ runtime.StreamStorer = (*Manager)(nil)
	_ runtime.StreamLoader = (*Manager)(nil)
)

// CheckShared returns an error: a DuckDB file has a single writer, one
// process of one machine, so steps on several machines cannot store into
// it.
func (m *Manager) CheckShared() error {
	return fmt.Errorf("DuckDB file %s has a single writer, so steps on several machines cannot store into it: use the blob I/O manager (runtime/iomanager/blob), whose Parquet objects DuckDB reads with read_parquet", m.path)
}

// Outputs is the table, in the manager's schema, that stamps every stored
// table (see Manager.Stamp): asset_key, partition_key, run_id,
// data_version, stored_at. A store updates its row in the transaction that
// swaps the table in. Its name has a dot, which no asset key has, so no
// asset's table can take it.
const Outputs = "_assetgen.outputs"

// Option configures a Manager.
type Option func(*options)

type options struct {
	lockWait    time.Duration
	memoryLimit string
}

// LockWait sets how long opening the database retries while another
// process holds the file's lock before giving up; the default is 5 seconds.
// Zero tries once.
func LockWait(d time.Duration) Option {
	return func(o *options) { o.lockWait = d }
}

// MemoryLimit caps the memory of DuckDB's buffer manager, as its
// memory_limit setting does: "256MB", "2GiB" (the default is DuckDB's, 80%
// of the machine's memory). Beyond it, DuckDB evicts data already written
// to the database file and spills what it must keep to temporary files
// (in the directory of its temp_directory setting: the database file's
// path with ".tmp" appended, or ".tmp" in the working directory for an
// in-memory database). With streams (see runtime.StreamStorer), a store
// or load of a table larger than memory then runs in the limit plus
// DuckDB's fixed overhead. The limit is set when the database is opened:
// the first manager to open a file in a process sets it for every other.
// A limit DuckDB does not understand fails the open, naming it.
func MemoryLimit(limit string) Option {
	return func(o *options) { o.memoryLimit = limit }
}

// New returns a manager of the DuckDB database file at path (created, with
// its directory, if missing), or of an in-memory database living until
// Close when path is ":memory:" or empty, storing tables in schema ("main"
// when empty; created if missing). A file is opened on first use (the first
// Store, Load or DB), not by New, so the commands of a pipeline that do not
// touch the data (list, graph, status) never wait for the lock of a process
// that is writing it; when another process holds the file, opening retries
// for the LockWait option's duration, then fails naming the file. New
// itself fails only on a malformed schema or path, or a schema named like
// the file (DuckDB names the database after it), and an in-memory
// database is opened at once.
func New(path, schema string, opts ...Option) (*Manager, error) {
	o := options{lockWait: 5 * time.Second}
	for _, opt := range opts {
		opt(&o)
	}
	if schema == "" {
		schema = "main"
	}
	if err := checkSchema(schema); err != nil {
		return nil, err
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("duckdb: database path %q contains '?': DuckDB would read it as options", path)
	}
	if path == "" {
		path = ":memory:"
	}
	// DuckDB names the database (its catalog) after the file; a schema of
	// that name makes every schema.table ambiguous ("Ambiguous reference
	// to catalog or schema") at the first store.
	if catalog := catalogName(path); strings.EqualFold(catalog, schema) {
		return nil, fmt.Errorf("duckdb: schema %q has the name DuckDB gives the database %s: every %s.TABLE would be ambiguous; choose another schema (or file name)", schema, path, schema)
	}
	for _, c := range o.memoryLimit {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == ' ') {
			return nil, fmt.Errorf("duckdb: invalid memory limit %q: want a size such as 256MB or 2GiB", o.memoryLimit)
		}
	}
	m := &Manager{path: path, schema: schema, lockWait: o.lockWait}
	if o.memoryLimit != "" {
		m.config = url.Values{"memory_limit": {o.memoryLimit}}.Encode()
	}
	if path == ":memory:" {
		if _, err := m.open(); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// open opens the database on first use and returns its handle. A failed
// open is not remembered: the next call tries again.
func (m *Manager) open() (*sql.DB, error) { return m.openWait(m.lockWait) }

// openWait is open, waiting at most wait for another process's lock.
func (m *Manager) openWait(wait time.Duration) (*sql.DB, error) {
	m.openMu.Lock()
	defer m.openMu.Unlock()
	if m.closed {
		return nil, fmt.Errorf("duckdb: %s: the manager is closed", m.path)
	}
	if m.db != nil {
		return m.db, nil
	}
	if m.path != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(m.path), 0o755); err != nil {
			return nil, fmt.Errorf("duckdb: %w", err)
		}
	}
	conn, err := connect(m.path, m.config, wait)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(conn)
	closeAll := func() {
		db.Close()
		conn.Close()
	}
	if err := selfChecked(); err != nil {
		closeAll()
		return nil, fmt.Errorf("duckdb: %s: %w", m.path, err)
	}
	if err := m.prepare(db); err != nil {
		closeAll()
		return nil, fmt.Errorf("duckdb: %s: %w", m.path, err)
	}
	m.connector, m.db = conn, db
	return db, nil
}

// conn takes a connection of the database, for what: the store, load or
// check it serves, which its errors start with ("duckdb: load sales
// partition 2024-01-02"). It opens the database on first use, waiting for
// another process's lock as long as LockWait says. The caller closes it.
func (m *Manager) conn(ctx context.Context, what string) (*sql.Conn, error) {
	db, err := m.open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	c, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return c, nil
}

// onConn runs f on the driver connection of c. When f fails once ctx is
// done, the error is ctx's, unless f's error already says so: DuckDB's
// "Interrupted" says less.
func onConn(ctx context.Context, c *sql.Conn, f func(dc driver.Conn) error) error {
	err := c.Raw(func(dc any) error { return f(dc.(driver.Conn)) })
	if err != nil && ctx.Err() != nil && !errors.Is(err, ctx.Err()) {
		err = ctx.Err()
	}
	return err
}

// stepContext returns c, the context of a step's store or load, or the
// background context when the caller (a test, a tool) gave none.
func stepContext(c context.Context) context.Context {
	if c == nil {
		return context.Background()
	}
	return c
}

// prepare creates the schema and the Outputs table if missing, and drops
// the ".new" tables that stores killed midway left: the process that
// opens the file holds its lock, so no store of another process can be
// building one.
func (m *Manager) prepare(db *sql.DB) error {
	if _, err := db.Exec("CREATE SCHEMA IF NOT EXISTS " + quote(m.schema)); err != nil {
		return fmt.Errorf("create schema %s: %w", m.schema, err)
	}
	if _, err := db.Exec("CREATE TABLE IF NOT EXISTS " + m.qualified(Outputs) +
		" (asset_key VARCHAR NOT NULL, partition_key VARCHAR NOT NULL, run_id VARCHAR NOT NULL, data_version VARCHAR NOT NULL, stored_at TIMESTAMPTZ NOT NULL)"); err != nil {
		return fmt.Errorf("create table %s: %w", m.display(Outputs), err)
	}
	rows, err := db.Query(`SELECT table_name FROM duckdb_tables() WHERE schema_name = ? AND ends_with(table_name, '.new')`, m.schema)
	if err != nil {
		return err
	}
	var left []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		left = append(left, name)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, name := range left {
		if _, err := db.Exec("DROP TABLE IF EXISTS " + m.qualified(name)); err != nil {
			return fmt.Errorf("drop the leftover table %s: %w", m.display(name), err)
		}
	}
	return nil
}

// Stamp returns the stamp of the table of key, or of one of its
// partitions: the run that stored it, its data version and when the store
// committed, from the Outputs table. ok is false when the table does not
// exist, the partition was never stored, or the table was stored before
// stamps were kept. A database that another process holds is not waited
// for: the error says it is locked.
func (m *Manager) Stamp(_ context.Context, key runtime.Key, partition string) (runtime.Stamp, bool, error) {
	table, err := m.Table(key)
	if err != nil {
		return runtime.Stamp{}, false, err
	}
	m.mu.Lock()
	loaded := m.stamps != nil
	m.mu.Unlock()
	if !loaded {
		if err := m.loadStamps(); err != nil {
			return runtime.Stamp{}, false, fmt.Errorf("duckdb: stamp of %s: %w", key, err)
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.stamps[table][partition]
	return st, ok, nil
}

// loadStamps reads the stamps of the tables that exist. Later stores of
// this process keep them current; no other process can write the file
// while this one has it open.
func (m *Manager) loadStamps() error {
	if m.path != ":memory:" {
		if _, err := os.Stat(m.path); errors.Is(err, os.ErrNotExist) {
			m.mu.Lock()
			if m.stamps == nil {
				m.stamps = map[string]map[string]runtime.Stamp{}
			}
			m.mu.Unlock()
			return nil // nothing stored yet: do not create the file
		}
	}
	db, err := m.openWait(0)
	if err != nil {
		return err
	}
	rows, err := db.Query(`SELECT o.asset_key, o.partition_key, o.run_id, o.data_version, o.stored_at FROM `+m.qualified(Outputs)+` o
		JOIN duckdb_tables() t ON t.schema_name = ? AND t.table_name = o.asset_key`, m.schema)
	if err != nil {
		return err
	}
	defer rows.Close()
	stamps := map[string]map[string]runtime.Stamp{}
	for rows.Next() {
		var table, partition string
		var st runtime.Stamp
		if err := rows.Scan(&table, &partition, &st.RunID, &st.DataVersion, &st.Time); err != nil {
			return err
		}
		if stamps[table] == nil {
			stamps[table] = map[string]runtime.Stamp{}
		}
		stamps[table][partition] = st
	}
	if err := rows.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	if m.stamps == nil {
		m.stamps = stamps
	}
	m.mu.Unlock()
	return nil
}

// stamped records st as the stamp of table, once its store committed; it
// replaces the stamps of any older table of that name.
func (m *Manager) stamped(table string, st runtime.Stamp) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.stamps == nil {
		return
	}
	m.stamps[table] = map[string]runtime.Stamp{"": st}
}

// stampedParts records the stamps of the partitions keys of table, once
// their store committed, with their data versions. fresh says that the
// store created the table: the stamps of any older table of that name go.
func (m *Manager) stampedParts(table string, fresh bool, keys, versions []string, runID string, at time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.stamps == nil {
		return
	}
	if fresh || m.stamps[table] == nil {
		m.stamps[table] = map[string]runtime.Stamp{}
	}
	for i, k := range keys {
		m.stamps[table][k] = runtime.Stamp{RunID: runID, DataVersion: versions[i], Time: at}
	}
}

// connect opens the database with the settings of config (a DSN's
// query), retrying for up to wait while another process holds its lock.
func connect(path, config string, wait time.Duration) (*duckdb.Connector, error) {
	deadline := time.Now().Add(wait)
	delay := 10 * time.Millisecond
	dsn := path
	if config != "" {
		dsn += "?" + config
	}
	for {
		c, err := duckdb.NewConnector(dsn, nil)
		if err == nil {
			return c, nil
		}
		if !isLockError(err) {
			return nil, fmt.Errorf("duckdb: open %s: %w", path, err)
		}
		if time.Now().Add(delay).After(deadline) {
			return nil, fmt.Errorf("duckdb: open %s: the database file is locked by another process (waited %s): %w", path, wait, err)
		}
		time.Sleep(delay)
		delay = min(2*delay, 500*time.Millisecond)
	}
}

func isLockError(err error) bool {
	s := err.Error()
	return strings.Contains(s, "Could not set lock") || strings.Contains(s, "Conflicting lock")
}

// Close closes the database, if it was opened. Stores and loads must have
// returned.
func (m *Manager) Close() error {
	m.openMu.Lock()
	defer m.openMu.Unlock()
	m.closed = true
	if m.db == nil {
		return nil
	}
	err := m.db.Close()
	if cerr := m.connector.Close(); err == nil {
		err = cerr
	}
	m.db, m.connector = nil, nil
	return err
}

// DB returns the database handle, for queries of one's own, opening the
// database if this is its first use.
func (m *Manager) DB() (*sql.DB, error) { return m.open() }

// Schema returns the schema the tables are stored in.
func (m *Manager) Schema() string { return m.schema }

// Table returns the table that stores key, or an error when key is not a
// valid asset key.
func (m *Manager) Table(key runtime.Key) (string, error) {
	if err := key.Validate(); err != nil {
		return "", fmt.Errorf("duckdb: %w", err)
	}
	return string(key), nil
}

// qualified returns schema.table, quoted.
func (m *Manager) qualified(table string) string {
	return quote(m.schema) + "." + quote(table)
}

// display returns schema.table as a person reads it.
func (m *Manager) display(table string) string {
	if runtime.ValidName(table) {
		return m.schema + "." + table
	}
	return m.schema + "." + quote(table)
}

// CheckType reports whether Store can store values of type t: slices of
// structs ([]T or []*T) whose fields all have a column type, or maps of
// such slices keyed by partition (map[string][]T), which only partitioned
// assets store.
func (m *Manager) CheckType(t reflect.Type) error {
	if t == nil {
		return nil
	}
	if _, err := rowTypeOf(rowsType(t)); err != nil {
		// The caller names the type (Definitions.Validate says "cannot
		// store its output type T: ..."): give only the reason.
		if reason, ok := strings.CutPrefix(err.Error(), t.String()+": "); ok {
			return errors.New(reason)
		}
		return err
	}
	return nil
}

// Store replaces the table of out.Key with value, a []T or []*T, and
// reports the metadata "table" (schema.table), "rows" (the row count) and
// "columns" ("name TYPE" for each, as DuckDB names the types). Its data
// version is a 64-bit checksum of the columns and of the values as stored
// (maps in key order): equal contents give equal versions, in any
// process, whether stored from a slice or from a stream. It logs through
// out.Log when the new table's columns differ from the old one's.
//
// For a step of a partitioned asset (out.Partition set), Store replaces
// the rows of that partition only, as the package documentation says,
// and adds the metadata "partition_column"; value may also be a
// map[string][]T holding the partition's rows under its key.
func (m *Manager) Store(out *runtime.OutputContext, value any) error {
	if value == nil {
		return fmt.Errorf("duckdb: store %s: no value (a nil interface) to store", out.Key)
	}
	rv := reflect.ValueOf(value)
	if out.Partition != "" || out.Partitions.Len() > 0 {
		return m.storeParts(out, source{value: rv})
	}
	rt, err := rowTypeOf(rowsType(rv.Type()))
	if err != nil {
		return fmt.Errorf("duckdb: store %s: %w", out.Key, err)
	}
	if rv.Kind() == reflect.Map {
		return fmt.Errorf("duckdb: store %s: a %s holds rows by partition key, the output of a partitioned asset, and the step has no partition", out.Key, rv.Type())
	}
	return m.storeTable(out, rt, source{value: rv})
}

// StoreStream stores the stream rows as Store stores a slice, holding one
// data chunk of rows at a time: it appends the rows as they come, in data
// chunks, to the side table (or, for partitions, to the table in the
// store's transaction), and swaps the table in (or commits) only once the
// stream has ended. A stream that fails leaves the table as it was.
//
// Rows of a step covering several partitions (out.Partitions) go to the
// partition their partition column says, each partition's rows together
// (the runtime checks both, and so does the manager as it appends); the
// whole range is one transaction.
func (m *Manager) StoreStream(out *runtime.OutputContext, rows *runtime.Rows) error {
	if out.Partition != "" || out.Partitions.Len() > 0 {
		return m.storeParts(out, source{stream: rows})
	}
	rt, err := rowTypeOf(rows.Type())
	if err != nil {
		return fmt.Errorf("duckdb: store %s: %w", out.Key, err)
	}
	return m.storeTable(out, rt, source{stream: rows})
}

// storeTable replaces the table of out.Key, unpartitioned, with the rows
// of src, rows of rt.
func (m *Manager) storeTable(out *runtime.OutputContext, rt *rowType, src source) error {
	table, err := m.Table(out.Key)
	if err != nil {
		return err
	}
	ctx := stepContext(out.Context)
	l := m.locks.Get(table)
	l.Lock()
	defer l.Unlock()

	what := fmt.Sprintf("duckdb: store %s", out.Key)
	c, err := m.conn(ctx, what)
	if err != nil {
		return err
	}
	defer c.Close()
	var old, cols []string
	var n int
	st := runtime.Stamp{RunID: out.RunID}
	err = onConn(ctx, c, func(dc driver.Conn) error {
		var err error
		old, cols, n, err = m.store(ctx, dc, table, rt, src, &st)
		return err
	})
	if err != nil {
		return fmt.Errorf("%s into %s: %w", what, m.display(table), err)
	}
	if old != nil && !slices.Equal(old, cols) && out.Log != nil {
		out.Log.Info("duckdb: table recreated with a new schema", "table", m.display(table), "old", strings.Join(old, ", "), "new", strings.Join(cols, ", "))
	}
	out.AddMetadata("table", m.display(table))
	out.AddMetadata("rows", n)
	out.AddMetadata("columns", cols)
	out.SetDataVersion(st.DataVersion)
	return nil
}

// StoreRange stores value as the partitions of a step covering several,
// out.Partitions, in one transaction (see Store); value is a []T or []*T,
// each row stored in the partition its partition column says, or a
// map[string][]T keyed by partition.
func (m *Manager) StoreRange(out *runtime.OutputContext, value any) error {
	if out.Partition == "" && out.Partitions.Len() == 0 {
		return fmt.Errorf("duckdb: store %s: a range store without partitions", out.Key)
	}
	if value == nil {
		return fmt.Errorf("duckdb: store %s: no value (a nil interface) to store", out.Key)
	}
	return m.storeParts(out, source{value: reflect.ValueOf(value)})
}

// store replaces the table on dc. It builds the new contents aside, in
// table ".new" (a name no asset key can have), and then, in one
// transaction, drops the old table, renames the new one into its place
// and stamps it in the Outputs table: until that commits, the old table
// and its stamp are untouched, and a store that fails or dies before it
// leaves at most the ".new" table behind, which the next store of the
// asset, or the next open of the file, drops. (Appending outside a
// transaction is also markedly cheaper in DuckDB than appending to a table
// created in the same transaction.) st holds the run ID; store sets its
// data version (of the new contents) and time. It returns the columns
// ("name TYPE") of the table it replaced (nil if there was none) and of
// the new one, and the number of rows stored.
func (m *Manager) store(ctx context.Context, dc driver.Conn, table string, rt *rowType, src source, st *runtime.Stamp) (old, cols []string, n int, err error) {
	exec := func(q string, args ...driver.NamedValue) error {
		_, err := dc.(driver.ExecerContext).ExecContext(ctx, q, args)
		return err
	}
	raw, err := rawConn(dc)
	if err != nil {
		return nil, nil, 0, err
	}
	have, err := describe(raw, m.schema, table)
	if err != nil {
		return nil, nil, 0, err
	}
	for _, c := range have {
		if c.marked {
			stored, err := m.storedCount(raw, table)
			if err != nil {
				return nil, nil, 0, err
			}
			return nil, nil, 0, fmt.Errorf("table %s holds the partitions of a partitioned asset (%d stored, partition column %q), which an unpartitioned store would replace all at once: if the asset is no longer partitioned, drop the table first (DROP TABLE %s)",
				m.display(table), stored, c.name, m.qualified(table))
		}
	}
	aside := table + ".new"
	if err := exec("CREATE OR REPLACE TABLE " + m.qualified(aside) + " (" + rt.ddl() + ")"); err != nil {
		return nil, nil, 0, err
	}
	swapped := false
	defer func() {
		if !swapped {
			// Best effort: the next store drops it anyway.
			dc.(driver.ExecerContext).ExecContext(context.Background(), "DROP TABLE IF EXISTS "+m.qualified(aside), nil)
		}
	}()
	if cols, err = tableColumns(raw, m.schema, aside); err != nil {
		return nil, nil, 0, err
	}
	if st.DataVersion, n, err = appendRows(ctx, raw, m.schema, aside, strings.Join(cols, "\n"), rt, src); err != nil {
		return nil, nil, 0, err
	}
	if err := crash(stageBuilt); err != nil {
		swapped = true // a crash leaves the side table behind
		return nil, nil, 0, err
	}

	tx, err := dc.(driver.ConnBeginTx).BeginTx(ctx, driver.TxOptions{})
	if err != nil {
		return nil, nil, 0, err
	}
	st.Time = time.Now()
	if old, err = tableColumns(raw, m.schema, table); err == nil {
		err = exec("DROP TABLE IF EXISTS " + m.qualified(table))
	}
	if err == nil {
		err = exec("ALTER TABLE " + m.qualified(aside) + " RENAME TO " + quote(table))
	}
	if err == nil {
		err = exec("DELETE FROM "+m.qualified(Outputs)+" WHERE asset_key = ?",
			driver.NamedValue{Ordinal: 1, Value: table})
	}
	if err == nil {
		err = exec("INSERT INTO "+m.qualified(Outputs)+" VALUES (?, '', ?, ?, ?)",
			driver.NamedValue{Ordinal: 1, Value: table}, driver.NamedValue{Ordinal: 2, Value: st.RunID},
			driver.NamedValue{Ordinal: 3, Value: st.DataVersion}, driver.NamedValue{Ordinal: 4, Value: st.Time})
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			err = errors.Join(err, fmt.Errorf("rollback: %w", rerr))
		}
		return nil, nil, 0, err
	}
	if err := tx.Commit(); err != nil {
		return nil, nil, 0, fmt.Errorf("commit: %w", err)
	}
	swapped = true
	m.stamped(table, *st)
	if err := crash(stageCommitted); err != nil {
		return nil, nil, 0, err
	}
	return old, cols, n, nil
}

// stage is a point in a store, where tests inject crashes (see hook).
type stage int

const (
	stageBuilt     stage = iota // the ".new" table holds the new contents
	stageAppended               // a partition store appended its rows, uncommitted
	stageCommitted              // the swap (or the partition store) and the stamps have committed
)

// hook, when set by tests, runs at each stage of a store; an error stops
// the store there, leaving the database as a crash would.
var hook func(s stage) error

func crash(s stage) error {
	if hook == nil {
		return nil
	}
	return hook(s)
}

// tableColumns returns the columns of schema.table as "name TYPE", or
// nil when the table does not exist.
func tableColumns(raw bindings.Connection, schema, table string) ([]string, error) {
	have, err := describe(raw, schema, table)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, c := range have {
		out = append(out, c.name+" "+c.typ)
	}
	return out, nil
}

// Load reads the table of in.Upstream into a new value of in.Type, a []T
// or []*T; when in.Type is nil or an interface (a parameter of type any),
// into a value of the upstream's output type. Of a partitioned table, it
// reads the rows of in.UpstreamPartitions (see LoadRange).
func (m *Manager) Load(in *runtime.InputContext) (any, error) { return m.loadInput(in) }

// LoadRange reads the rows of the partitions in.UpstreamPartitions (with
// their time windows from in.UpstreamSubset) with one query, into a new
// value of in.Type: a []T or []*T receives every partition's rows,
// partition after partition in key order; a map[string][]T receives
// each partition's rows under its key. A partition that was never
// stored is an error naming it.
func (m *Manager) LoadRange(in *runtime.InputContext) (any, error) { return m.loadInput(in) }

// LoadStream hands f the rows of in.Upstream (of its partitions
// in.UpstreamPartitions, one after the other in key order), one data chunk
// at a time, decoded as Load decodes them into in.Type ([]T or []*T), in
// one slice reused from chunk to chunk: it holds a chunk of rows, however
// large the table. Each partition is read in one read transaction.
func (m *Manager) LoadStream(in *runtime.InputContext, f func(batch reflect.Value) error) error {
	table, err := m.Table(in.Upstream)
	if err != nil {
		return err
	}
	what := fmt.Sprintf("duckdb: load %s", in.Upstream)
	rt, err := rowTypeOf(in.Type)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	var ps *parts
	if in.UpstreamPartitions != nil || in.UpstreamSubset.Len() > 0 {
		if ps, err = newParts(in.UpstreamSubset, in.UpstreamPartitions); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	ctx := stepContext(in.Context)
	c, err := m.conn(ctx, what)
	if err != nil {
		return err
	}
	defer c.Close()
	read := func(one *parts) error {
		err := onConn(ctx, c, func(dc driver.Conn) error { return m.loadStream(ctx, dc, table, rt, one, f) })
		if err == nil {
			return nil
		}
		w := what
		if one != nil {
			w += " " + one.String()
		}
		return fmt.Errorf("%s from %s: %w", w, m.display(table), err)
	}
	if ps == nil {
		return read(nil)
	}
	for i := range ps.keys {
		if err := read(ps.one(i)); err != nil {
			return err
		}
	}
	return nil
}

func (m *Manager) loadInput(in *runtime.InputContext) (any, error) {
	table, err := m.Table(in.Upstream)
	if err != nil {
		return nil, err
	}
	what := fmt.Sprintf("duckdb: load %s", in.Upstream)
	t := in.Type
	if up := upstreamType(in); up != nil && (t == nil || t.Kind() == reflect.Interface && up.Implements(t)) {
		// An interface parameter (any) receives the upstream's own rows.
		t = up
	}
	rt, err := rowTypeOf(rowsType(t))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	var ps *parts
	if in.UpstreamPartitions != nil || in.UpstreamSubset.Len() > 0 {
		if ps, err = newParts(in.UpstreamSubset, in.UpstreamPartitions); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		if len(ps.keys) > 0 {
			what += " " + ps.String()
		}
	}
	byKey := t.Kind() == reflect.Map
	if byKey && ps == nil {
		return nil, fmt.Errorf("%s: a %s receives partitions by key, but the upstream is not partitioned", what, t)
	}
	if ps != nil && len(ps.keys) == 0 {
		// The mapping reads no partition (the first partition of an
		// asset that reads its previous one): nothing to query, and
		// the table may not exist yet.
		if byKey {
			return reflect.MakeMap(t).Interface(), nil
		}
		return reflect.MakeSlice(rt.slice, 0, 0).Interface(), nil
	}
	ctx := stepContext(in.Context)
	c, err := m.conn(ctx, what)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var out reflect.Value
	var counts []int
	err = onConn(ctx, c, func(dc driver.Conn) error {
		var err error
		out, counts, err = m.load(ctx, dc, table, rt, ps)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s from %s: %w", what, m.display(table), err)
	}
	if !byKey {
		return out.Interface(), nil
	}
	res := reflect.MakeMapWithSize(t, len(ps.keys))
	lo := 0
	for i, k := range ps.keys {
		hi := lo + counts[i]
		res.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), out.Slice3(lo, hi, hi))
		lo = hi
	}
	return res.Interface(), nil
}

// upstreamType returns the type of the values stored for in's upstream
// (runtime.AssetDef.StoredType: a stream's rows are a slice), or nil.
func upstreamType(in *runtime.InputContext) reflect.Type {
	if in.UpstreamDef == nil {
		return nil
	}
	return in.UpstreamDef.StoredType()
}

// checkSchema accepts plain identifiers only.
// catalogName returns the name DuckDB gives the database at path: the
// file's name without its extension, "memory" in memory.
func catalogName(path string) string {
	if path == ":memory:" {
		return "memory"
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func checkSchema(s string) error {
	ok := len(s) <= 63
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case c >= '0' && c <= '9' && i > 0:
		default:
			ok = false
		}
	}
	if !ok {
		return fmt.Errorf("duckdb: invalid schema name %q: want a letter or underscore followed by letters, digits or underscores (at most 63)", s)
	}
	return nil
}
