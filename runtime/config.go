package runtime

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/assetgen/assetgen/internal/confval"
	"github.com/assetgen/assetgen/internal/suggest"
)

// Config marks a struct as run config: an asset or resource provider
// taking a parameter of a struct type that embeds Config receives the
// values of the run's config for it (Dagster's Config class). Its fields
// are set by name (the `config` tag, else the field's name in
// snake_case); a `default` tag gives the value when none is given (a
// field without one is required); an `env` tag names an environment
// variable that gives the value (for resources); `secret:"true"` keeps
// the value out of every printout and record. Fields may be strings,
// bools, integers, floats, time.Duration and []string (comma-separated).
type Config struct{}

// ConfigDef describes the config struct an asset or provider takes.
type ConfigDef struct {
	Type reflect.Type      // a struct type embedding Config
	Docs map[string]string // field name -> its doc comment, from the source
}

// ConfigField is one field of a config struct.
type ConfigField struct {
	Name     string `json:"name"`              // in files and flags
	Type     string `json:"type"`              // the Go type
	Default  string `json:"default,omitempty"` // the default, as text
	Required bool   `json:"required,omitempty"`
	Env      string `json:"env,omitempty"`
	Secret   bool   `json:"secret,omitempty"`
	Doc      string `json:"doc,omitempty"`

	index []int
	kind  confval.Kind
	bits  int
}

// Fields returns the settable fields of the config struct, in order.
func (c *ConfigDef) Fields() []ConfigField {
	var out []ConfigField
	if c == nil || c.Type == nil || c.Type.Kind() != reflect.Struct {
		return nil
	}
	for i := range c.Type.NumField() {
		f := c.Type.Field(i)
		if !f.IsExported() || f.Anonymous {
			continue
		}
		name := confval.Name(f.Name, f.Tag)
		def, hasDef := f.Tag.Lookup(confval.TagDefault)
		k, bits := kindOf(f.Type)
		out = append(out, ConfigField{
			Name: name, Type: f.Type.String(), Default: def, Required: !hasDef,
			Env: f.Tag.Get(confval.TagEnv), Secret: f.Tag.Get(confval.TagSecret) == "true",
			Doc: c.Docs[f.Name], index: f.Index, kind: k, bits: bits,
		})
	}
	return out
}

// Shown returns the field's default as schemas show it: "(required)"
// without one, "***" for a secret's, then " $ENV" when it has an env tag.
func (f *ConfigField) Shown() string {
	def := "(required)"
	if !f.Required {
		def = f.Default
		if f.Secret && def != "" {
			def = "***"
		}
	}
	if f.Env != "" {
		def += " $" + f.Env
	}
	return def
}

// kindOf returns the config kind of t and its bit size.
func kindOf(t reflect.Type) (confval.Kind, int) {
	if t == reflect.TypeFor[time.Duration]() {
		return confval.Duration, 64
	}
	switch t.Kind() {
	case reflect.String:
		return confval.String, 0
	case reflect.Bool:
		return confval.Bool, 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return confval.Int, t.Bits()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return confval.Uint, t.Bits()
	case reflect.Float32, reflect.Float64:
		return confval.Float, t.Bits()
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return confval.Strings, 0
		}
	}
	return confval.Invalid, 0
}

// ConfigError is the error of Plan (and Materialize) for a run config
// that does not fit the definitions: every problem, one a line.
type ConfigError struct{ Err error }

func (e *ConfigError) Error() string { return e.Err.Error() }
func (e *ConfigError) Unwrap() error { return e.Err }

// RunConfig holds the config values of a run, as text: by section, then
// by field name. A section is an asset's key, a multi-asset's name
// (Multi.Name), CheckSection of a check, or "resources." followed by a
// provider's name (ResourceDef.Name).
type RunConfig map[string]map[string]string

// ResourceSection returns the section of the resource provider named name.
func ResourceSection(name string) string { return "resources." + name }

// configValue is the values of one config struct: the decoded struct and
// its record (secrets masked).
type configValue struct {
	value  reflect.Value
	record map[string]string
}

// resolve decodes the values of section for c: given ones, else from the
// environment (fields with an env tag, when env is set), else defaults.
// It returns every problem, naming the field.
func (c *ConfigDef) resolve(what string, values map[string]string, env func(string) (string, bool)) (configValue, []string) {
	var errs []string
	fields := c.Fields()
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name
	}
	for name := range values {
		found := false
		for _, n := range names {
			found = found || n == name
		}
		if !found {
			errs = append(errs, fmt.Sprintf("%s: unknown config field %q%s", what, name, suggest.Hint(name, names)))
		}
	}
	v := reflect.New(c.Type).Elem()
	rec := map[string]string{}
	for _, f := range fields {
		text, ok := values[f.Name]
		if !ok && f.Env != "" && env != nil {
			text, ok = env(f.Env)
		}
		if !ok && !f.Required {
			text, ok = f.Default, true
		}
		if !ok {
			how := ""
			if f.Env != "" {
				how = " or $" + f.Env
			}
			errs = append(errs, fmt.Sprintf("%s: config field %q (%s) is required: it has no default; give it in the config file%s%s", what, f.Name, f.Type, SetHint, how))
			continue
		}
		x, err := confval.Check(f.kind, f.bits, text)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: config field %q (%s): %v", what, f.Name, f.Type, err))
			continue
		}
		fv := v.FieldByIndex(f.index)
		xv := reflect.ValueOf(x)
		fv.Set(xv.Convert(fv.Type()))
		if f.Secret {
			rec[f.Name] = "***"
		} else {
			rec[f.Name] = text
		}
	}
	sort.Strings(errs)
	return configValue{value: v, record: rec}, errs
}

// record returns the canonical JSON of a record: sorted keys.
func recordJSON(rec map[string]string) string {
	if len(rec) == 0 {
		return ""
	}
	b, _ := json.Marshal(rec) // maps marshal with sorted keys
	return string(b)
}

// SetHint ends the message of a required config field that has no
// value: the command line's other way to give it, which a caller whose
// config is only a file (the web page) drops.
const SetHint = " or with --set"

// configSection is one section of the run config: an asset's, a
// check's or a resource provider's.
type configSection struct {
	what string // "asset KEY", "check NAME of KEY", "resource NAME"
	def  *ConfigDef
	env  bool // fields may come from the environment (resources)
}

// configSections returns the sections of the run config of assets: of
// the assets when compute is set, of their checks when checks is, and
// of the resource providers those take.
func configSections(assets []*AssetDef, compute, checks bool) map[string]configSection {
	out := map[string]configSection{}
	for _, a := range assets {
		if a == nil {
			continue
		}
		if def, sec, what := configOf(a); compute && def != nil {
			out[sec] = configSection{what: what, def: def}
		}
		if !checks {
			continue
		}
		for _, c := range a.Checks {
			if c != nil && c.Config != nil {
				out[CheckSection(a.Key, c.Name)] = configSection{what: "check " + c.Name + " of " + string(a.Key), def: c.Config}
			}
		}
	}
	for name, r := range providers(assets, compute, checks) {
		if r.Config != nil {
			out[ResourceSection(name)] = configSection{what: "resource " + name, def: r.Config, env: true}
		}
	}
	return out
}

// ValidateConfig checks cfg for a run that computes the assets compute
// and runs the checks of the assets checked (see Plan; the check command
// computes nothing): every section and field named exists (among every
// asset's), every value parses, and every value the run needs (for those
// assets, checks and the resources they take) is given. The error is a
// *ConfigError listing every problem, sorted; nil when cfg fits.
func (d *Definitions) ValidateConfig(compute, checked []Key, cfg RunConfig) error {
	g := NewGraph(d.Assets)
	var c, k []int32
	for _, set := range []struct {
		keys  []Key
		nodes *[]int32
	}{{compute, &c}, {checked, &k}} {
		for _, key := range set.keys {
			if n, ok := g.Index(key); ok {
				*set.nodes = append(*set.nodes, n)
			}
		}
	}
	if err := joinSorted(d.checkConfig(g, c, k, cfg)); err != nil {
		return &ConfigError{err}
	}
	return nil
}

// checkConfig validates cfg against the config of the assets of compute,
// the checks of the assets of checked, and the resources they take:
// every section and field named exists, every value parses, every
// required value is given.
func (d *Definitions) checkConfig(g *Graph, compute, checked []int32, cfg RunConfig) []string {
	nodeDefs := func(nodes []int32) []*AssetDef {
		out := make([]*AssetDef, 0, len(nodes))
		for _, n := range nodes {
			out = append(out, g.defs[n])
		}
		return out
	}
	// The sections the run needs: its assets', its checks', and those of
	// the resources they take.
	need := configSections(nodeDefs(compute), true, false)
	maps.Copy(need, configSections(nodeDefs(checked), false, true))
	all := configSections(g.defs, true, true)
	names := make([]string, 0, len(all))
	for sec := range all {
		names = append(names, sec)
	}
	sort.Strings(names)
	var errs []string
	for sec := range cfg {
		if _, ok := all[sec]; !ok {
			what, name := "asset", sec
			switch {
			case strings.HasPrefix(sec, "resources."):
				what, name = "resource", strings.TrimPrefix(sec, "resources.")
			case strings.HasPrefix(sec, "checks."):
				what, name = "check", strings.TrimPrefix(sec, "checks.")
			}
			errs = append(errs, fmt.Sprintf("config for %s %q: it takes no config or does not exist%s", what, name, suggest.Hint(sec, names)))
		}
	}
	for sec, s := range all {
		var env func(string) (string, bool)
		if s.env {
			env = os.LookupEnv
		}
		_, es := s.def.resolve(s.what, cfg[sec], env)
		if _, needed := need[sec]; needed {
			errs = append(errs, es...)
			continue
		}
		if _, given := cfg[sec]; !given {
			continue
		}
		// A section outside the run is checked for unknown fields and
		// bad values, not for required ones.
		for _, e := range es {
			if !strings.Contains(e, "is required") {
				errs = append(errs, e)
			}
		}
	}
	sort.Strings(errs)
	return errs
}

// AssetConfig returns the config of the step's asset, decoded into T,
// the type of its ConfigDef: for an output of a multi-asset, the config
// of the multi-asset (Multi.Config). Generated Compute functions call it.
func AssetConfig[T any](c *Context) (T, error) {
	var zero T
	if c.Def == nil {
		return zero, fmt.Errorf("asset %s takes no config", c.Key)
	}
	def, sec, what := configOf(c.Def)
	if def == nil {
		return zero, fmt.Errorf("asset %s takes no config", c.Key)
	}
	return decodeConfig[T](c, def, sec, what)
}

// decodeConfig returns the values of section of the run's config, for
// def, decoded into T; what names its owner in errors.
func decodeConfig[T any](c *Context, def *ConfigDef, section, what string) (T, error) {
	var zero T
	var values map[string]string
	if opts := c.options(); opts != nil {
		values = opts.Config[section]
	}
	r, errs := def.resolve(what, values, nil)
	if len(errs) > 0 {
		return zero, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	v, ok := r.value.Interface().(T)
	if !ok {
		return zero, fmt.Errorf("%s: config is a %v, not a %T", what, def.Type, zero)
	}
	return v, nil
}

// ResourceConfig returns the config of the resource provider named name,
// decoded into T: from the run's config, else the environment, else the
// defaults. Generated Build functions call it.
func ResourceConfig[T any](r *Resources, name string) (T, error) {
	var zero T
	def := &ConfigDef{Type: reflect.TypeFor[T]()}
	r.mu.Lock()
	values := r.config[ResourceSection(name)]
	r.mu.Unlock()
	res, errs := def.resolve("resource "+name, values, os.LookupEnv)
	if len(errs) > 0 {
		return zero, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return res.value.Interface().(T), nil
}

// ConfigSchema returns the config fields of every section the assets
// take, by section: asset keys (the name of the multi-asset for its
// outputs), CheckSection(key, name) for their checks,
// and "resources.NAME" for the providers of the resources they (and
// their checks) take. It is what --config files and --set flags may set.
func ConfigSchema(assets []*AssetDef) map[string][]ConfigField {
	out := map[string][]ConfigField{}
	for sec, s := range configSections(assets, true, true) {
		out[sec] = s.def.Fields()
	}
	return out
}

// ConfigRecord returns the config a step of def runs with under cfg (nil:
// the defaults), as the history records it: JSON with sorted keys, secrets
// masked, fields without a value left out; "" when def takes no config.
// An output of a multi-asset runs with the config of its multi-asset.
func ConfigRecord(def *AssetDef, cfg RunConfig) string {
	if def == nil {
		return ""
	}
	c, sec, _ := configOf(def)
	if c == nil {
		return ""
	}
	r, _ := c.resolve("", cfg[sec], nil)
	return recordJSON(r.record)
}

// providers returns the resource providers that the assets (when compute
// is set) and their checks (when checks is) take, directly or through
// other providers, by name.
func providers(assets []*AssetDef, compute, checks bool) map[string]*ResourceDef {
	out := map[string]*ResourceDef{}
	var walk func(r *ResourceDef)
	walk = func(r *ResourceDef) {
		if r == nil || r.Name == "" || out[r.Name] != nil {
			return
		}
		out[r.Name] = r
		for _, n := range r.Needs {
			walk(n)
		}
	}
	for _, a := range assets {
		if a == nil {
			continue
		}
		if compute {
			for _, r := range a.Resources {
				walk(r)
			}
		}
		if !checks {
			continue
		}
		for _, c := range a.Checks {
			if c != nil {
				for _, r := range c.Resources {
					walk(r)
				}
			}
		}
	}
	return out
}
