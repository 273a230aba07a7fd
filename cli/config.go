package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/assetgen/assetgen/runtime"
	"go.yaml.in/yaml/v3"
)

// configFlags are materialize's --config and --set flags.
type configFlags struct {
	file string
	sets []string
}

func (c *configFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&c.file, "config", "", "read run config from `FILE` (YAML or JSON; - for stdin): a map from asset key,\n\"resources\" then provider name, or \"checks\" then asset key then check name,\nto a map of field values")
	fs.Func("set", "set one config field, `KEY.FIELD=VALUE` (resources.NAME.FIELD=VALUE for a\nresource, checks.KEY.CHECK.FIELD=VALUE for a check); repeatable, and wins over --config", func(s string) error {
		if _, _, _, err := parseSet(s); err != nil {
			return err
		}
		c.sets = append(c.sets, s)
		return nil
	})
}

// parseSet splits KEY.FIELD=VALUE.
func parseSet(s string) (section, field, value string, err error) {
	lhs, value, ok := strings.Cut(s, "=")
	i := strings.LastIndexByte(lhs, '.')
	if !ok || i <= 0 || i == len(lhs)-1 {
		return "", "", "", fmt.Errorf("want KEY.FIELD=VALUE, got %q", s)
	}
	return lhs[:i], lhs[i+1:], value, nil
}

// loadConfig returns the run config of c; false when it cannot be read
// or parsed, which it reports as an invalid config (status 1), without
// the usage that would bury the one line that matters.
func (e *env) loadConfig(c *configFlags) (runtime.RunConfig, bool) {
	name := c.file
	if e.web {
		name = "" // the page's config is no file
	}
	cfg, err := c.load(e.stdin, name)
	if err != nil {
		e.errorf("invalid config, nothing ran:\n%s", indent(err.Error()))
		return nil, false
	}
	return cfg, true
}

// load returns the run config of the flags: the file's (stdin's for
// "-"), then each --set. An error in the file is prefixed with name,
// when not empty.
func (c *configFlags) load(stdin io.Reader, name string) (runtime.RunConfig, error) {
	cfg := runtime.RunConfig{}
	if c.file != "" {
		var b []byte
		var err error
		if c.file == "-" {
			b, err = io.ReadAll(io.LimitReader(stdin, maxConfig+1))
			if err == nil && len(b) > maxConfig {
				err = fmt.Errorf("the config on stdin is larger than %d bytes", maxConfig)
			}
		} else {
			b, err = os.ReadFile(c.file)
		}
		if err != nil {
			return nil, err
		}
		if cfg, err = parseConfig(b); err != nil {
			if name == "" {
				return nil, err
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	for _, s := range c.sets {
		sec, field, value, err := parseSet(s)
		if err != nil {
			return nil, err
		}
		if cfg[sec] == nil {
			cfg[sec] = map[string]string{}
		}
		cfg[sec][field] = value
	}
	if len(cfg) == 0 {
		return nil, nil
	}
	return cfg, nil
}

// maxConfig bounds the run config read from stdin.
const maxConfig = 1 << 20

// parseConfig reads a config file: YAML, of which JSON is a subset.
func parseConfig(b []byte) (runtime.RunConfig, error) {
	var doc map[string]any
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	cfg := runtime.RunConfig{}
	var errs []string
	section := func(name string, v any) {
		m, ok := v.(map[string]any)
		if !ok {
			errs = append(errs, fmt.Sprintf("%s: want a map of field values, got %s", name, describe(v)))
			return
		}
		vals := map[string]string{}
		for f, x := range m {
			s, err := scalar(x)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s.%s: %v", name, f, err))
				continue
			}
			vals[f] = s
		}
		cfg[name] = vals
	}
	// each calls fn with each entry of v, a map of what, named name.
	each := func(name, what string, v any, fn func(string, any)) {
		m, ok := v.(map[string]any)
		if !ok {
			errs = append(errs, fmt.Sprintf("%s: want a map from %s, got %s", name, what, describe(v)))
			return
		}
		for k, x := range m {
			fn(k, x)
		}
	}
	for name, v := range doc {
		switch name {
		case "resources":
			each(name, "provider name to field values", v, func(r string, x any) { section(runtime.ResourceSection(r), x) })
		case "checks":
			each(name, "asset key to check name to field values", v, func(key string, x any) {
				each(name+"."+key, "check name to field values", x, func(c string, y any) {
					section(runtime.CheckSection(runtime.Key(key), c), y)
				})
			})
		default:
			section(name, v)
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	return cfg, nil
}

// scalar returns a value of a config file as text; a list of scalars is
// comma-separated.
func scalar(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", errors.New("no value")
	case map[string]any:
		return "", errors.New("want a value, got a map")
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			s, err := scalar(x)
			if err != nil || strings.Contains(s, ",") {
				return "", errors.New("want a list of values without commas")
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	}
	return fmt.Sprint(v), nil
}

// describe names the kind of a decoded value.
func describe(v any) string {
	switch v.(type) {
	case map[string]any:
		return "a map"
	case []any:
		return "a list"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("%q", fmt.Sprint(v))
}

// planSchema returns the config schema of the assets of keys.
func planSchema(defs *runtime.Definitions, keys []runtime.Key) map[string][]runtime.ConfigField {
	var in []*runtime.AssetDef
	for _, d := range defs.Assets {
		if d != nil && slices.Contains(keys, d.Key) {
			in = append(in, d)
		}
	}
	return runtime.ConfigSchema(in)
}

// writeSchema writes a config schema as a table, after a blank line;
// nothing when it is empty.
func writeSchema(w io.Writer, schema map[string][]runtime.ConfigField) error {
	if len(schema) == 0 {
		return nil
	}
	secs := make([]string, 0, len(schema))
	for s := range schema {
		secs = append(secs, s)
	}
	sort.Strings(secs)
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "CONFIG\tTYPE\tDEFAULT\tDOC")
	for _, s := range secs {
		for _, f := range schema[s] {
			fmt.Fprintf(tw, "%s.%s\t%s\t%s\t%s\n", s, f.Name, f.Type, cell(f.Shown()), cell(f.Doc))
		}
	}
	return tw.Flush()
}
