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
	want := reflect.TypeFor[T]()
	rv := reflect.ValueOf(v)
	if rv.Type().ConvertibleTo(want) && rv.Type().Kind() == want.Kind() {
		return rv.Convert(want).Interface().(T), nil
	}
	p, perr := project(rv, want)
	if perr == nil {
		return p.Interface().(T), nil
	}
	name := fmt.Sprint(i)
	if ctx != nil && ctx.Def != nil && i < len(ctx.Def.Inputs) {
		name = fmt.Sprintf("%s (from %s)", ctx.Def.Inputs[i].Name, ctx.Def.Inputs[i].Key)
	}
	if perr != errNotRows {
		return zero, fmt.Errorf("input %s: I/O manager returned %T, want %v, which is not a column subset of it: %w", name, v, want, perr)
	}
	return zero, fmt.Errorf("input %s: I/O manager returned %T, want %v", name, v, want)
}

// stepState collects what a step reports while it runs.
type stepState struct {
	mu          sync.Mutex
	metadata    Metadata
	dataVersion string
	userVersion bool // dataVersion was set by the asset, not its I/O manager
}

func (s *stepState) addMetadata(key string, value any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.metadata == nil {
		s.metadata = Metadata{}
	}
	s.metadata[key] = value
}

func (s *stepState) setDataVersion(v string, user bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.userVersion && !user {
		return
	}
	s.dataVersion, s.userVersion = v, user
}
