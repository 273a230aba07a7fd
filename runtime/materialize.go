package runtime

import (
	"context"
	"fmt"
	"reflect"
	"sync"
)

// Load converts input i of in to T; generated Compute functions call it for
// every parameter. A slice of structs whose struct has a subset of the
// columns of the value's (as a parameter may select the columns of a
// table it reads) is filled field by field. It fails, naming the input,
// when the I/O manager returned a value that is not a T.
func Load[T any](ctx *Context, in Inputs, i int) (T, error) {
	var zero T
	var c context.Context // a nil *Context must not become a non-nil interface
	if ctx != nil {
		c = ctx
	}
	v, err := in.Load(c, i)
	if err != nil {
		return zero, err
	}
	if v == nil {
		return zero, nil
	}
	if t, ok := v.(T); ok {
		return t, nil
	}
	rv, err := convert(v, reflect.TypeFor[T]())
	if err == nil {
		return rv.Interface().(T), nil
	}
	name := fmt.Sprint(i)
	if ctx != nil && ctx.Def != nil && i < len(ctx.Def.Inputs) {
		name = fmt.Sprintf("%s (from %s)", ctx.Def.Inputs[i].Name, ctx.Def.Inputs[i].Key)
	}
	return zero, fmt.Errorf("input %s: %w", name, err)
}

// convert converts v, a non-nil value an I/O manager loaded, to want: as
// it is when of that type (or want is an interface it implements); by
// conversion between types of one kind; and a slice of structs into a
// slice of structs with a subset of its columns (see project).
func convert(v any, want reflect.Type) (reflect.Value, error) {
	rv := reflect.ValueOf(v)
	switch t := rv.Type(); {
	case t == want, want.Kind() == reflect.Interface && t.Implements(want):
		return rv, nil
	case t.ConvertibleTo(want) && t.Kind() == want.Kind():
		// A named type and its underlying type (assignable, but not the
		// same dynamic type), or two named types alike.
		return rv.Convert(want), nil
	}
	p, err := project(rv, want)
	switch {
	case err == nil:
		return p, nil
	case err != errNotRows:
		return reflect.Value{}, fmt.Errorf("I/O manager returned %T, want %v, which is not a column subset of it: %w", v, want, err)
	}
	return reflect.Value{}, fmt.Errorf("I/O manager returned %T, want %v", v, want)
}

// stepState collects what a step reports while it runs.
type stepState struct {
	mu          sync.Mutex
	metadata    Metadata
	dataVersion string
	userVersion bool              // dataVersion was set by the asset, not its I/O manager
	versions    map[string]string // a step of several partitions: the I/O manager's version of each
}

func (s *stepState) addMetadata(key string, value any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.metadata == nil {
		s.metadata = Metadata{}
	}
	s.metadata[key] = value
}

// setOutputVersion records the I/O manager's version v of the output of
// partition part: of the step's output when the step has one partition.
func (s *stepState) setOutputVersion(part, v string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.userVersion:
	case s.versions != nil && part != "":
		s.versions[part] = v
	default:
		s.dataVersion = v
	}
}

func (s *stepState) setDataVersion(v string, user bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.userVersion && !user {
		return
	}
	s.dataVersion, s.userVersion = v, user
}
