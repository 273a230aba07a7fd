package generator

// multiConfigs reports each multi-asset taking a config struct whose
// config section, named by its function (runtime.Multi.Name), is the key
// of an asset of the package or of a package it imports assets from, or
// a name config files reserve; the run config could not tell them apart.
func (a *analysis) multiConfigs() {
	keys := map[string]*asset{}
	for _, as := range a.assets {
		if _, dup := keys[as.key]; !dup {
			keys[as.key] = as
		}
	}
	for _, ip := range a.deps {
		for k, as := range ip.byKey {
			if _, local := keys[k]; !local {
				keys[k] = as
			}
		}
	}
	for _, as := range a.assets {
		mf := as.multi
		if mf == nil || mf.outs[0] != as {
			continue
		}
		p := configParam(as.params)
		if p == nil {
			continue
		}
		if mf.fname == "resources" || mf.fname == "checks" {
			a.errorf(p.pos, "parameter %s of multi-asset %s is a config struct, whose section would be %q, which config files keep for %s; rename the function",
				p.name, mf.fname, mf.fname, mf.fname)
			continue
		}
		if other := keys[mf.fname]; other != nil {
			a.errorf(p.pos, "parameter %s of multi-asset %s is a config struct, whose section %q is the key of asset %s, declared by %s at %s; rename the function or the asset",
				p.name, mf.fname, mf.fname, other.key, other.declarer(), a.where(other))
		}
	}
}
