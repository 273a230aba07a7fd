package partition

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/assetgen/assetgen/internal/ident"
)

// Static is a fixed, ordered list of keys.
type Static struct {
	keys []string
	pos  map[string]int
	err  error
}

// NewStatic returns the static partitions with these keys, in this order.
// A duplicate or a key that CheckKey refuses is a definition error.
func NewStatic(keys ...string) *Static {
	s := &Static{keys: keys}
	s.pos, s.err = positions(keys)
	if s.err != nil {
		s.err = fmt.Errorf("%s: %w", s, s.err)
	}
	return s
}

// positions indexes keys, checking each and refusing duplicates.
func positions(keys []string) (map[string]int, error) {
	if len(keys) == 0 {
		return nil, fmt.Errorf("no keys")
	}
	pos := make(map[string]int, len(keys))
	for i, k := range keys {
		if err := CheckKey(k); err != nil {
			return nil, err
		}
		if j, dup := pos[k]; dup {
			return nil, fmt.Errorf("duplicate key %q (positions %d and %d)", k, j+1, i+1)
		}
		pos[k] = i
	}
	return pos, nil
}

// Kind returns KindStatic.
func (s *Static) Kind() Kind { return KindStatic }

// Err returns the definition's error, or nil.
func (s *Static) Err() error { return s.err }

// Keys returns the keys, in order. The caller must not change them.
func (s *Static) Keys() []string { return s.keys }

// Resolve returns the keys; they do not depend on env.
func (s *Static) Resolve(Env) (*Keys, error) {
	if s.err != nil {
		return nil, s.err
	}
	return &Keys{def: s, n: len(s.keys), list: s.keys, pos: s.pos}, nil
}

// String returns the Go call that makes s, such as NewStatic("eu", "us"),
// eliding keys past the eighth.
func (s *Static) String() string {
	var b strings.Builder
	b.WriteString("NewStatic(")
	for i, k := range s.keys {
		if i > 0 {
			b.WriteString(", ")
		}
		if i == 8 {
			fmt.Fprintf(&b, "... %d more", len(s.keys)-8)
			break
		}
		b.WriteString(strconv.Quote(k))
	}
	b.WriteByte(')')
	return b.String()
}

func (s *Static) equal(t *Static) bool {
	if s == t {
		return true
	}
	if s.err != nil || t.err != nil || len(s.keys) != len(t.keys) {
		return false
	}
	for i := range s.keys {
		if s.keys[i] != t.keys[i] {
			return false
		}
	}
	return true
}

// Dynamic is a set of keys added and removed at run time, stored in the
// run history under the definition's name and given by Env.Dynamic.
type Dynamic struct {
	name string
	err  error
}

// NewDynamic returns the dynamic partitions stored under name, a
// lower-case identifier ("customers").
func NewDynamic(name string) *Dynamic {
	d := &Dynamic{name: name}
	if !ident.ValidName(name) {
		d.err = fmt.Errorf("%s: invalid name: want a lower-case identifier of letters, digits and underscores", d)
	}
	return d
}

// Name returns the name the keys are stored under.
func (d *Dynamic) Name() string { return d.name }

// Kind returns KindDynamic.
func (d *Dynamic) Kind() Kind { return KindDynamic }

// Err returns the definition's error, or nil.
func (d *Dynamic) Err() error { return d.err }

// String returns the Go call that makes d.
func (d *Dynamic) String() string { return fmt.Sprintf("NewDynamic(%q)", d.name) }

// Resolve returns the keys stored now, from env.Dynamic. It is no error
// that there are none.
func (d *Dynamic) Resolve(env Env) (*Keys, error) {
	if d.err != nil {
		return nil, d.err
	}
	if env.Dynamic == nil {
		return nil, fmt.Errorf("%s: no store of dynamic partitions given (Env.Dynamic is nil)", d)
	}
	keys, err := env.Dynamic(d.name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d, err)
	}
	if len(keys) == 0 {
		return &Keys{def: d}, nil
	}
	pos, err := positions(keys)
	if err != nil {
		return nil, fmt.Errorf("%s: stored keys: %w", d, err)
	}
	return &Keys{def: d, n: len(keys), list: keys, pos: pos}, nil
}
