package runtime

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// ResourceDef describes a resource: a value assets use but do not
// produce (a database handle, an API client), built by a provider
// function. The generator writes one per //resource: function; an asset's
// definition lists the resources its function takes (AssetDef.Resources).
type ResourceDef struct {
	Type   reflect.Type   // the type it provides; one provider per type
	Name   string         // the provider's name in snake_case: its config section is "resources.NAME"
	Config *ConfigDef     // the config struct the provider takes; nil when none
	Needs  []*ResourceDef // the resources its provider takes
	Source string         // "file.go:line" of the provider, for messages
	// Build calls the provider: its resources come from r (see Use). The
	// cleanup, nil when there is none, runs once the resource is no
	// longer needed, in the reverse order of the builds.
	Build func(ctx context.Context, r *Resources) (value any, cleanup func() error, err error)
}

// Resources holds the resources built for a run (or, under the queue
// executor, for a worker process): each is built at most once, on first
// use, after the resources its provider needs, and Close cleans them up
// in the reverse order. The zero value is ready to use; it is safe for
// concurrent use.
type Resources struct {
	mu     sync.Mutex
	ents   map[reflect.Type]*resourceEnt
	built  []*resourceEnt // in the order their builds finished
	closed bool
	config RunConfig // of the run that uses them first
}

// configure gives the resources the run's config, unless they have one.
func (r *Resources) configure(cfg RunConfig) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.config == nil {
		r.config = cfg
	}
}

// resourceEnt is one resource, built or being built.
type resourceEnt struct {
	def     *ResourceDef
	once    sync.Once
	value   any
	cleanup func() error
	err     error
}

// Set makes v the resource of type t: no provider is called for it and it
// has no cleanup. Tests use it to replace a resource with a test value
// (see assettest.Resource); call it before the run.
func (r *Resources) Set(t reflect.Type, v any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ents == nil {
		r.ents = map[reflect.Type]*resourceEnt{}
	}
	e := &resourceEnt{value: v}
	e.once.Do(func() {})
	r.ents[t] = e
}

// Use returns the resource def provides, building it (and, first, the
// resources it needs) unless it was built already.
func Use[T any](ctx context.Context, r *Resources, def *ResourceDef) (T, error) {
	var zero T
	v, err := r.get(ctx, def)
	if err != nil {
		return zero, err
	}
	t, ok := v.(T)
	if !ok && v != nil {
		return zero, fmt.Errorf("resource %v: provider returned a %T", def.Type, v)
	}
	return t, nil
}

// Resource returns the resource of type T that the step's asset takes
// (one of AssetDef.Resources), or, while a check function runs, that the
// check takes (CheckDef.Resources), built on first use. Generated Compute
// and check functions call it.
func Resource[T any](c *Context) (T, error) {
	var zero T
	t := reflect.TypeFor[T]()
	var defs []*ResourceDef
	check := runningCheck(c)
	switch {
	case check != nil:
		defs = check.Resources
	case c.Def != nil:
		defs = c.Def.Resources
	}
	for _, d := range defs {
		if d.Type == t {
			opts := c.options()
			if opts == nil || opts.Resources == nil {
				return zero, fmt.Errorf("resource %v: the step has no resources (a Context made outside a run)", t)
			}
			return Use[T](c, opts.Resources, d)
		}
	}
	if check != nil {
		return zero, fmt.Errorf("resource %v: check %s of asset %s does not list it in its Resources", t, check.Name, c.Key)
	}
	return zero, fmt.Errorf("resource %v: asset %s does not list it in its Resources", t, c.Key)
}

// get returns the value of def's resource, building it first.
func (r *Resources) get(ctx context.Context, def *ResourceDef) (any, error) {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil, fmt.Errorf("resource %v: the run's resources are closed", def.Type)
	}
	if r.ents == nil {
		r.ents = map[reflect.Type]*resourceEnt{}
	}
	e := r.ents[def.Type]
	if e == nil {
		e = &resourceEnt{def: def}
		r.ents[def.Type] = e
	}
	r.mu.Unlock()
	e.once.Do(func() {
		for _, n := range e.def.Needs {
			if _, err := r.get(ctx, n); err != nil {
				e.err = err
				return
			}
		}
		v, cleanup, err := e.safeBuild(ctx, r)
		if err != nil {
			e.err = fmt.Errorf("resource %v (provider at %s): %w", e.def.Type, e.def.Source, err)
			if cleanup != nil {
				e.cleanup = cleanup
			}
		} else {
			e.value, e.cleanup = v, cleanup
		}
		if e.cleanup != nil {
			r.mu.Lock()
			r.built = append(r.built, e)
			r.mu.Unlock()
		}
	})
	return e.value, e.err
}

// safeBuild calls the provider, turning a panic into an error.
func (e *resourceEnt) safeBuild(ctx context.Context, r *Resources) (v any, cleanup func() error, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	if e.def.Build == nil {
		return nil, nil, errors.New("no Build function")
	}
	return e.def.Build(ctx, r)
}

// Close runs the cleanups of the resources built, in the reverse order of
// their builds, each once, and returns their errors joined. Resources
// cannot be built after Close.
func (r *Resources) Close() error {
	r.mu.Lock()
	r.closed = true
	built := r.built
	r.built = nil
	r.mu.Unlock()
	var errs []error
	for _, e := range slices.Backward(built) {
		if err := safeCleanup(e.cleanup); err != nil {
			errs = append(errs, fmt.Errorf("cleanup of resource %v: %w", e.def.Type, err))
		}
	}
	return errors.Join(errs...)
}

func safeCleanup(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return f()
}

// validateResources checks the resources of the assets and their checks: one provider per
// type, a Build function each, and no cycle among providers.
func validateResources(assets []*AssetDef) []string {
	byType := map[reflect.Type]*ResourceDef{}
	var errs []string
	state := map[*ResourceDef]int{} // 1: visiting, 2: done
	var visit func(d *ResourceDef, path []string) bool
	visit = func(d *ResourceDef, path []string) bool {
		switch state[d] {
		case 1:
			errs = append(errs, fmt.Sprintf("resource providers form a cycle: %s -> %v", strings.Join(path, " -> "), d.Type))
			return false
		case 2:
			return true
		}
		if d.Type == nil {
			errs = append(errs, fmt.Sprintf("resource provider at %s has no Type", d.Source))
			return false
		}
		if d.Build == nil {
			errs = append(errs, fmt.Sprintf("resource %v (provider at %s) has no Build function", d.Type, d.Source))
		}
		if o, ok := byType[d.Type]; ok && o.Source != d.Source {
			errs = append(errs, fmt.Sprintf("two providers of resource %v: at %s and at %s", d.Type, o.Source, d.Source))
		}
		byType[d.Type] = d
		state[d] = 1
		for _, n := range d.Needs {
			if !visit(n, append(path, d.Type.String())) {
				return false
			}
		}
		state[d] = 2
		return true
	}
	for _, a := range assets {
		if a == nil {
			continue
		}
		for _, d := range a.Resources {
			if d == nil {
				errs = append(errs, fmt.Sprintf("asset %s: nil resource", a.Key))
				continue
			}
			visit(d, nil)
		}
		for _, c := range a.Checks {
			for _, d := range c.checkResources() {
				if d == nil {
					errs = append(errs, fmt.Sprintf("asset %s: check %s: nil resource", a.Key, c.Name))
					continue
				}
				visit(d, nil)
			}
		}
	}
	return errs
}

// ownResources gives opts resources of their own unless the caller gave
// some, configured by opts.Config unless they were already, and returns what closes them once the run (or step) is over:
// nothing for the caller's. A failed cleanup is logged: the steps are
// over, and their results stand.
func ownResources(opts *Options) (done func()) {
	if opts.Resources != nil {
		opts.Resources.configure(opts.Config)
		return func() {}
	}
	opts.Resources = new(Resources)
	opts.Resources.configure(opts.Config)
	return func() {
		if err := opts.Resources.Close(); err != nil {
			log := opts.Logger
			if log == nil {
				log = slog.Default()
			}
			log.Error("resource cleanup failed", "err", err)
		}
	}
}
