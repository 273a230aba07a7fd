package duckdb

import (
	"database/sql/driver"
	"fmt"
	"slices"
	"strconv"
	"strings"

	bindings "github.com/duckdb/duckdb-go-bindings"

	"github.com/assetgen/assetgen/runtime"
)

// CheckColumns implements runtime.ColumnChecker: it evaluates the column
// rules of an asset where its table is, in SQL, without loading the rows
// into Go: one query counts the rows and the failing rows of every rule
// but unique (in the partition's rows, for a partitioned asset), one
// more per unique rule (a sort, each row compared with its neighbours:
// cheaper than grouping a million distinct values), and one more per
// failing rule reads up to runtime.MaxExamples of them.
func (m *Manager) CheckColumns(in *runtime.InputContext, rules []*runtime.ColumnRule) ([]runtime.CheckResult, error) {
	table, err := m.Table(in.Upstream)
	if err != nil {
		return nil, err
	}
	what := fmt.Sprintf("duckdb: check %s", in.Upstream)
	var ps *parts
	if len(in.UpstreamPartitions) > 0 {
		if ps, err = newParts(in.UpstreamSubset, in.UpstreamPartitions); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		what += " " + ps.String()
	}
	ctx := stepContext(in.Context)
	c, err := m.conn(ctx, what)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var out []runtime.CheckResult
	err = onConn(ctx, c, func(dc driver.Conn) error {
		raw, err := rawConn(dc)
		if err != nil {
			return err
		}
		stop := interruptOnCancel(ctx, raw)
		defer stop()
		out, err = m.checkColumns(raw, table, ps, rules)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s in %s: %w", what, m.display(table), err)
	}
	return out, nil
}

func (m *Manager) checkColumns(raw bindings.Connection, table string, ps *parts, rules []*runtime.ColumnRule) ([]runtime.CheckResult, error) {
	cols, err := describe(raw, m.schema, table)
	if err != nil {
		return nil, err
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("no table: materialize it first")
	}
	where, args := "TRUE", []any(nil)
	if ps != nil {
		if _, err := m.stored(raw, table, ps); err != nil {
			return nil, err
		}
		var l layout
		for _, c := range cols {
			if c.marked {
				l = layout{column: c.name, time: c.typ == "TIMESTAMP WITH TIME ZONE"}
			}
		}
		if l.column == "" {
			return nil, fmt.Errorf("the table has no partition column")
		}
		where, args = ps.where(l)
	}
	from := " FROM " + m.qualified(table) + " WHERE " + where
	conds := make([]string, len(rules))
	var condArgs [][]any
	var q strings.Builder
	q.WriteString("SELECT count(*)")
	var countArgs []any
	var uniques []int // the rules counted by a query of their own
	for i, r := range rules {
		if r.Kind == runtime.RuleRowCountMin || r.Kind == runtime.RuleRowCountMax {
			condArgs = append(condArgs, nil)
			q.WriteString(", CAST(0 AS BIGINT)") // the row count decides
			continue
		}
		c, ok := columnNamed(cols, r.Column)
		if !ok {
			return nil, fmt.Errorf("check %s: the table has no column %q", r, r.Column)
		}
		col := quote(c.name)
		var a []any
		switch r.Kind {
		case runtime.RuleNotNull:
			conds[i] = col + " IS NULL"
		case runtime.RuleUnique:
			// The rows whose value another row has too; counted with one
			// aggregation rather than this join, which only finds
			// examples.
			conds[i] = col + " IN (SELECT " + col + from + " AND " + col + " IS NOT NULL GROUP BY " + col + " HAVING count(*) > 1)"
			a = args
			uniques = append(uniques, i)
		case runtime.RuleAcceptedValues:
			// As text, like the runtime's fmt.Sprint; a VARCHAR needs no
			// cast, and booleans and integers are compared as values,
			// those whose text is accepted.
			switch lits, typed := acceptedLiterals(c.typ, r.Values); {
			case typed && len(lits) == 0:
				conds[i] = col + " IS NOT NULL"
			case typed:
				conds[i] = col + " NOT IN (" + strings.Join(lits, ", ") + ")"
			case c.typ == "VARCHAR":
				conds[i] = "NOT list_contains(?, " + col + ")"
				a = []any{r.Values}
			default:
				conds[i] = "NOT list_contains(?, CAST(" + col + " AS VARCHAR))"
				a = []any{r.Values}
			}
		case runtime.RuleMin:
			conds[i] = col + " < " + strconv.FormatFloat(r.Bound, 'g', -1, 64)
		case runtime.RuleMax:
			conds[i] = col + " > " + strconv.FormatFloat(r.Bound, 'g', -1, 64)
		default:
			return nil, fmt.Errorf("unknown check %q", r.Kind)
		}
		condArgs = append(condArgs, a)
		if r.Kind == runtime.RuleUnique {
			q.WriteString(", CAST(0 AS BIGINT)")
			continue
		}
		q.WriteString(", count(*) FILTER (WHERE " + conds[i] + ")")
		countArgs = append(countArgs, a...)
	}
	counts, err := queryInts(raw, q.String()+from, append(countArgs, args...)...)
	if err != nil {
		return nil, err
	}
	for _, i := range uniques {
		c, _ := columnNamed(cols, rules[i].Column)
		col := quote(c.name)
		// In col's order, a row shares its value with another when it
		// equals a neighbour's (NULLs equal nothing).
		n, err := queryInts(raw, "SELECT count(*) FILTER (WHERE d) FROM (SELECT "+col+" = lag("+col+") OVER w OR "+col+" = lead("+col+") OVER w AS d"+from+" WINDOW w AS (ORDER BY "+col+"))", args...)
		if err != nil {
			return nil, err
		}
		counts[i+1] = n[0]
	}
	total := counts[0]
	out := make([]runtime.CheckResult, len(rules))
	for i, r := range rules {
		n := counts[i+1]
		var examples []map[string]string
		if n > 0 {
			if examples, err = m.examples(raw, cols, from, conds[i], args, condArgs[i]); err != nil {
				return nil, fmt.Errorf("check %s: %w", r, err)
			}
		}
		out[i] = runtime.RuleResult(r, n, total, examples)
	}
	return out, nil
}

// acceptedLiterals returns, for a BOOLEAN or integer column of type typ,
// the SQL literals of the values whose text (as CAST to VARCHAR writes
// it, and Go's fmt) is one of values, and true; false for other types.
func acceptedLiterals(typ string, values []string) ([]string, bool) {
	var parse func(string) bool
	switch typ {
	case "BOOLEAN":
		parse = func(v string) bool { return v == "true" || v == "false" }
	case "TINYINT", "SMALLINT", "INTEGER", "BIGINT":
		parse = func(v string) bool {
			n, err := strconv.ParseInt(v, 10, 64)
			return err == nil && strconv.FormatInt(n, 10) == v
		}
	case "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT":
		parse = func(v string) bool {
			n, err := strconv.ParseUint(v, 10, 64)
			return err == nil && strconv.FormatUint(n, 10) == v
		}
	default:
		return nil, false
	}
	var out []string
	for _, v := range values {
		if parse(v) && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out, true
}

// examples returns up to runtime.MaxExamples rows matching cond, each
// column as text ("NULL" for NULL), by column name.
func (m *Manager) examples(raw bindings.Connection, cols []column, from, cond string, args, condArgs []any) ([]map[string]string, error) {
	sel := make([]string, len(cols))
	for i, c := range cols {
		sel[i] = "COALESCE(CAST(" + quote(c.name) + " AS VARCHAR), 'NULL')"
	}
	q := "SELECT " + strings.Join(sel, ", ") + from + " AND " + cond + " LIMIT " + strconv.Itoa(runtime.MaxExamples)
	rows, err := queryRows(raw, q, append(append([]any(nil), args...), condArgs...)...)
	if err != nil {
		return nil, err
	}
	out := make([]map[string]string, len(rows))
	for i, r := range rows {
		out[i] = make(map[string]string, len(cols))
		for j, c := range cols {
			if c.name != implicitColumn {
				out[i][c.name] = r[j]
			}
		}
	}
	return out, nil
}

// columnNamed returns the table's column name, which matches it
// case-insensitively as DuckDB does.
func columnNamed(cols []column, name string) (column, bool) {
	i := slices.IndexFunc(cols, func(c column) bool { return strings.EqualFold(c.name, name) })
	if i < 0 {
		return column{}, false
	}
	return cols[i], true
}
