package automation

import (
	"fmt"

	"github.com/assetgen/assetgen/internal/autospec"
	"github.com/assetgen/assetgen/runtime"
)

// conditionOf returns the Condition of a parsed automation= option.
func conditionOf(c autospec.Cond) Condition {
	args := func() []Condition {
		cs := make([]Condition, len(c.Args))
		for i, a := range c.Args {
			cs[i] = conditionOf(a)
		}
		return cs
	}
	switch c.Op {
	case autospec.Eager:
		return Eager()
	case autospec.OnMissing:
		return OnMissing()
	case autospec.OnCron:
		return OnCron(c.Cron, c.Zone)
	case autospec.And:
		return And(args()...)
	case autospec.Or:
		return Or(args()...)
	case autospec.Not:
		return Not(conditionOf(c.Args[0]))
	}
	panic("automation: unknown condition " + c.Op) // autospec parses no other
}

// directives adds to defs the conditions and freshness policies the
// assets declare in their directive (AssetDef.Automation and Freshness),
// and returns the problems: one that does not parse (a definition not
// written by the generator), or one declared both there and in defs.
func directives(defs *Definitions, assets []runtime.Key, g *graph) []error {
	var errs []error
	for _, k := range assets {
		a := g.defs[k]
		if a.Automation != "" {
			c, err := autospec.ParseCondition(a.Automation)
			switch {
			case err != nil:
				errs = append(errs, fmt.Errorf("condition of %s: automation=%s%s: %w", k, a.Automation, at(a.Source), err))
			case defs.Conditions[k] != nil:
				errs = append(errs, fmt.Errorf("condition of %s: declared twice: in Go (%s) and in its directive%s (automation=%s); keep one",
					k, defs.Conditions[k], at(a.Source), a.Automation))
			default:
				if defs.Conditions == nil {
					defs.Conditions = map[runtime.Key]Condition{}
				}
				defs.Conditions[k] = conditionOf(c)
			}
		}
		if a.Freshness != "" {
			f, err := autospec.ParseFreshness(a.Freshness)
			_, inGo := defs.Freshness[k]
			switch {
			case err != nil:
				errs = append(errs, fmt.Errorf("freshness of %s: freshness=%s%s: %w", k, a.Freshness, at(a.Source), err))
			case inGo:
				errs = append(errs, fmt.Errorf("freshness of %s: declared twice: in Go (%s) and in its directive%s (freshness=%s); keep one",
					k, defs.Freshness[k], at(a.Source), a.Freshness))
			default:
				if defs.Freshness == nil {
					defs.Freshness = map[runtime.Key]Freshness{}
				}
				defs.Freshness[k] = Freshness(f)
			}
		}
	}
	return errs
}

// at returns " at SOURCE", or "" when source is.
func at(source string) string {
	if source == "" {
		return ""
	}
	return " at " + source
}
