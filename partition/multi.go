package partition

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/assetgen/assetgen/internal/ident"
)

// Sep separates the dimensions' keys in a multi-dimensional key, as in
// Dagster: "2024-01-01|eu".
const Sep = "|"

// Dims names the dimensions of a multi-dimensional definition.
type Dims map[string]Definition

// Multi is a multi-dimensional partitions definition: every combination
// of one key of each dimension, which may be of any kind but multi. A key
// joins the dimensions' keys with Sep in the order of the dimensions'
// names; keys come in that order too, the first dimension varying
// slowest.
type Multi struct {
	names []string // sorted
	defs  []Definition
	err   error
}

// NewMulti returns the definition whose partitions are the combinations
// of the dimensions' keys. It needs two dimensions at least, each named by
// a lower-case identifier.
func NewMulti(dims Dims) *Multi {
	m := &Multi{}
	for name := range dims {
		m.names = append(m.names, name)
	}
	slices.Sort(m.names)
	for _, name := range m.names {
		m.defs = append(m.defs, dims[name])
	}
	m.err = m.check()
	if m.err != nil {
		m.err = fmt.Errorf("%s: %w", m, m.err)
	}
	return m
}

func (m *Multi) check() error {
	if len(m.names) < 2 {
		return fmt.Errorf("%d dimension(s): a multi-dimensional definition needs two at least", len(m.names))
	}
	for i, name := range m.names {
		if !ident.ValidName(name) {
			return fmt.Errorf("dimension %q: invalid name: want a lower-case identifier of letters, digits and underscores", name)
		}
		d := m.defs[i]
		if d == nil {
			return fmt.Errorf("dimension %s: no definition", name)
		}
		if d.Kind() == KindMulti {
			return fmt.Errorf("dimension %s: a dimension cannot be multi-dimensional itself; list its dimensions instead", name)
		}
		if err := d.Err(); err != nil {
			return fmt.Errorf("dimension %s: %w", name, err)
		}
	}
	return nil
}

// Kind returns KindMulti.
func (m *Multi) Kind() Kind { return KindMulti }

// Err returns the definition's error, or nil.
func (m *Multi) Err() error { return m.err }

// Names returns the dimensions' names, sorted. The caller must not change
// them.
func (m *Multi) Names() []string { return m.names }

// Dim returns the definition of the named dimension, or nil.
func (m *Multi) Dim(name string) Definition {
	if i, ok := slices.BinarySearch(m.names, name); ok {
		return m.defs[i]
	}
	return nil
}

// String returns the Go call that makes m.
func (m *Multi) String() string {
	var b strings.Builder
	b.WriteString("NewMulti(Dims{")
	for i, name := range m.names {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q: %v", name, m.defs[i])
	}
	b.WriteString("})")
	return b.String()
}

// Join returns the key of the partition with these keys by dimension.
func (m *Multi) Join(byDim map[string]string) (string, error) {
	parts := make([]string, len(m.names))
	for i, name := range m.names {
		k, ok := byDim[name]
		if !ok {
			return "", fmt.Errorf("no key for dimension %s", name)
		}
		parts[i] = k
	}
	for name := range byDim {
		if m.Dim(name) == nil {
			return "", fmt.Errorf("unknown dimension %q (dimensions: %s)", name, strings.Join(m.names, ", "))
		}
	}
	return strings.Join(parts, Sep), nil
}

// Split returns the keys by dimension of a multi-dimensional key. It
// checks the form only; Keys.Lookup checks that the key exists.
func (m *Multi) Split(key string) (map[string]string, error) {
	parts := strings.Split(key, Sep)
	if len(parts) != len(m.names) {
		return nil, fmt.Errorf("partition %q has %d part(s); want %d, %s", key, len(parts), len(m.names), m.form())
	}
	byDim := make(map[string]string, len(parts))
	for i, name := range m.names {
		byDim[name] = parts[i]
	}
	return byDim, nil
}

// form describes the form of a key: "date|region".
func (m *Multi) form() string { return strings.Join(m.names, Sep) }

// Resolve returns the combinations of the dimensions' keys in env.
func (m *Multi) Resolve(env Env) (*Keys, error) {
	if m.err != nil {
		return nil, m.err
	}
	k := &Keys{def: m, n: 1, dims: make([]*Keys, len(m.defs)), step: make([]int, len(m.defs))}
	for i, d := range m.defs {
		dk, err := d.Resolve(env)
		if err != nil {
			return nil, fmt.Errorf("dimension %s: %w", m.names[i], err)
		}
		k.dims[i] = dk
	}
	for i := len(k.dims) - 1; i >= 0; i-- {
		k.step[i] = k.n
		if n := k.dims[i].n; n != 0 && k.n > math.MaxInt32/n {
			return nil, fmt.Errorf("%s: more than %d partitions", m, math.MaxInt32)
		}
		k.n *= k.dims[i].n
	}
	return k, nil
}

func (m *Multi) equal(o *Multi) bool {
	if m == o {
		return true
	}
	if m.err != nil || o.err != nil || !slices.Equal(m.names, o.names) {
		return false
	}
	for i := range m.defs {
		if !Equal(m.defs[i], o.defs[i]) {
			return false
		}
	}
	return true
}
