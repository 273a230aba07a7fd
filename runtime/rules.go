package runtime

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/assetgen/assetgen/internal/columns"
)

// EvalRules evaluates column rules over rows, a []T or []*T of a row
// struct, in Go: one result per rule, each failure with its failing row
// count and up to MaxExamples failing rows in Metadata ("failing_rows",
// "rows", "examples"). I/O managers that are not ColumnCheckers get their
// rules evaluated this way; a ColumnChecker may use it to check its
// results.
//
// The struct's fields are resolved once per column, not per cell: each
// rule reads its column through a reader made for the field's type, and
// compares values of a kind it knows (integers, floats, strings, bools)
// without boxing them.
func EvalRules(rows any, rules []*ColumnRule) ([]CheckResult, error) {
	rv := reflect.ValueOf(rows)
	if !rv.IsValid() || rv.Kind() != reflect.Slice {
		return nil, fmt.Errorf("column checks need rows ([]T), not %T", rows)
	}
	elem, ptr, ok := columns.RowOf(rv.Type())
	if !ok {
		return nil, fmt.Errorf("column checks need rows of a struct, not %s", rv.Type())
	}
	cols, err := columns.Of(elem)
	if err != nil {
		return nil, fmt.Errorf("rows of %s: %w", elem, err)
	}
	t := &table{rows: rv, ptr: ptr, cells: make([]cell, len(cols))}
	for i, c := range cols {
		t.cells[i] = newCell(c.Index, c.Type)
	}
	out := make([]CheckResult, len(rules))
	for i, r := range rules {
		if r.rowCount() {
			out[i] = RuleResult(r, 0, rv.Len(), nil)
			continue
		}
		c := slices.IndexFunc(cols, func(c columns.Column[reflect.Type]) bool { return columns.Fold(c.Name) == columns.Fold(r.Column) })
		if c < 0 {
			return nil, fmt.Errorf("check %s: %s has no column %q", r, elem, r.Column)
		}
		fails, err := t.failing(r, &t.cells[c])
		if err != nil {
			return nil, fmt.Errorf("check %s: %w", r, err)
		}
		n := 0
		var examples []map[string]string
		for row := range rv.Len() {
			if !fails(row) {
				continue
			}
			n++
			if len(examples) < MaxExamples {
				examples = append(examples, t.example(row, cols))
			}
		}
		if t.err != nil {
			return nil, fmt.Errorf("check %s: %w", r, t.err)
		}
		out[i] = RuleResult(r, n, rv.Len(), examples)
	}
	return out, nil
}

// RuleResult returns the result of rule r with n failing rows of total
// and some of them as examples (column -> value as text): what EvalRules
// reports, for ColumnCheckers to report alike. For the row counts, n is
// not used: total decides.
func RuleResult(r *ColumnRule, n, total int, examples []map[string]string) CheckResult {
	if r.rowCount() {
		res := CheckResult{Metadata: Metadata{"rows": total}}
		rows := fmt.Sprintf("%d rows", total)
		if total == 1 {
			rows = "1 row"
		}
		if r.Kind == RuleRowCountMin {
			res.Passed = float64(total) >= r.Bound
			res.Description = fmt.Sprintf("%s, at least %v wanted", rows, r.Bound)
		} else {
			res.Passed = float64(total) <= r.Bound
			res.Description = fmt.Sprintf("%s, at most %v wanted", rows, r.Bound)
		}
		return res
	}
	res := CheckResult{Passed: n == 0, Metadata: Metadata{"failing_rows": n, "rows": total}}
	if n > 0 {
		res.Metadata["examples"] = examples
	}
	what := map[RuleKind]string{
		RuleNotNull:        "NULL " + r.Column,
		RuleAcceptedValues: r.Column + " outside " + strings.Join(r.Values, "|"),
		RuleMin:            fmt.Sprintf("%s < %v", r.Column, r.Bound),
		RuleMax:            fmt.Sprintf("%s > %v", r.Column, r.Bound),
	}[r.Kind]
	res.Description = fmt.Sprintf("%d of %d rows have %s", n, total, what)
	if r.Kind == RuleUnique {
		res.Description = fmt.Sprintf("%d of %d rows share their %s with another row", n, total, r.Column)
	}
	return res
}

// table is the rows EvalRules evaluates, with a reader per column.
type table struct {
	rows  reflect.Value // the slice
	ptr   bool          // of pointers to structs
	cells []cell        // by column
	err   error         // a value a rule could not evaluate (an interface column's)
}

// row returns row i's struct; false for a nil pointer, whose every column
// is NULL.
func (t *table) row(i int) (reflect.Value, bool) {
	e := t.rows.Index(i)
	if t.ptr {
		if e.IsNil() {
			return reflect.Value{}, false
		}
		e = e.Elem()
	}
	return e, true
}

// get returns the value of column c in row i, and whether it is NULL.
func (t *table) get(i int, c *cell) (reflect.Value, bool) {
	e, ok := t.row(i)
	if !ok {
		return reflect.Value{}, true
	}
	return c.read(e)
}

// example returns row i as text, by column name.
func (t *table) example(i int, cols []columns.Column[reflect.Type]) map[string]string {
	ex := make(map[string]string, len(cols))
	for j, c := range cols {
		v, null := t.get(i, &t.cells[j])
		if null {
			ex[c.Name] = "NULL"
		} else {
			ex[c.Name] = fmt.Sprint(v.Interface())
		}
	}
	return ex
}

// cell reads one column of a row struct: the field at index, unwrapped
// of pointers and database/sql's Null types as its static type says
// (through cellOf when an interface is on the way).
type cell struct {
	index   []int
	unwrap  []bool       // per step: true for a pointer, false for a Null type
	dynamic bool         // an interface on the way: unwrap with cellOf
	typ     reflect.Type // the value's type, when not dynamic
}

func newCell(index []int, t reflect.Type) cell {
	c := cell{index: index}
	for {
		switch {
		case t.Kind() == reflect.Interface:
			c.dynamic = true
			return c
		case t.Kind() == reflect.Pointer:
			c.unwrap, t = append(c.unwrap, true), t.Elem()
		case columns.IsSQLNull(t):
			c.unwrap, t = append(c.unwrap, false), t.Field(0).Type
		default:
			c.typ = t
			return c
		}
	}
}

// read returns the column's value in row, and whether it is NULL.
func (c *cell) read(row reflect.Value) (reflect.Value, bool) {
	var v reflect.Value
	if len(c.index) == 1 {
		v = row.Field(c.index[0])
	} else {
		v = row.FieldByIndex(c.index)
	}
	if c.dynamic {
		return cellOf(v)
	}
	for _, ptr := range c.unwrap {
		if ptr {
			if v.IsNil() {
				return reflect.Value{}, true
			}
			v = v.Elem()
		} else {
			if !v.Field(1).Bool() {
				return reflect.Value{}, true
			}
			v = v.Field(0)
		}
	}
	return v, false
}

// failing returns whether each row fails r, a rule on column c.
func (t *table) failing(r *ColumnRule, c *cell) (func(row int) bool, error) {
	switch r.Kind {
	case RuleNotNull:
		return func(row int) bool { _, null := t.get(row, c); return null }, nil
	case RuleUnique:
		return t.duplicates(c), nil
	case RuleAcceptedValues:
		return t.outside(c, r.Values), nil
	case RuleMin, RuleMax:
		num, err := number(c, r)
		if err != nil {
			return nil, err
		}
		return func(row int) bool {
			v, null := t.get(row, c)
			if null {
				return false
			}
			f, err := num(v)
			if err != nil {
				t.err = err
				return false
			}
			if r.Kind == RuleMin {
				return f < r.Bound
			}
			return f > r.Bound
		}, nil
	}
	return nil, fmt.Errorf("unknown rule %q", r.Kind)
}

// number returns what reads a value of column c as a number, or an error
// when the column holds no numbers.
func number(c *cell, r *ColumnRule) (func(reflect.Value) (float64, error), error) {
	generic := func(v reflect.Value) (float64, error) {
		switch {
		case v.CanInt():
			return float64(v.Int()), nil
		case v.CanUint():
			return float64(v.Uint()), nil
		case v.CanFloat():
			return v.Float(), nil
		}
		return 0, fmt.Errorf("column %s is of type %s, not a number", r.Column, v.Type())
	}
	if c.dynamic {
		return generic, nil
	}
	if _, err := generic(reflect.Zero(c.typ)); err != nil {
		return nil, err
	}
	switch c.typ.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(v reflect.Value) (float64, error) { return float64(v.Int()), nil }, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(v reflect.Value) (float64, error) { return float64(v.Uint()), nil }, nil
	}
	return func(v reflect.Value) (float64, error) { return v.Float(), nil }, nil
}

// duplicates returns whether each row's value of column c is also
// another row's (NULLs never are): values of an ordered kind are sorted
// and compared with their neighbours (a million distinct ids cost one
// sort, not a million-entry map); others are counted in a map.
func (t *table) duplicates(c *cell) func(row int) bool {
	kind := reflect.Invalid
	if !c.dynamic {
		kind = c.typ.Kind()
	}
	switch kind {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return sortedDups(t, c, reflect.Value.Int)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return sortedDups(t, c, reflect.Value.Uint)
	case reflect.Float32, reflect.Float64:
		return sortedDups(t, c, reflect.Value.Float)
	case reflect.String:
		return sortedDups(t, c, reflect.Value.String)
	case reflect.Bool:
		return dups(t, c, reflect.Value.Bool)
	}
	return dups(t, c, key)
}

// sortedDups finds the values of column c, as k reads them, that occur
// twice or more by sorting them, and returns whether each row's is one.
// NaNs, equal to nothing, are never duplicates, as in a map.
func sortedDups[K cmp.Ordered](t *table, c *cell, k func(reflect.Value) K) func(row int) bool {
	vals := make([]K, 0, t.rows.Len())
	for row := range t.rows.Len() {
		if v, null := t.get(row, c); !null {
			vals = append(vals, k(v))
		}
	}
	slices.Sort(vals)
	dup := map[K]bool{}
	for i := 1; i < len(vals); i++ {
		if vals[i] == vals[i-1] {
			dup[vals[i]] = true
		}
	}
	if len(dup) == 0 {
		return func(int) bool { return false }
	}
	return func(row int) bool {
		v, null := t.get(row, c)
		return !null && dup[k(v)]
	}
}

// dups counts the values of column c, as k reads them, and returns
// whether each row's occurs twice or more.
func dups[K comparable](t *table, c *cell, k func(reflect.Value) K) func(row int) bool {
	count := make(map[K]int32)
	for row := range t.rows.Len() {
		if v, null := t.get(row, c); !null {
			count[k(v)]++
		}
	}
	return func(row int) bool {
		v, null := t.get(row, c)
		return !null && count[k(v)] > 1
	}
}

// key returns a comparable form of v, for unique.
func key(v reflect.Value) any {
	if v.Comparable() {
		return v.Interface()
	}
	return fmt.Sprint(v.Interface())
}

// outside returns whether each row's value of column c, as text (as
// fmt.Sprint writes it), is none of values; NULLs are not. For a type
// without methods (whose text fmt.Sprint does not take from a String
// method) of a basic kind, it compares values, not text: the accepted
// values are those whose text is one of values.
func (t *table) outside(c *cell, values []string) func(row int) bool {
	generic := func(row int) bool {
		v, null := t.get(row, c)
		return !null && !slices.Contains(values, fmt.Sprint(v.Interface()))
	}
	if c.dynamic || c.typ.NumMethod() > 0 {
		return generic
	}
	typ := c.typ
	// The text of x converted to the column's type.
	text := func(x any) string { return fmt.Sprint(reflect.ValueOf(x).Convert(typ).Interface()) }
	switch typ.Kind() {
	case reflect.String:
		return notIn(t, c, reflect.Value.String, accepted(values, func(s string) (string, bool) { return s, true }))
	case reflect.Bool:
		return notIn(t, c, reflect.Value.Bool, accepted(values, func(s string) (bool, bool) {
			b, err := strconv.ParseBool(s)
			return b, err == nil && text(b) == s
		}))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return notIn(t, c, reflect.Value.Int, accepted(values, func(s string) (int64, bool) {
			n, err := strconv.ParseInt(s, 10, typ.Bits())
			return n, err == nil && text(n) == s
		}))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return notIn(t, c, reflect.Value.Uint, accepted(values, func(s string) (uint64, bool) {
			n, err := strconv.ParseUint(s, 10, typ.Bits())
			return n, err == nil && text(n) == s
		}))
	case reflect.Float32, reflect.Float64:
		// By bits: 0 and -0 are different texts; NaN is one.
		bits := func(v reflect.Value) uint64 { return math.Float64bits(v.Float()) }
		return notIn(t, c, bits, accepted(values, func(s string) (uint64, bool) {
			f, err := strconv.ParseFloat(s, typ.Bits())
			return math.Float64bits(f), err == nil && text(f) == s
		}))
	}
	return generic
}

// accepted returns the set of the values parse accepts.
func accepted[K comparable](values []string, parse func(string) (K, bool)) map[K]bool {
	set := make(map[K]bool, len(values))
	for _, s := range values {
		if k, ok := parse(s); ok {
			set[k] = true
		}
	}
	return set
}

// notIn returns whether each row's value of column c, as k reads it, is
// outside set; NULLs are not.
func notIn[K comparable](t *table, c *cell, k func(reflect.Value) K, set map[K]bool) func(row int) bool {
	return func(row int) bool {
		v, null := t.get(row, c)
		return !null && !set[k(v)]
	}
}

// cellOf returns the value of a column's field, through pointers and
// database/sql's Null types, and whether it is NULL.
func cellOf(v reflect.Value) (reflect.Value, bool) {
	for {
		switch {
		case v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface:
			if v.IsNil() {
				return reflect.Value{}, true
			}
			v = v.Elem()
		case columns.IsSQLNull(v.Type()):
			if !v.Field(1).Bool() {
				return reflect.Value{}, true
			}
			v = v.Field(0)
		default:
			return v, false
		}
	}
}
