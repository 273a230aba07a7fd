package runtime

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/assetgen/assetgen/internal/columns"
)

// EvalRules evaluates column rules over rows, a []T or []*T of a row
// struct, in Go: one result per rule, each failure with its failing row
// count and up to MaxExamples failing rows in Metadata ("failing_rows",
// "rows", "examples"). I/O managers that are not ColumnCheckers get their
// rules evaluated this way; a ColumnChecker may use it to check its
// results.
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
	out := make([]CheckResult, len(rules))
	for i, r := range rules {
		c := slices.IndexFunc(cols, func(c columns.Column[reflect.Type]) bool { return columns.Fold(c.Name) == columns.Fold(r.Column) })
		if c < 0 {
			return nil, fmt.Errorf("check %s: %s has no column %q", r, elem, r.Column)
		}
		col := cols[c]
		value := func(row int) (v reflect.Value, null bool) {
			e := rv.Index(row)
			if ptr {
				if e.IsNil() {
					return reflect.Value{}, true
				}
				e = e.Elem()
			}
			return cellOf(e.FieldByIndex(col.Index))
		}
		fails := make([]bool, rv.Len())
		n := 0
		switch r.Kind {
		case RuleUnique:
			count := map[any]int{}
			for row := range fails {
				if v, null := value(row); !null {
					count[key(v)]++
				}
			}
			for row := range fails {
				if v, null := value(row); !null && count[key(v)] > 1 {
					fails[row] = true
				}
			}
		default:
			for row := range fails {
				v, null := value(row)
				fails[row], err = failsRule(r, v, null)
				if err != nil {
					return nil, fmt.Errorf("check %s: %w", r, err)
				}
			}
		}
		var examples []map[string]string
		for row, f := range fails {
			if !f {
				continue
			}
			n++
			if len(examples) < MaxExamples {
				ex := map[string]string{}
				for _, c := range cols {
					e := rv.Index(row)
					if ptr {
						e = e.Elem()
					}
					v, null := cellOf(e.FieldByIndex(c.Index))
					if null {
						ex[c.Name] = "NULL"
					} else {
						ex[c.Name] = fmt.Sprint(v.Interface())
					}
				}
				examples = append(examples, ex)
			}
		}
		out[i] = RuleResult(r, n, rv.Len(), examples)
	}
	return out, nil
}

// RuleResult returns the result of rule r with n failing rows of total
// and some of them as examples (column -> value as text): what EvalRules
// reports, for ColumnCheckers to report alike.
func RuleResult(r *ColumnRule, n, total int, examples []map[string]string) CheckResult {
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

// key returns a comparable form of v, for unique.
func key(v reflect.Value) any {
	if v.Comparable() {
		return v.Interface()
	}
	return fmt.Sprint(v.Interface())
}

// failsRule reports whether a value fails r (other than unique).
func failsRule(r *ColumnRule, v reflect.Value, null bool) (bool, error) {
	if r.Kind == RuleNotNull {
		return null, nil
	}
	if null {
		return false, nil
	}
	switch r.Kind {
	case RuleAcceptedValues:
		return !slices.Contains(r.Values, fmt.Sprint(v.Interface())), nil
	case RuleMin, RuleMax:
		var f float64
		switch {
		case v.CanInt():
			f = float64(v.Int())
		case v.CanUint():
			f = float64(v.Uint())
		case v.CanFloat():
			f = v.Float()
		default:
			return false, fmt.Errorf("column %s is of type %s, not a number", r.Column, v.Type())
		}
		if r.Kind == RuleMin {
			return f < r.Bound, nil
		}
		return f > r.Bound, nil
	}
	return false, fmt.Errorf("unknown rule %q", r.Kind)
}
