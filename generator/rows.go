package generator

import (
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
