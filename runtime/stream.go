package runtime

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/partition"
)

// Streams of rows.
//
// An asset function may return its rows as a stream, an iter.Seq2[T,
// error] (T a struct, or a pointer to one), instead of a slice; and a
// parameter may take the rows of its upstream as a stream. The rows then
// move in batches between the function and the I/O managers, so that a
// table larger than memory passes through a pipeline in constant memory.
//
// The generated Compute wraps a returned stream with RowsOf, and loads a
// stream parameter with LoadStream. The runtime hands the Rows to the
// asset's I/O manager (a StreamStorer), which pulls them batch by batch
// with Rows.Batches while the producer runs; a parameter's stream is
// loaded from the upstream's I/O manager (a StreamLoader) only when the
// function ranges over it, one batch at a time. A slice upstream feeds a
// stream parameter, and a stream upstream a slice parameter (the manager
// loads the stored rows whole), since both are stored as the same table.

// StreamStorer is implemented by I/O managers that store a stream of rows
// as it arrives, holding a batch at a time rather than the whole table.
type StreamStorer interface {
	// StoreStream stores the rows of rows as the output of out.Key (and
	// out.Partition), pulling them with rows.Batches; out.Type is the
	// slice type of the rows ([]T: AssetDef.StoredType). The manager
	// commits only after Batches returned nil: when Batches fails (the
	// stream yielded an error, its producer panicked, or the step's
	// context was cancelled), as when StoreStream itself fails, the
	// previous materialization must stay intact.
	//
	// A manager that also implements RangeStorer receives the rows of a
	// step covering several partitions in one call, out.Partition empty
	// and out.Partitions listing them: each row belongs to the partition
	// its partition column (AssetDef.PartitionColumn) says, which the
	// runtime checked, and the rows of each partition come together. For
	// any other manager, the runtime splits such a stream into one
	// StoreStream per partition.
	StoreStream(out *OutputContext, rows *Rows) error
}

// StreamLoader is implemented by I/O managers that load stored rows as a
// stream, a batch at a time.
type StreamLoader interface {
	// LoadStream calls f with successive batches of the rows stored for
	// in.Upstream (and its partition in.UpstreamPartitions: the runtime
	// loads several partitions one call each, in key order), in the order
	// they were stored. A batch is a slice of in.Type (for a stream
	// parameter, the slice type of its rows: []T for iter.Seq2[T,
	// error]), or of the stored rows' type, which the runtime projects
	// onto in.Type as Load's values are. A batch is valid only until f
	// returns: the manager may reuse it. When f returns an error,
	// LoadStream stops and returns it (wrapped or not).
	LoadStream(in *InputContext, f func(batch reflect.Value) error) error
}

// DefaultBatch is the number of rows per batch that a manager without a
// size of its own asks Rows.Batches for.
const DefaultBatch = 2048

// Rows is a stream of rows on its way from an asset function to the I/O
// manager that stores it: the iter.Seq2[T, error] the function returned,
// wrapped by RowsOf. The manager pulls the rows in batches with Batches,
// once.
type Rows struct {
	typ  reflect.Type // []T
	pump func(n int, f func(batch reflect.Value) error) (count int, produced, err error)
	used bool

	// Set by the runtime before the manager gets the rows.
	ctx   context.Context
	check func(batch reflect.Value, first int) error // the rows' partitions, for a partitioned step
	end   func() error                               // the producer has finished: leave the watch (see run.storeStream)
	s     *stepRun

	failed error // what made the producer fail: an error it yielded, or a *PanicError
}

// RowsOf wraps seq, the stream of rows an asset function returns, for its
// I/O manager. The generated Compute of an asset returning an
// iter.Seq2[T, error] (or a type of its own whose underlying type that
// is) returns RowsOf(seq); a hand-written one must do the same.
func RowsOf[T any](seq func(yield func(T, error) bool)) *Rows {
	r := &Rows{typ: reflect.TypeFor[[]T]()}
	if seq != nil {
		r.pump = func(n int, f func(reflect.Value) error) (int, error, error) { return pump(seq, n, f) }
	}
	return r
}

// pump ranges over seq, handing its rows to f in batches of n (the last
// one shorter), in one buffer reused for every batch. It returns the rows
// handed to f, the error seq yielded (produced), or the error of f (err),
// after which it stops.
func pump[T any](seq func(yield func(T, error) bool), n int, f func(reflect.Value) error) (count int, produced, err error) {
	buf := make([]T, 0, n)
	for row, yerr := range seq {
		if yerr != nil {
			return count + len(buf), yerr, nil
		}
		buf = append(buf, row)
		if len(buf) == n {
			if err := f(reflect.ValueOf(buf)); err != nil {
				return count, nil, err
			}
			count += n
			buf = buf[:0]
		}
	}
	if len(buf) > 0 {
		if err := f(reflect.ValueOf(buf)); err != nil {
			return count, nil, err
		}
		count += len(buf)
	}
	return count, nil, nil
}

// Type returns the slice type of the rows: []T for a stream of T.
func (r *Rows) Type() reflect.Type { return r.typ }

// Batches ranges over the stream and calls f with successive batches of
// at most n rows (DefaultBatch when n <= 0), each a slice of Type() valid
// only until f returns (the next batch reuses it): f copies what it keeps.
// It returns nil once the producer has finished and f accepted every
// batch; else the first error: one the stream yielded, the producer's
// panic (a *PanicError, with its stack), the step's context cancelled, a
// row outside the step's partitions, or f's own error, after which it
// stops the producer. A stream is read once: a second call is an error.
func (r *Rows) Batches(n int, f func(batch reflect.Value) error) (err error) {
	if r.used {
		return errors.New("the stream was read already: a stream is read once")
	}
	r.used = true
	if r.pump == nil {
		return errors.New("the asset function returned a nil stream")
	}
	if n <= 0 {
		n = DefaultBatch
	}
	first := 0 // index in the stream of the batch's first row
	g := func(b reflect.Value) error {
		if r.ctx != nil {
			if err := r.ctx.Err(); err != nil {
				return fmt.Errorf("the stream stopped after %d rows: %w", first, err)
			}
		}
		if r.check != nil {
			if err := r.check(b, first); err != nil {
				return err
			}
		}
		first += b.Len()
		return f(b)
	}
	defer func() {
		if v := recover(); v != nil {
			pe := &PanicError{Value: v, Stack: shortStack(20)} // reported by the step's event, not logged
			r.failed, err = pe, pe
		}
	}()
	count, produced, err := r.pump(n, g)
	switch {
	case produced != nil:
		r.failed = produced
		return fmt.Errorf("the stream failed after %d rows: %w", count, produced)
	case err != nil:
		return err
	case r.end != nil:
		return r.end()
	}
	return nil
}

// storeStream stores rows through ss, turning a panic of the manager into
// a *PanicError. A producer's failure is reported as such, with the
// manager's words when they wrap it.
func (s *stepRun) storeStream(ss StreamStorer, oc *OutputContext, rows *Rows) (err error) {
	defer s.recover(&err)
	err = ss.StoreStream(oc, rows)
	if err != nil && rows.failed != nil && !errors.Is(err, rows.failed) {
		err = fmt.Errorf("the stream failed: %w (%v)", rows.failed, err)
	}
	return err
}

// outputStream stores rows, the stream the step's function returned,
// through m (see output): in one StoreStream, or, for a step covering
// several partitions whose manager stores no ranges, one per partition.
func (s *stepRun) outputStream(m IOManager, oc *OutputContext, rows *Rows) error {
	def, part := s.def, s.ctx.part
	ss, ok := m.(StreamStorer)
	if !ok {
		return fmt.Errorf("%s: I/O manager %q cannot store a stream of rows (it is no runtime.StreamStorer): return a slice, or use a manager that streams", s.where(nil), def.IOManagerKey())
	}
	rows.ctx, rows.s = oc.Context, s
	oc.Type = def.StoredType()
	switch {
	case part == nil:
		return s.storeStream(ss, oc, rows)
	case def.PartitionColumn != "":
		ck, err := s.newRowCheck()
		if err != nil {
			return err
		}
		rows.check = ck.batch
		if part.one() {
			return s.storeStream(ss, oc, rows)
		}
		if _, ok := m.(RangeStorer); ok {
			oc.Partition = ""
			return s.storeStream(ss, oc, rows)
		}
		return s.splitStream(ss, oc, rows, ck)
	case !part.one():
		return fmt.Errorf("%s: the step covers %d partitions, but its output %v cannot be split by partition", s.where(nil), part.sel.Len(), def.OutputType)
	}
	return s.storeStream(ss, oc, rows)
}

// rowCheck checks the partition column of the rows of a partitioned
// step's stream, batch by batch: every row in one of the step's
// partitions, and the rows of each partition together.
type rowCheck struct {
	s     *stepRun
	col   columns.Column[reflect.Type]
	loc   *partition.Locator
	lo    int    // the first key index of the step
	cur   int    // the key index of the rows coming now; -1 before the first
	done  []bool // by key index - lo: partitions whose rows have come and gone
	parts []int  // the key index of each row of the last batch
}

func (s *stepRun) newRowCheck() (*rowCheck, error) {
	col, ok := s.x.pcols[s.node]
	if !ok {
		_, err := partitionColumn(s.def)
		return nil, fmt.Errorf("%s: %v", s.where(nil), err)
	}
	spans := s.ctx.part.sel.Spans()
	lo, hi := spans[0].Lo, spans[len(spans)-1].Hi
	return &rowCheck{s: s, col: col, loc: partition.NewLocator(s.ctx.part.sel), lo: lo, cur: -1, done: make([]bool, hi-lo)}, nil
}

// batch checks the rows of b, the first of which is row first of the
// stream.
func (c *rowCheck) batch(b reflect.Value, first int) error {
	c.parts = c.parts[:0]
	sel := c.s.ctx.part.sel
	for i := range b.Len() {
		idx, err := c.s.rowPartition(b.Index(i), first+i, c.col, c.loc)
		if err != nil {
			return err
		}
		if idx != c.cur {
			if c.done[idx-c.lo] {
				keys := sel.Of()
				return fmt.Errorf("%s: row %d: %s is in partition %s, whose rows came before those of partition %s: a stream covering several partitions must give each partition's rows together (in the order of %s, say)",
					c.s.where(nil), first+i, c.col.Name, keys.Key(idx), keys.Key(c.cur), c.col.Name)
			}
			if c.cur >= 0 {
				c.done[c.cur-c.lo] = true
			}
			c.cur = idx
		}
		c.parts = append(c.parts, idx)
	}
	return nil
}

// errStopped is what a batch's consumer returns to stop a stream early.
var errStopped = errors.New("stopped")

// splitStream stores rows, the stream of a step covering several
// partitions, one StoreStream per partition, in the order their rows
// come (each partition's rows together, as ck checks), then the
// partitions without rows, each an empty stream. It pulls the batches of
// rows as the stores need them, so that it holds one batch at a time.
func (s *stepRun) splitStream(ss StreamStorer, oc *OutputContext, rows *Rows, ck *rowCheck) error {
	var failed error // of rows.Batches: what stopped the stream
	next, stop := iter.Pull(func(yield func(reflect.Value) bool) {
		failed = rows.Batches(DefaultBatch, func(b reflect.Value) error {
			if !yield(b) {
				return errStopped
			}
			return nil
		})
	})
	defer stop()
	var (
		batch  reflect.Value // the batch being split; rows [at, batch.Len()) are left
		at     int
		parts  []int
		ended  bool
		stored = make([]bool, len(ck.done))
	)
	// more reports whether rows are left, pulling the next batch.
	more := func() bool {
		for !ended && (!batch.IsValid() || at == batch.Len()) {
			b, ok := next()
			if !ok {
				ended = true
				break
			}
			batch, at, parts = b, 0, ck.parts
		}
		return !ended
	}
	keys := s.ctx.part.sel.Of()
	for more() {
		idx := parts[at]
		sub := &Rows{typ: rows.typ, pump: func(n int, f func(reflect.Value) error) (int, error, error) {
			count := 0
			for more() && parts[at] == idx {
				end := at + 1
				for end < batch.Len() && end-at < n && parts[end] == idx {
					end++
				}
				piece := batch.Slice(at, end)
				at = end
				if err := f(piece); err != nil {
					return count, nil, err
				}
				count += piece.Len()
			}
			if failed != nil {
				return count, nil, failed
			}
			return count, nil, nil
		}}
		if err := s.storePartitionStream(ss, oc, keys, idx, sub); err != nil {
			return err
		}
		stored[idx-ck.lo] = true
	}
	if failed != nil {
		return failed
	}
	for i, done := range stored {
		if !done {
			empty := &Rows{typ: rows.typ, pump: func(int, func(reflect.Value) error) (int, error, error) { return 0, nil, nil }}
			if err := s.storePartitionStream(ss, oc, keys, ck.lo+i, empty); err != nil {
				return err
			}
		}
	}
	return nil
}

// storePartitionStream stores rows as the output of partition idx of
// keys.
func (s *stepRun) storePartitionStream(ss StreamStorer, oc *OutputContext, keys *partition.Keys, idx int, rows *Rows) error {
	oc.Partition, oc.Partitions = keys.Key(idx), keys.Span(idx, idx+1)
	if err := s.storeStream(ss, oc, rows); err != nil {
		return fmt.Errorf("partition %s: %w", oc.Partition, err)
	}
	return nil
}

// A stream parameter.

// streamInput is the stream of an input parameter: the upstream's rows,
// loaded through its I/O manager only when the function ranges over it,
// once.
type streamInput struct {
	s    *stepRun
	in   *Input
	ctx  context.Context
	m    StreamLoader
	ic   InputContext       // what each load gets; UpstreamPartitions set per partition
	keys []string           // the upstream partitions, in key order; nil when unpartitioned
	subs []partition.Subset // each of keys as a subset
	used atomic.Bool

	mu     sync.Mutex
	closed bool // the step is over
}

// streams is the stream parameters of a step's attempt, closed when the
// attempt ends.
type streams struct {
	mu   sync.Mutex
	list []*streamInput
}

// name names the input in messages: "events (from raw_events)".
func (si *streamInput) name() string {
	return fmt.Sprintf("%s (from %s)", si.in.Name, si.in.Key)
}

// batches loads the rows, partition after partition, handing each batch
// to f.
func (si *streamInput) batches(f func(batch reflect.Value) error) error {
	if !si.used.CompareAndSwap(false, true) {
		return fmt.Errorf("input %s: the stream was read already: a stream is read once (take a slice, []T, to read the rows more than once)", si.name())
	}
	si.mu.Lock()
	closed := si.closed
	si.mu.Unlock()
	if closed {
		return fmt.Errorf("input %s: the stream is read after its step ended: a stream parameter is valid only while its step runs", si.name())
	}
	load := func(ic *InputContext, what string) error {
		if err := si.m.LoadStream(ic, f); err != nil {
			if errors.Is(err, errStopped) {
				return err
			}
			return fmt.Errorf("load input %s from asset %s%s: %w", si.in.Name, si.in.Key, what, err)
		}
		return nil
	}
	if si.keys == nil {
		ic := si.ic
		return load(&ic, "")
	}
	for i, k := range si.keys {
		ic := si.ic
		ic.UpstreamPartitions, ic.UpstreamSubset = []string{k}, si.subs[i]
		if err := load(&ic, ", partition "+k); err != nil {
			return err
		}
	}
	return nil
}

// LoadStream returns input i of in as a stream of rows of type T: what
// the generated Compute calls for a parameter of type iter.Seq2[T, error].
// Nothing is loaded until the function ranges over the stream; then the
// upstream's I/O manager (a StreamLoader) loads the rows a batch at a
// time. The stream can be ranged over once: a second range yields one
// error saying so, as does a range after the step ended. Errors of the
// load (a missing table, a row that does not fit T, a cancelled context)
// are yielded with the zero T, after which the stream ends.
//
// An upstream stored whole (a manager's Load, or a value set in a memory
// manager) is ranged over as it is: the parameter's rows, or a wider
// row's, projected onto T by column.
func LoadStream[T any](ctx *Context, in Inputs, i int) (iter.Seq2[T, error], error) {
	var c context.Context // a nil *Context must not become a non-nil interface
	if ctx != nil {
		c = ctx
	}
	v, err := in.Load(c, i)
	if err != nil {
		return nil, err
	}
	want := reflect.TypeFor[[]T]()
	switch v := v.(type) {
	case nil:
		return func(func(T, error) bool) {}, nil // no upstream partition: no rows
	case iter.Seq2[T, error]:
		return v, nil
	case *streamInput:
		return func(yield func(T, error) bool) {
			err := v.batches(func(b reflect.Value) error {
				rows, err := batchOf[T](b, want)
				if err != nil {
					return err
				}
				for _, row := range rows {
					if !yield(row, nil) {
						return errStopped
					}
				}
				return nil
			})
			if err != nil && !errors.Is(err, errStopped) {
				var zero T
				yield(zero, err)
			}
		}, nil
	}
	rows, err := batchOf[T](reflect.ValueOf(v), want)
	if err != nil {
		name := fmt.Sprint(i)
		if ctx != nil && ctx.Def != nil && i < len(ctx.Def.Inputs) {
			name = fmt.Sprintf("%s (from %s)", ctx.Def.Inputs[i].Name, ctx.Def.Inputs[i].Key)
		}
		return nil, fmt.Errorf("input %s: %w", name, err)
	}
	var used atomic.Bool
	return func(yield func(T, error) bool) {
		if !used.CompareAndSwap(false, true) {
			var zero T
			yield(zero, errors.New("the stream was read already: a stream is read once"))
			return
		}
		for _, row := range rows {
			if !yield(row, nil) {
				return
			}
		}
	}, nil
}

// batchOf returns b, a slice of rows, as a []T (want): as it is, or
// converted (a wider row projected onto T).
func batchOf[T any](b reflect.Value, want reflect.Type) ([]T, error) {
	if rows, ok := b.Interface().([]T); ok {
		return rows, nil
	}
	cv, err := convert(b.Interface(), want)
	if err != nil {
		return nil, err
	}
	return cv.Interface().([]T), nil
}

// streamInput returns the stream of input i, a stream parameter, from
// up, the upstream served by m: a *streamInput loading nothing yet, or
// nil when the step reads none of the upstream's partitions (the first
// partitions of an asset reading its own earlier ones).
func (s *stepRun) streamInput(ctx context.Context, ic *InputContext, in *Input, i int, up int32, m IOManager) (any, error) {
	upDef := s.x.g.defs[up]
	sl, ok := m.(StreamLoader)
	if !ok {
		return nil, fmt.Errorf("%s: I/O manager %q of asset %s cannot load a stream of rows (it is no runtime.StreamLoader): take a slice, or use a manager that streams", s.where(in), upDef.IOManagerKey(), in.Key)
	}
	elem, _ := columns.StreamOf(in.Type)
	si := &streamInput{s: s, in: in, ctx: ctx, m: sl, ic: *ic}
	si.ic.Type = reflect.SliceOf(elem)
	if upDef.Partitions != nil {
		keys, sub, mp, err := s.mapped(in, i, up)
		if err != nil {
			return nil, err
		}
		switch in.Gather {
		case GatherOne:
			k, ok, err := s.one(in, keys, sub, mp, up == s.node)
			if !ok {
				return nil, err
			}
			si.keys, si.subs = []string{k}, []partition.Subset{sub}
		case GatherConcat:
			si.keys, si.subs = []string{}, make([]partition.Subset, 0, sub.Len())
			for idx := range sub.Indexes() {
				si.keys = append(si.keys, keys.Key(idx))
				si.subs = append(si.subs, keys.Span(idx, idx+1))
			}
		default:
			return nil, fmt.Errorf("%s: a stream parameter gathers upstream partitions one after the other (Gather concat) or takes one (Gather one), not %s", s.where(in), in.Gather)
		}
	}
	set := s.streams.Load()
	if set == nil {
		s.streams.CompareAndSwap(nil, &streams{})
		set = s.streams.Load()
	}
	set.mu.Lock()
	set.list = append(set.list, si)
	set.mu.Unlock()
	return si, nil
}

// closeStreams ends the stream parameters of the attempt: reading one
// afterwards is an error.
func (s *stepRun) closeStreams() {
	set := s.streams.Load()
	if set == nil {
		return
	}
	set.mu.Lock()
	list := set.list
	set.list = nil
	set.mu.Unlock()
	for _, si := range list {
		si.mu.Lock()
		si.closed = true
		si.mu.Unlock()
	}
}
