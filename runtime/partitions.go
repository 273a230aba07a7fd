package runtime

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/assetgen/assetgen/partition"
)

// Partitions selects the partitions a run materializes (Options.Partitions),
// as the command line's --partition KEY, --partitions K,K and
// --partition-range START...END ask for them, and as re-runs of failed or
// stale partitions list them asset by asset.
//
// Keys or Range are read in the definition of each selected partitioned
// asset: an asset whose definition has those keys runs them. An asset
// whose definition does not have them runs the partitions they map to
// from a definition that has them, through partition.Default: a daily
// range maps into a weekly asset as the weeks that overlap it, a day into
// a date x region asset as every region of that day, "2024-01-01|eu" into
// a daily asset as its day. A key that no definition of the run has is an
// error with the nearest key and the valid ones; so is a partitioned asset
// that the request gives no partition.
//
// Unpartitioned assets of the run run once, whatever is requested.
type Partitions struct {
	// Keys lists partition keys (--partition, --partitions).
	Keys []string
	// Range asks for every key from Range.Start to Range.End
	// (--partition-range); the zero Range asks for none. Keys and Range
	// cannot both be given.
	Range partition.Range
	// Assets gives the partitions of some assets key by key, for re-runs:
	// an asset listed here runs exactly these partitions, whatever Keys
	// and Range say. An empty list is the same as no entry. Every asset
	// listed must be selected and partitioned.
	Assets map[Key][]string
}

// IsZero reports whether p requests no partition.
func (p Partitions) IsZero() bool {
	return len(p.Keys) == 0 && p.Range == (partition.Range{}) && len(p.Assets) == 0
}

// general reports whether p has keys or a range for every asset.
func (p *Partitions) general() bool { return len(p.Keys) > 0 || p.Range != (partition.Range{}) }

// String returns the request as the command line writes it.
func (p Partitions) String() string {
	if p.Range != (partition.Range{}) {
		return p.Range.String()
	}
	return strings.Join(p.Keys, ",")
}

// RequestError is the error of Definitions.Plan when the definitions are
// sound but the partitions requested (Options.Partitions) do not fit the
// selected assets: a partitioned asset given no partition, an unknown key,
// a partition whose upstream partitions do not exist. A command line
// reports it as a usage error.
type RequestError struct {
	Err error
}

func (e *RequestError) Error() string { return e.Err.Error() }
func (e *RequestError) Unwrap() error { return e.Err }

// resolver resolves each partitions definition once, in one Env.
type resolver struct {
	env  partition.Env
	keys map[partition.Definition]resolved
}

type resolved struct {
	keys *partition.Keys
	err  error
}

func newResolver(env partition.Env) *resolver {
	if env.Now.IsZero() {
		env.Now = time.Now()
	}
	return &resolver{env: env, keys: map[partition.Definition]resolved{}}
}

// resolve returns the keys of d.
func (r *resolver) resolve(d partition.Definition) (*partition.Keys, error) {
	switch d.(type) {
	case *partition.Time, *partition.Static, *partition.Multi, *partition.Dynamic:
		// Pointers: comparable, and shared by the assets of a definition.
	default:
		return d.Resolve(r.env)
	}
	if res, ok := r.keys[d]; ok {
		return res.keys, res.err
	}
	k, err := d.Resolve(r.env)
	r.keys[d] = resolved{k, err}
	return k, err
}

// request returns, by position in the plan's order, the partitions each
// partitioned asset of the run runs (the zero Subset for the others), or
// the problems of the request.
func (p *Plan) request(req *Partitions) (sels []partition.Subset, errs []string) {
	sels = make([]partition.Subset, len(p.order))
	if len(req.Keys) > 0 && req.Range != (partition.Range{}) {
		return nil, []string{fmt.Sprintf("partitions: give keys (%s) or a range (%s), not both", strings.Join(req.Keys, ","), req.Range)}
	}
	for key, list := range req.Assets {
		if len(list) == 0 {
			continue
		}
		i, ok := p.g.Index(key)
		switch {
		case !ok || p.apos[i] < 0:
			errs = append(errs, fmt.Sprintf("partitions of asset %s: the asset is not selected", key))
		case p.keys[i] == nil:
			errs = append(errs, fmt.Sprintf("partitions of asset %s: the asset is not partitioned", key))
		}
	}

	// The definitions of the run, in the order of their first asset, and
	// the assets of each that the general request serves.
	var defs []*partition.Keys
	users := map[*partition.Keys][]Key{}
	for a, node := range p.order {
		k := p.keys[node]
		if k == nil {
			continue
		}
		key := p.g.defs[node].Key
		if list := req.Assets[key]; len(list) > 0 {
			sel, err := k.Select(list)
			if err != nil {
				errs = append(errs, fmt.Sprintf("partitions of asset %s: %v", key, err))
			}
			sels[a] = sel
			continue
		}
		if !req.general() {
			errs = append(errs, fmt.Sprintf("asset %s is partitioned (%s): give the partitions to run (%s)", key, k.Definition(), k.Describe()))
			continue
		}
		if users[k] == nil {
			defs = append(defs, k)
		}
		users[k] = append(users[k], key)
	}
	if len(defs) == 0 {
		return sels, errs
	}

	// The request in each definition that has its keys, then mapped into
	// the others.
	direct := make([]partition.Subset, len(defs))
	derrs := make([]error, len(defs))
	parsed := false
	for i, k := range defs {
		direct[i], derrs[i] = parseRequest(k, req)
		parsed = parsed || derrs[i] == nil
		if md, ok := k.Definition().(*partition.Multi); ok && !parsed {
			for _, name := range md.Names() {
				_, err := parseRequest(k.Dim(name), req)
				parsed = parsed || err == nil
			}
		}
	}
	mapped := make(map[*partition.Keys]partition.Subset, len(defs))
	for i, k := range defs {
		names := joinKeys(users[k], ", ")
		if derrs[i] == nil {
			mapped[k] = direct[i]
			continue
		}
		if !parsed {
			errs = append(errs, fmt.Sprintf("partitions %s: asset %s: %v", req, names, dimErrors(k, req, derrs[i])))
			continue
		}
		sel, ok := mapRequest(k, defs, direct, derrs, req)
		if !ok {
			errs = append(errs, fmt.Sprintf("partitions %s: asset %s (%s) has no partition that is or overlaps one requested; its partitions: %s",
				req, names, k.Definition(), k.Describe()))
			continue
		}
		mapped[k] = sel
	}
	for a, node := range p.order {
		if k := p.keys[node]; k != nil && sels[a].Of() == nil {
			sels[a] = mapped[k]
		}
	}
	return sels, errs
}

// mapRequest maps the request into the keys k from the first definition
// that has the requested keys and maps to some of k's through
// partition.Default; for a multi-dimensional k, else from the first of
// its dimensions that has them.
func mapRequest(k *partition.Keys, defs []*partition.Keys, direct []partition.Subset, derrs []error, req *Partitions) (partition.Subset, bool) {
	if md, ok := k.Definition().(*partition.Multi); ok {
		for _, name := range md.Names() {
			dk := k.Dim(name)
			sel, err := parseRequest(dk, req)
			if err != nil {
				continue
			}
			defs, direct, derrs = append(defs, dk), append(direct, sel), append(derrs, nil)
		}
	}
	for j, src := range defs {
		if derrs[j] != nil {
			continue
		}
		m, err := partition.Default(k.Definition(), src.Definition())
		if err != nil || partition.Check(m, k.Definition(), src.Definition()) != nil {
			continue
		}
		r, err := m.Upstream(direct[j], k)
		if err != nil || r.Subset.Len() == 0 {
			continue
		}
		return r.Subset, true
	}
	return partition.Subset{}, false
}

// dimErrors returns err, the problem of the request in the keys k, or,
// when k is multi-dimensional and the request names keys of one part
// (2024-01-01, not 2024-01-01|eu), the problem in each dimension: such a
// request means a dimension's keys, and that it lacks the others says
// nothing of what is wrong.
func dimErrors(k *partition.Keys, req *Partitions, err error) error {
	_, ok, derr := k.ByDim(req.String(), func(dk *partition.Keys) (partition.Subset, error) { return parseRequest(dk, req) })
	if !ok || derr == nil {
		return err
	}
	return derr
}

// parseRequest returns the keys of k that the general request names.
func parseRequest(k *partition.Keys, req *Partitions) (partition.Subset, error) {
	if req.Range == (partition.Range{}) {
		return k.Select(req.Keys)
	}
	return k.Range(req.Range)
}

// parsePartitions returns the keys of a step as Step.Partition names them:
// one key, or "FIRST...LAST" for every key from FIRST to LAST in the
// order of keys.
func parsePartitions(keys *partition.Keys, s string) (partition.Subset, error) {
	if i, ok := keys.Index(s); ok {
		return keys.Span(i, i+1), nil
	}
	if !strings.Contains(s, partition.RangeSep) {
		_, err := keys.Lookup(s)
		return partition.Subset{}, err
	}
	r, err := partition.ParseRange(s)
	if err != nil {
		return partition.Subset{}, err
	}
	lo, err := keys.Lookup(r.Start)
	if err != nil {
		return partition.Subset{}, fmt.Errorf("start of range: %w", err)
	}
	hi, err := keys.Lookup(r.End)
	if err != nil {
		return partition.Subset{}, fmt.Errorf("end of range: %w", err)
	}
	if hi < lo {
		return partition.Subset{}, fmt.Errorf("partition range %s: the end comes before the start", r)
	}
	return keys.Span(lo, hi+1), nil
}

// limited collects the problems of one kind (one input of one asset, say)
// found step by step, keeping the first and counting the others, so that
// a backfill of ten thousand steps gives one line, not ten thousand.
type limited struct {
	keys  []string // in order of first report
	first map[string]string
	count map[string]int
}

func (l *limited) add(kind, msg string) {
	if l.first == nil {
		l.first, l.count = map[string]string{}, map[string]int{}
	}
	if _, ok := l.first[kind]; !ok {
		l.keys = append(l.keys, kind)
		l.first[kind] = msg
	}
	l.count[kind]++
}

func (l *limited) messages() []string {
	out := make([]string, 0, len(l.keys))
	for _, k := range l.keys {
		msg := l.first[k]
		if n := l.count[k] - 1; n > 0 {
			msg += fmt.Sprintf(" (and %d more step(s) alike)", n)
		}
		out = append(out, msg)
	}
	return out
}

// errRequest returns the request's problems as a *RequestError.
func errRequest(msgs []string) error {
	slices.Sort(msgs)
	return &RequestError{Err: errors.New(strings.Join(msgs, "\n"))}
}
