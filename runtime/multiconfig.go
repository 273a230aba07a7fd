package runtime

import (
	"fmt"
	"strings"
)

// configOf returns the config struct a step of a takes (nil when none),
// the section of the run config that sets it and what names its owner in
// messages: the asset's own, by its key, or for an output of a
// multi-asset, the multi-asset's, by its name (Multi.Name), one section
// for every output, as they share one call of the function.
func configOf(a *AssetDef) (def *ConfigDef, section, what string) {
	if m := a.Multi; m != nil && m.Config != nil {
		return m.Config, m.Name, "multi-asset " + m.Name
	}
	return a.Config, string(a.Key), "asset " + string(a.Key)
}

// checkMultiConfigs returns what is wrong with the config sections of the
// multi-assets of g: each needs a name that is no asset's key, no other
// multi-asset's and not one of the reserved prefixes of the config
// file, "resources" and "checks".
func checkMultiConfigs(g *Graph) []string {
	var errs []string
	byName := map[string]*Multi{}
	for _, a := range g.defs {
		if a == nil {
			continue // reported by shape
		}
		m := a.Multi
		if m == nil || m.Config == nil || byName[m.Name] == m {
			continue
		}
		name := m.Name
		switch first, ok := byName[name]; {
		case name == "":
			errs = append(errs, fmt.Sprintf("asset %s%s: its multi-asset takes config but has no Name, which names the config section", a.Key, at(a)))
		case ok:
			errs = append(errs, fmt.Sprintf("multi-asset %s (outputs %s and %s): two multi-assets named %s take config; their config sections would be one; rename one", name, joinKeys(first.Keys, ", "), joinKeys(m.Keys, ", "), name))
		case name == "resources" || name == "checks" || strings.HasPrefix(name, "resources.") || strings.HasPrefix(name, "checks."):
			errs = append(errs, fmt.Sprintf("multi-asset %s%s: its config section %q is reserved (for resources and checks); rename the function", name, at(a), name))
		default:
			if j, clash := g.Index(Key(name)); clash {
				errs = append(errs, fmt.Sprintf("multi-asset %s%s: its config section %q is the key of asset %s%s; rename the function or the asset", name, at(a), name, name, at(g.defs[j])))
			}
		}
		if _, ok := byName[name]; !ok {
			byName[name] = m
		}
	}
	return errs
}
