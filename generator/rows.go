package generator

import (
	"fmt"
	"go/types"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/internal/columns/gotypes"
)

// projects reports whether a parameter of type param may receive the rows
// of an upstream of type up, both slices of structs, by column: every
// column of param's struct must be a column of up's struct with a type
// assignable to it (Dagster's column selection, here from the type
// itself), by the rule of package columns that the table I/O managers
// load with. It returns why not: a struct without well-defined columns, or
// the first column of param that does not fit.
func projects(up, param types.Type, qual types.Qualifier) (ok bool, rows bool, why string) {
	us, _, ok1 := gotypes.RowOf(up)
	ps, _, ok2 := gotypes.RowOf(param)
	if !ok1 || !ok2 {
		return false, false, ""
	}
	want, err := gotypes.Of(ps)
	if err != nil {
		return false, true, types.TypeString(ps, qual) + ": " + err.Error()
	}
	have, err := gotypes.Of(us)
	if err != nil {
		return false, true, types.TypeString(us, qual) + ": " + err.Error()
	}
	if _, m := columns.Subset(have, want, types.AssignableTo); m != nil {
		return false, true, m.Format(func(t types.Type) string { return types.TypeString(t, qual) }, types.TypeString(us, qual))
	}
	return true, true, ""
}

// Streams of rows. An asset may return its rows as a stream, an
// iter.Seq2[T, error] (any type whose underlying type is
// func(yield func(T, error) bool), by the rule of package columns), and a
// parameter may take them so; the rows of a stream are structs, as a
// table's. A stream and a slice of rows are one table to the I/O
// managers, so a slice feeds a stream parameter and a stream a slice
// parameter, their rows checked as the rows of two slices are.

// stream returns the element type of a stream type, or nil.
func stream(t types.Type) types.Type {
	if elem, ok := gotypes.StreamOf(t); ok {
		return elem
	}
	return nil
}

// table returns the type of the rows of t as a slice: t itself for a
// slice of structs, []T for a stream of T (a struct or a pointer to one);
// nil for anything else.
func table(t types.Type) types.Type {
	if _, _, ok := gotypes.RowOf(t); ok {
		return t
	}
	if _, _, ok := gotypes.StreamRowOf(t); ok {
		return types.NewSlice(stream(t))
	}
	return nil
}

// streamProblem says what is wrong with t as a stream, after "returns" or
// "parameter p of F is": a stream of anything but structs, or an iter.Seq,
// which has no error beside each row; "" when t is no stream, or a good
// one.
func streamProblem(t types.Type, qual types.Qualifier) string {
	if elem := stream(t); elem != nil {
		if _, _, ok := gotypes.StreamRowOf(t); !ok {
			return fmt.Sprintf("a stream of %s: the rows of a stream are structs (T or *T), as a table's are", types.TypeString(elem, qual))
		}
		return ""
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && isNamed(n, "iter", "Seq") && n.TypeArgs().Len() == 1 {
		e := types.TypeString(n.TypeArgs().At(0), qual)
		return fmt.Sprintf("%s: a stream of rows is an iter.Seq2[%s, error], which yields an error beside each row", types.TypeString(t, qual), e)
	}
	return ""
}

// receiveRows is receive for an edge with a stream on either side: p
// takes the rows of one upstream partition, or of several one after the
// other (as a stream, or as a slice of them all).
func (a *analysis) receiveRows(as *asset, p *param, f fan, why string) {
	p.rows = true
	if msg := a.streamEdge(p.up, p); msg != "" {
		a.errorf(p.pos, "parameter %s of %s %s", p.name, as.fname, msg)
		return
	}
	switch {
	case f == fanOne:
		p.gather = gatherOne
	case table(p.typ) != nil:
		p.gather = gatherConcat
	case f == fanMany:
		a.several(as, p, why)
	}
}

// streamEdge checks the edge from up to p, one of which is a stream: a
// stream parameter takes the rows of a table (a slice or stream of
// structs), and a parameter fed by a stream takes its rows (a slice, or
// any type a slice of them is assignable to); rows are those of the
// upstream, or a column subset of them. It returns what is wrong, after
// "parameter p of F", or "".
func (a *analysis) streamEdge(up *asset, p *param) string {
	upRows, pRows := table(up.result), table(p.typ)
	returns := fmt.Sprintf("asset %q returns %s (declared at %s)", up.key, types.TypeString(up.result, a.qual), a.where(up))
	if upRows == nil {
		return fmt.Sprintf("is a stream of %s, but %s, which is no table of rows (a slice or a stream of structs) to stream", types.TypeString(stream(p.typ), a.qual), returns)
	}
	if stream(p.typ) == nil && types.AssignableTo(upRows, p.typ) {
		return "" // the rows as a slice, or an interface it implements
	}
	if pRows == nil {
		return fmt.Sprintf("has type %s, but %s: take its rows as a slice (%s) or a stream (iter.Seq2[%s, error])",
			types.TypeString(p.typ, a.qual), returns, types.TypeString(upRows, a.qual), types.TypeString(upRows.(*types.Slice).Elem(), a.qual))
	}
	if types.Identical(upRows, pRows) {
		return ""
	}
	if ok, _, why := projects(upRows, pRows, a.qual); !ok {
		return fmt.Sprintf("has type %s, but %s, and its rows are not a column subset of those rows: %s", types.TypeString(p.typ, a.qual), returns, why)
	}
	return ""
}
