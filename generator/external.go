package generator

import (
	"go/ast"
	"go/types"
	"maps"
	"slices"
)

// ObservationType is the result an external asset's function returns
// with an error: func(context.Context) (runtime.Observation, error).
const ObservationType = "Observation"

// externalOptions are the options that make no sense on an external
// asset, which is observed and never materialized, with why.
var externalOptions = map[string]string{
	"code_version":     "it runs no code of the pipeline",
	"retries":          "it is never materialized",
	"retry_delay":      "it is never materialized",
	"backfill":         "it is never materialized",
	"partition_column": "it stores nothing",
	"map":              "it reads no upstream",
	"checks":           "checks run after a materialization",
	"deps":             "it reads no upstream (another system produces it)",
	"observe":          "an external asset is always observed",
	"automation":       "it is never materialized; the daemon observes it at each tick",
}

// externalFunc checks function fd of asset as when it is external (the
// external flag), or returns runtime.Observation without being so, and
// reports whether it was external: its function must be
// func(context.Context) (runtime.Observation, error), and options that
// concern materializations are errors.
func (a *analysis) externalFunc(fd *ast.FuncDecl, as *asset, sig *types.Signature) bool {
	res := sig.Results()
	observes := res.Len() > 0 && isNamed(res.At(0).Type(), RuntimePath, ObservationType)
	if !as.opts.External {
		if observes && !as.bad { // (a bad directive may have meant external)
			a.errorf(a.position(fd.Type.Results.Pos()), "asset function %s returns runtime.Observation: an external asset's function does; mark it with the external option (// asset: external)", fd.Name.Name)
			as.bad = true
			return true
		}
		return false
	}
	as.external = true
	if as.opts.Multi {
		a.errorf(a.dirPos(as, as.opts.MultiOffset), "multi does not go with external: an external asset is observed and has no outputs to compute")
		as.bad = true
		return true
	}
	good := sig.Params().Len() == 1 && isContext(sig.Params().At(0).Type()) &&
		res.Len() == 2 && observes && isError(res.At(1).Type())
	if !good {
		a.errorf(as.pos, "external asset function %s is %s; want func(ctx context.Context) (runtime.Observation, error): it observes the data another system produces",
			fd.Name.Name, types.TypeString(sig, a.qual))
		as.bad = true
		return true
	}
	v := sig.Params().At(0)
	as.params = []*param{{name: v.Name(), typ: v.Type(), pos: a.position(v.Pos()), ctx: true}}
	as.hasError = true
	for _, key := range slices.Sorted(maps.Keys(externalOptions)) {
		if off, ok := as.opts.Offsets[key]; ok {
			a.errorf(a.dirPos(as, off), "option %s does not go with external: %s", key, externalOptions[key])
			as.bad = true
		}
	}
	return true
}
