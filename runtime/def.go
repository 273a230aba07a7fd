package runtime

import (
	"reflect"
	"time"
)

// DefaultIOManager is the I/O manager key used by assets that name none.
const DefaultIOManager = "io_manager"

// DefaultGroup is the group of assets that name none.
const DefaultGroup = "default"

// AssetDef describes one asset. The generator writes one AssetDef per
// annotated function; hand-written definitions work the same way.
type AssetDef struct {
	Key         Key               // the asset's key
	Group       string            // group name; DefaultGroup when empty
	IOManager   string            // I/O manager key; DefaultIOManager when empty
	Description string            // from the function's doc comment
	CodeVersion string            // the code_version option
	Kinds       []string          // the kinds option
	Owners      []string          // the owners option
	Tags        map[string]string // the tags option
	Inputs      []Input           // upstream assets passed as parameters, in parameter order
	Deps        []Key             // ordering-only upstream assets (the deps option)
	OutputType  reflect.Type      // type of the stored value; nil when the function returns no value
	Retries     int               // extra attempts after a failure
	RetryDelay  time.Duration     // delay before the first retry; doubled on each later one, with jitter
	Timeout     time.Duration     // per-attempt time limit; zero means none
	Source      string            // "file.go:line" of the function, for messages

	// Compute loads the inputs through in, calls the asset function and
	// returns its output (nil when it has none).
	Compute func(ctx *Context, in Inputs) (any, error)
}

// Input is an upstream asset received as a function parameter.
type Input struct {
	Name string       // the parameter's name
	Key  Key          // the upstream asset
	Type reflect.Type // the parameter's type: the type the value is loaded into
}

// Upstream returns the keys of every asset a must run after: its inputs,
// then its deps, without duplicates.
func (a *AssetDef) Upstream() []Key {
	seen := make(map[Key]bool, len(a.Inputs)+len(a.Deps))
	var out []Key
	for _, in := range a.Inputs {
		if !seen[in.Key] {
			seen[in.Key] = true
			out = append(out, in.Key)
		}
	}
	for _, d := range a.Deps {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// IOManagerKey returns the I/O manager key of a, defaulting to DefaultIOManager.
func (a *AssetDef) IOManagerKey() string {
	if a.IOManager == "" {
		return DefaultIOManager
	}
	return a.IOManager
}

// GroupName returns the group of a, defaulting to DefaultGroup.
func (a *AssetDef) GroupName() string {
	if a.Group == "" {
		return DefaultGroup
	}
	return a.Group
}

// Definitions is everything needed to materialize assets: the assets and
// the I/O managers that store them, by key.
type Definitions struct {
	Assets     []*AssetDef
	IOManagers map[string]IOManager
}
