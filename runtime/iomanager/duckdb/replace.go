package duckdb

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	bindings "github.com/duckdb/duckdb-go-bindings"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/runtime"
)

// storeParts stores the rows of src as the partitions of out's step:
// out.Partition, or every partition of out.Partitions. src is a []T or
// []*T, a map[string] of those keyed by partition, or a stream.
func (m *Manager) storeParts(out *runtime.OutputContext, src source) error {
	res, err := m.replaceParts(out, src)
	if err != nil {
		return err
	}
	if res.replaced > 0 && out.Log != nil {
		out.Log.Debug("duckdb: partition rows replaced", "table", res.table, "deleted", res.replaced, "inserted", res.rows)
	}
	out.AddMetadata("table", res.table)
	out.AddMetadata("rows", res.rows)
	out.AddMetadata("columns", res.columns)
	out.AddMetadata("partition_column", res.column)
	if out.Partition != "" {
		out.SetDataVersion(res.versions[0])
	} else {
		for i, k := range res.keys {
			out.SetPartitionVersion(k, res.versions[i])
		}
	}
	return nil
}

// replaceParts is storeParts, returning what it did.
func (m *Manager) replaceParts(out *runtime.OutputContext, src source) (res replaced, err error) {
	table, err := m.Table(out.Key)
	if err != nil {
		return res, err
	}
	what := fmt.Sprintf("duckdb: store %s", out.Key)
	rt, err := rowTypeOf(src.typ())
	if err != nil {
		return res, fmt.Errorf("%s: %w", what, err)
	}
	l, ps, err := outLayout(out, rt)
	if ps != nil {
		what += " " + ps.String()
	}
	if err != nil {
		return res, fmt.Errorf("%s: %w", what, err)
	}
	ctx := stepContext(out.Context)
	// fill appends the rows to a and returns each partition's version.
	var fill func(a *appender, ddl string) ([]string, int, error)
	if src.stream != nil {
		if err := ps.tellable(l, rt); err != nil {
			return res, fmt.Errorf("%s: %w", what, err)
		}
		fill = func(a *appender, ddl string) ([]string, int, error) {
			return appendStream(ctx, a, ddl, rt, l, ps, src.stream)
		}
	} else {
		groups, err := group(src.value, rt, l, ps)
		if err != nil {
			return res, fmt.Errorf("%s: %w", what, err)
		}
		fill = func(a *appender, ddl string) ([]string, int, error) {
			versions := make([]string, len(groups))
			n := 0
			for i, g := range groups {
				var err error
				if versions[i], err = a.append(ctx, ddl, ps.keys[i], g); err != nil {
					return nil, 0, err
				}
				n += g.len()
			}
			return versions, n, nil
		}
	}
	lk := m.locks.Get(table)
	lk.Lock()
	defer lk.Unlock()

	c, err := m.conn(ctx, what)
	if err != nil {
		return res, err
	}
	defer c.Close()
	err = onConn(ctx, c, func(dc driver.Conn) error {
		var err error
		res, err = m.replace(ctx, dc, table, rt, l, ps, fill, out.RunID)
		return err
	})
	if err != nil {
		return res, fmt.Errorf("%s into %s: %w", what, m.display(table), err)
	}
	res.table, res.column, res.keys = m.display(table), l.column, ps.keys
	return res, nil
}

// rowsType returns the rows' type of a stored type: S for a map[string]S,
// else t.
func rowsType(t reflect.Type) reflect.Type {
	if t != nil && t.Kind() == reflect.Map && t.Key().Kind() == reflect.String {
		return t.Elem()
	}
	return t
}

// replaced is what a partition store did.
type replaced struct {
	table    string   // schema.table
	column   string   // the partition column
	keys     []string // the partitions stored
	rows     int      // rows inserted
	replaced int      // rows deleted
	columns  []string // "name TYPE" of the table
	versions []string // of each partition
}

// replace stores the rows of the partitions of ps, which fill appends, in
// one transaction: it creates the table on the first store, deletes the
// partitions' rows, appends the new ones and stamps each partition in the
// Outputs table. Until it commits, nothing changes for any reader; a
// store that fails or dies before leaves every partition as it was.
func (m *Manager) replace(ctx context.Context, dc driver.Conn, table string, rt *rowType, l layout, ps *parts, fill func(a *appender, ddl string) ([]string, int, error), runID string) (res replaced, err error) {
	raw, err := rawConn(dc)
	if err != nil {
		return res, err
	}
	cols, err := typed(raw, rt)
	if err != nil {
		return res, err
	}
	ddl := strings.Join(cols, "\n")
	tx, err := dc.(driver.ConnBeginTx).BeginTx(ctx, driver.TxOptions{})
	if err != nil {
		return res, err
	}
	committed := false
	defer func() {
		if !committed {
			if rerr := tx.Rollback(); rerr != nil {
				err = errors.Join(err, fmt.Errorf("rollback: %w", rerr))
			}
		}
	}()
	defer interruptOnCancel(ctx, raw)()

	have, err := describe(raw, m.schema, table)
	if err != nil {
		return res, err
	}
	pos, keyCol, create, err := m.fit(raw, table, have, rt, cols, l)
	if err != nil {
		return res, err
	}
	if create {
		if err := m.create(raw, table, have != nil, rt, cols, l); err != nil {
			return res, err
		}
	} else {
		where, args := ps.where(l)
		if res.replaced, err = execute(raw, "DELETE FROM "+m.qualified(table)+" WHERE "+where, args...); err != nil {
			return res, err
		}
	}
	a, err := newAppender(raw, m.schema, table, rt, pos, keyCol)
	if err != nil {
		return res, err
	}
	defer a.destroy()
	if res.versions, res.rows, err = fill(a, ddl); err != nil {
		return res, err
	}
	if err := a.close(ctx); err != nil {
		return res, err
	}
	if err := crash(stageAppended); err != nil {
		return res, err
	}
	now := time.Now()
	cond, args := in("partition_key", ps.keys)
	if _, err := execute(raw, "DELETE FROM "+m.qualified(Outputs)+" WHERE asset_key = ? AND "+cond, append([]any{table}, args...)...); err != nil {
		return res, err
	}
	if _, err := execute(raw, "INSERT INTO "+m.qualified(Outputs)+" SELECT ?, unnest(?), ?, unnest(?), ?", table, ps.keys, runID, res.versions, now); err != nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	committed = true
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("commit: %w", err)
	}
	m.stampedParts(table, create, ps.keys, res.versions, runID, now)
	if create {
		res.columns = append(cols[:len(cols):len(cols)], keyColumns(l)...)
	} else {
		for _, c := range have {
			res.columns = append(res.columns, c.name+" "+c.typ)
		}
	}
	if err := crash(stageCommitted); err != nil {
		return res, err
	}
	return res, nil
}

// keyColumns returns the manager's partition column, "name TYPE", when l
// has it.
func keyColumns(l layout) []string {
	if l.implicit {
		return []string{implicitColumn + " VARCHAR"}
	}
	return nil
}

// create creates the table of rows of rt, partitioned as l says, after
// dropping the old one (drop: an empty table of other columns), and drops
// the stamps of partitions stored in any table of that name before.
func (m *Manager) create(raw bindings.Connection, table string, drop bool, rt *rowType, cols []string, l layout) error {
	if drop {
		if _, err := execute(raw, "DROP TABLE "+m.qualified(table)); err != nil {
			return err
		}
	}
	ddl := "CREATE TABLE " + m.qualified(table) + " (" + rt.ddl()
	if l.implicit {
		ddl += ", " + quote(implicitColumn) + " VARCHAR NOT NULL"
	}
	for _, q := range []string{
		ddl + ")",
		"COMMENT ON COLUMN " + m.qualified(table) + "." + quote(l.column) + " IS '" + partitionMarker + "'",
	} {
		if _, err := execute(raw, q); err != nil {
			return err
		}
	}
	_, err := execute(raw, "DELETE FROM "+m.qualified(Outputs)+" WHERE asset_key = ?", table)
	return err
}

// fit checks that rows of rt (columns cols, "name TYPE"), partitioned as
// l says, can be stored in the table whose columns are have (nil: no
// table), and returns the position of each field among the table's
// columns and that of the manager's partition column (-1: none). create
// is true when the table must be created: it does not exist, or holds no
// row and has other columns.
func (m *Manager) fit(raw bindings.Connection, table string, have []column, rt *rowType, cols []string, l layout) (pos []int, keyCol int, create bool, err error) {
	pos = make([]int, len(rt.fields))
	for i := range pos {
		pos[i] = i
	}
	keyCol = -1
	if l.implicit {
		keyCol = len(rt.fields)
	}
	if have == nil {
		return pos, keyCol, true, nil
	}
	var marked *column
	byName := make(map[string]int, len(have))
	for i := range have {
		byName[columns.Fold(have[i].name)] = i
		if have[i].marked {
			marked = &have[i]
		}
	}
	if marked == nil {
		return nil, 0, false, fmt.Errorf("table %s exists and is not partitioned (an unpartitioned asset stored it, or it was made by hand): a partition's rows would mix with its rows. Drop it (DROP TABLE %s) or rename it (ALTER TABLE %s RENAME TO %s), then materialize the partitions",
			m.display(table), m.qualified(table), m.qualified(table), quote(table+"_old"))
	}
	stored, err := m.storedCount(raw, table)
	if err != nil {
		return nil, 0, false, err
	}
	if columns.Fold(marked.name) != columns.Fold(l.column) {
		back := fmt.Sprintf("partition_column=%s", marked.name)
		if marked.name == implicitColumn {
			back = "no partition_column"
		}
		return nil, 0, false, fmt.Errorf("table %s is partitioned by column %q (%d stored partitions), not by %s as the asset now says: drop it (DROP TABLE %s) and materialize every partition again, or partition it as before (%s)",
			m.display(table), marked.name, stored, l.describe(), m.qualified(table), back)
	}
	var diff, alter []string
	seen := make([]bool, len(have))
	for i, f := range rt.fields {
		typ := strings.TrimPrefix(cols[i], f.name+" ")
		j, ok := byName[columns.Fold(f.name)]
		switch {
		case !ok:
			diff = append(diff, fmt.Sprintf("new column %s %s", quote(f.name), typ))
			alter = append(alter, fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s %s", m.qualified(table), quote(f.name), typ))
			continue
		case have[j].typ != typ:
			diff = append(diff, fmt.Sprintf("column %s is %s, was %s", quote(f.name), typ, have[j].typ))
			alter = append(alter, fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s TYPE %s", m.qualified(table), quote(have[j].name), typ))
		}
		pos[i], seen[j] = j, true
	}
	if l.implicit {
		keyCol = byName[implicitColumn]
		seen[keyCol] = true
		if have[keyCol].typ != "VARCHAR" {
			diff = append(diff, fmt.Sprintf("column %s is %s, not VARCHAR", quote(implicitColumn), have[keyCol].typ))
		}
	}
	for j, c := range have {
		if !seen[j] {
			diff = append(diff, fmt.Sprintf("column %s %s is gone", quote(c.name), c.typ))
			alter = append(alter, fmt.Sprintf("ALTER TABLE %s DROP COLUMN %s", m.qualified(table), quote(c.name)))
		}
	}
	if diff == nil {
		return pos, keyCol, false, nil
	}
	n, err := queryCount(raw, "SELECT count(*) FROM "+m.qualified(table))
	if err != nil {
		return nil, 0, false, err
	}
	if n == 0 {
		pos = pos[:0]
		for i := range rt.fields {
			pos = append(pos, i)
		}
		if l.implicit {
			keyCol = len(rt.fields)
		}
		return pos, keyCol, true, nil
	}
	migrate := "migrate it, keeping them (" + strings.Join(alter, "; ") + ")"
	if alter == nil {
		migrate = "fix it by hand"
	}
	return nil, 0, false, fmt.Errorf("the columns of %s differ from those of %s (%s), and it holds %d rows of %d stored partitions, which a store of other partitions cannot change: %s, or drop it (DROP TABLE %s) and materialize every partition again, or give %s its old fields back",
		rt.slice, m.display(table), strings.Join(diff, "; "), n, stored, migrate, m.qualified(table), rt.elem)
}

// storedCount returns the number of partitions of table stamped in the
// Outputs table.
func (m *Manager) storedCount(raw bindings.Connection, table string) (int, error) {
	return queryCount(raw, "SELECT count(*) FROM "+m.qualified(Outputs)+" WHERE asset_key = ? AND partition_key <> ''", table)
}

// column is a column of a table.
type column struct {
	name, typ string
	marked    bool // the partition column
}

// describe returns the columns of schema.table, or nil when the table
// does not exist.
func describe(raw bindings.Connection, schema, table string) ([]column, error) {
	rows, err := queryRows(raw, "SELECT column_name, data_type, CASE WHEN comment = ? THEN 'marked' ELSE '' END FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
		partitionMarker, schema, table)
	if err != nil {
		return nil, fmt.Errorf("list columns: %w", err)
	}
	var out []column
	for _, r := range rows {
		out = append(out, column{r[0], r[1], r[2] != ""})
	}
	return out, nil
}

// typedColumns caches typed: *rowType -> []string.
var typedColumns sync.Map

// typed returns the columns of rt as DuckDB names their types in
// duckdb_columns ("name TYPE"), in field order.
func typed(raw bindings.Connection, rt *rowType) ([]string, error) {
	if v, ok := typedColumns.Load(rt); ok {
		return v.([]string), nil
	}
	var q strings.Builder
	q.WriteString("SELECT unnest([")
	for i, f := range rt.fields {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString("typeof(NULL::" + f.codec.sql + ")")
	}
	q.WriteString("])")
	types, err := queryStrings(raw, q.String())
	if err != nil {
		return nil, err
	}
	if len(types) != len(rt.fields) {
		return nil, fmt.Errorf("%s: got %d types for %d columns", q.String(), len(types), len(rt.fields))
	}
	cols := make([]string, len(types))
	for i, f := range rt.fields {
		cols[i] = f.name + " " + types[i]
	}
	typedColumns.Store(rt, cols)
	return cols, nil
}
