// Package fs is an I/O manager that stores each asset's output as one file
// under a base directory: JSON by default, gob as an option.
//
// The file of asset a/b/c is <dir>/a/b/c.json; partition p of it is
// <dir>/a/b/c/partition=p.json (the "=" keeps partition files apart from
// the files of other assets, whose key components are identifiers). A
// multi-dimensional partition is a directory per dimension, in the order
// of the dimensions' names: partition "2024-01-01|eu" of dimensions date
// and region is <dir>/a/b/c/date=2024-01-01/region=eu.json. Partition
// keys follow partition.CheckKey (see ValidPartition), so no key can name
// a path outside its asset's directory.
//
// The manager stores and loads one partition per call: it implements
// neither runtime.RangeStorer nor runtime.RangeLoader. The runtime splits
// the output of a step covering several partitions and calls Store for
// each, so each partition's file is replaced atomically, but not the range
// as a whole: a step killed midway leaves the partitions it stored new and
// the others as they were. Reading several partitions is one file each.
//
// Load decodes into the downstream parameter's own type (or, for an
// interface parameter, into the upstream's output type). JSON gives values
// held in interfaces back as JSON's generic types (float64,
// map[string]any); gob keeps them when their types are registered with
// gob.Register.
//
// A stream of rows (an asset returning an iter.Seq2[T, error]; see
// runtime.StreamStorer) is written a row at a time as it comes, holding a
// batch of rows at a time: JSON lines (one JSON object per line, in the
// .json file) with the JSON format, one gob value per row after a header
// byte with Gob. The JSONLines option writes slices of structs as JSON
// lines too. Loads tell the forms apart by the file's first bytes, so a
// table loads whichever way it was written; LoadStream (a stream
// parameter) reads JSON lines line by line and a JSON array element by
// element, in constant memory (a slice stored whole with Gob is read
// whole first).
//
// Outputs are written to a temporary file in the same directory, synced,
// and renamed over the old file, so a failed or interrupted store leaves
// the previous output intact and never a torn file. Beside each file a
// hidden stamp file (.c.json.stamp) records which run wrote it and its
// data version, written with the same discipline (see Manager.Stamp). Every path is opened
// through an os.Root on the base directory, and keys and partition keys are
// checked first, so no name can escape the base directory.
package fs

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/assetgen/assetgen/internal/ident"
	"github.com/assetgen/assetgen/internal/keylock"
	"github.com/assetgen/assetgen/internal/storable"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// Manager is the filesystem I/O manager. It is safe for concurrent use:
// stores of different assets run in parallel, and a load sees either the
// previous complete file or the new one.
type Manager struct {
	dir    string
	format Format
	shared bool // Shared: every machine of a distributed run sees dir
	lines  bool // JSONLines

	mu    sync.Mutex
	locks keylock.Map     // per file: stores of one file run one at a time
	swept map[string]bool // directories cleared of stale temporary files
}

var (
	_ runtime.IOManager    = (*Manager)(nil)
	_ runtime.TypeChecker  = (*Manager)(nil)
	_ runtime.Stamped      = (*Manager)(nil)
	_ runtime.ShareChecker = (*Manager)(nil)
	_ runtime.StreamStorer = (*Manager)(nil)
	_ runtime.StreamLoader = (*Manager)(nil)
)

// Format encodes and decodes stored values.
type Format struct {
	// Ext is the file name extension, without the dot: "json", "gob".
	Ext string
	// Encode writes v to w.
	Encode func(w io.Writer, v any) error
	// Decode reads one value from r into ptr, a non-nil pointer.
	Decode func(r io.Reader, ptr any) error
	// Check, when set, reports whether values of type t can be stored.
	Check func(t reflect.Type) error

	rows *rowCodec // the built-in formats' form of a table written a row at a time
}

// Option configures a Manager.
type Option func(*Manager)

// JSON stores values as JSON (encoding/json): readable by people and
// other tools. It is the default.
func JSON() Option { return WithFormat(jsonFormat) }

// Gob stores values with encoding/gob: compact and fast, for Go readers
// only. Values held in interface types must be registered with gob.Register.
func Gob() Option { return WithFormat(gobFormat) }

// Shared says that the directory is shared by every machine that runs
// the pipeline's steps (a network file system, a mounted bucket), so that
// a step on one machine loads what a step on another stored: a
// distributed run (package queue) accepts the manager only then. The
// file system must give what the manager relies on: a rename that
// replaces a file atomically, and a reader that sees a renamed file whole.
func Shared() Option { return func(m *Manager) { m.shared = true } }

// CheckShared returns nil when the manager was made with Shared, else an
// error saying what to do.
func (m *Manager) CheckShared() error {
	if m.shared {
		return nil
	}
	return fmt.Errorf("directory %s is local to each machine: give fs.New the fs.Shared() option if every worker mounts it, or use the blob I/O manager (runtime/iomanager/blob) on a bucket", m.dir)
}

// WithFormat stores values in f. A format of one's own has no form of a
// table written row by row: streams of rows are stored and loaded whole.
func WithFormat(f Format) Option { return func(m *Manager) { m.format = f } }

// JSONLines stores tables (slices of structs, []T or []*T) as JSON lines,
// one row per line, as streams are always stored, rather than as one JSON
// array: for tools that read JSON lines (DuckDB's read_json, jq, most
// warehouses' loaders). Loads read either form. It changes nothing with
// Gob, whose streams are a gob value per row and whose slices one value.
func JSONLines() Option { return func(m *Manager) { m.lines = true } }

var jsonFormat = Format{
	Ext:    "json",
	Encode: func(w io.Writer, v any) error { return json.NewEncoder(w).Encode(v) },
	Decode: func(r io.Reader, ptr any) error { return json.NewDecoder(r).Decode(ptr) },
	Check:  storable.JSON,
	rows:   jsonRows,
}

// gobFormat writes a header byte before the gob stream, 0 for a nil value
// (which gob cannot encode) and 1 for a value.
var gobFormat = Format{
	Ext: "gob",
	Encode: func(w io.Writer, v any) error {
		if rv := reflect.ValueOf(v); !rv.IsValid() || rv.Kind() == reflect.Pointer && rv.IsNil() {
			_, err := w.Write([]byte{0})
			return err
		}
		if _, err := w.Write([]byte{1}); err != nil {
			return err
		}
		return gob.NewEncoder(w).Encode(v)
	},
	Decode: func(r io.Reader, ptr any) error {
		var h [1]byte
		if _, err := io.ReadFull(r, h[:]); err != nil {
			return err
		}
		switch h[0] {
		case 0:
			return nil // nil: ptr keeps its zero value
		case 1:
			return gob.NewDecoder(r).Decode(ptr)
		}
		return fmt.Errorf("not a gob file written by this I/O manager (header byte %#x)", h[0])
	},
	Check: storable.Gob,
	rows:  gobRows,
}

// New returns a manager that stores files under dir, which is created on
// the first store if missing.
func New(dir string, opts ...Option) *Manager {
	m := &Manager{dir: dir, format: jsonFormat, swept: map[string]bool{}}
	for _, o := range opts {
		o(m)
	}
	return m
}

// Dir returns the base directory.
func (m *Manager) Dir() string { return m.dir }

// Path returns the path of the file that holds key (and partition, empty
// when unpartitioned), or an error when the key or partition is not valid.
// The directories of a multi-dimensional partition are named after the
// dimensions, which Path finds on disk: it fails when that partition is
// not stored.
func (m *Manager) Path(key runtime.Key, partition string) (string, error) {
	rel, err := m.find(key, partition)
	if err != nil {
		return "", err
	}
	return filepath.Join(m.dir, filepath.FromSlash(rel)), nil
}

// maxName is the longest name of a data file: its stamp file's temporary
// file (".NAME.stamp.tmp-XXXXXXXXXX") must fit the 255 bytes most file
// systems allow.
const maxName = 255 - len("..stamp") - len(tempSuffix) - 10

// rel returns the slash-separated path, relative to the base directory, of
// the file of key (and partition) of an asset partitioned by def: for a
// multi-dimensional partition, one directory per dimension, named after
// it. Without def (nil), the names of the dimensions are unknown:
// errNoDims.
func (m *Manager) rel(key runtime.Key, part string, def partition.Definition) (string, error) {
	if m.dir == "" {
		return "", errors.New("fs I/O manager: no base directory")
	}
	if err := key.Validate(); err != nil {
		return "", err
	}
	if part == "" {
		return string(key) + "." + m.format.Ext, nil
	}
	if err := ValidPartition(part); err != nil {
		return "", fmt.Errorf("asset %s: %w", key, err)
	}
	parts := strings.Split(part, partition.Sep)
	names := []string{"partition"}
	if len(parts) > 1 {
		md, ok := def.(*partition.Multi)
		switch {
		case def == nil:
			return "", errNoDims
		case !ok || len(md.Names()) != len(parts):
			return "", fmt.Errorf("asset %s: partition %q has %d dimensions, but the asset's partitions are %s", key, part, len(parts), def)
		}
		names = md.Names()
	}
	var b strings.Builder
	b.WriteString(string(key))
	for i, p := range parts {
		name := names[i] + "=" + p
		if i == len(parts)-1 {
			name += "." + m.format.Ext
		}
		if len(name) > maxName {
			return "", fmt.Errorf("asset %s: partition key %q: the file name %s... is longer than %d bytes", key, part, name[:20], maxName)
		}
		b.WriteByte('/')
		b.WriteString(name)
	}
	return b.String(), nil
}

// errNoDims is rel's error for a multi-dimensional partition of an asset
// whose definition it does not have.
var errNoDims = errors.New("the names of the dimensions are unknown")

// find returns the path of key's file of partition part, relative to the
// base directory; the directories of a multi-dimensional partition are
// looked up on disk, one dimension at a time: DIM=KEY for any dimension
// name. It fails when they are not there (an error wrapping
// fs.ErrNotExist), or when there are several (the dimensions were
// renamed: remove the old files).
func (m *Manager) find(key runtime.Key, part string) (string, error) {
	rel, err := m.rel(key, part, nil)
	if err != errNoDims {
		return rel, err
	}
	root, err := os.OpenRoot(m.dir)
	if err != nil {
		return "", fmt.Errorf("asset %s partition %s: %w", key, part, err)
	}
	defer root.Close()
	dir := string(key)
	parts := strings.Split(part, partition.Sep)
	for i, p := range parts {
		suffix := "=" + p
		if i == len(parts)-1 {
			suffix += "." + m.format.Ext
		}
		d, err := root.Open(dir)
		if err != nil {
			return "", fmt.Errorf("asset %s has no partition %s: %w", key, part, err)
		}
		entries, err := d.ReadDir(-1)
		d.Close()
		if err != nil {
			return "", fmt.Errorf("asset %s partition %s: %w", key, part, err)
		}
		var found []string
		for _, e := range entries {
			if name, ok := strings.CutSuffix(e.Name(), suffix); ok && ident.ValidName(name) && e.IsDir() == (i < len(parts)-1) {
				found = append(found, e.Name())
			}
		}
		switch len(found) {
		case 0:
			return "", fmt.Errorf("asset %s has no partition %s: no DIM%s in %s: %w", key, part, suffix, dir, iofs.ErrNotExist)
		case 1:
			dir += "/" + found[0]
		default:
			return "", fmt.Errorf("asset %s partition %s: the dimension is stored under several names (%s): remove the files of the old ones", key, part, strings.Join(found, ", "))
		}
	}
	return dir, nil
}

// ValidPartition reports whether p can name a partition file: p is a key
// by partition.CheckKey, or for a multi-dimensional partition each
// dimension's key, joined by partition.Sep. Anything that could be read as
// a path ("..", "a/b", NUL) is refused.
func ValidPartition(p string) error {
	for _, k := range strings.Split(p, partition.Sep) {
		if err := partition.CheckKey(k); err != nil && k == p {
			return fmt.Errorf("invalid partition: %v", err) // it names the key
		} else if err != nil {
			return fmt.Errorf("invalid partition %q: %v", p, err)
		}
	}
	return nil
}

// CheckType reports whether the format can store values of type t.
func (m *Manager) CheckType(t reflect.Type) error {
	if m.format.Check == nil {
		return nil
	}
	return m.format.Check(t)
}

// stage is a point in a store, where tests inject crashes (see hook).
type stage int

const (
	stageWritten stage = iota // the new bytes are in the temporary file, synced
	stageStamped              // the stamp file describing them is in place
	stageRenamed              // the data file is renamed into place: committed
)

// hook, when set by tests, runs at each stage of a store with the path of
// the temporary data file (of the data file, at stageRenamed); an error
// stops the store there, leaving the files as a crash would.
var hook func(s stage, path string) error

// Store writes value to the file of out.Key and stamps it with out.RunID
// (see Stamp): the value goes to a temporary file, synced; then the stamp
// file describing it is written the same way and renamed into place;
// then the temporary file is renamed over the data file. The previous
// file stays intact until the new one is complete, and at every point a
// crash leaves a stamp that describes the data file it sits beside. It
// adds the path and size to the output metadata and sets the data version
// to the SHA-256 of the bytes written. The first store into a directory in
// a process removes the temporary files that crashed stores left there
// (files of this manager's naming pattern older than the process).
//
// With the JSONLines option, a slice of structs is written one row per
// line, as StoreStream writes a stream.
func (m *Manager) Store(out *runtime.OutputContext, value any) (err error) {
	if m.lines && m.format.rows != nil && isTable(reflect.TypeOf(value)) {
		rv := reflect.ValueOf(value)
		return m.store(out, func(w io.Writer) error {
			return writeRows(m.format.rows, w, func(f func(reflect.Value) error) error { return f(rv) })
		}, func() { out.AddMetadata("rows", rv.Len()) })
	}
	return m.store(out, func(w io.Writer) error {
		if err := encode(m.format, w, value); err != nil {
			return fmt.Errorf("encode %T as %s: %w", value, m.format.Ext, err)
		}
		return nil
	}, nil)
}

// StoreStream writes the rows of rows to the file of out.Key as Store
// writes a value, one row at a time as they come (JSON lines with the JSON
// format, one row per line; a stream of gob values with Gob), holding a
// batch of rows at a time. The temporary file is renamed over the old one
// only once the stream has ended: a stream that fails leaves the previous
// file. It adds the row count to the metadata. A format of one's own
// (WithFormat) has no row form: its streams are collected and stored
// whole.
func (m *Manager) StoreStream(out *runtime.OutputContext, rows *runtime.Rows) error {
	n := 0
	if m.format.rows == nil {
		all := reflect.MakeSlice(rows.Type(), 0, 0)
		if err := rows.Batches(batchRows, func(b reflect.Value) error {
			all = reflect.AppendSlice(all, b)
			return nil
		}); err != nil {
			return fmt.Errorf("asset %s: %w", out.Key, err)
		}
		return m.Store(out, all.Interface())
	}
	return m.store(out, func(w io.Writer) error {
		return writeRows(m.format.rows, w, func(f func(reflect.Value) error) error {
			return rows.Batches(batchRows, func(b reflect.Value) error {
				n += b.Len()
				return f(b)
			})
		})
	}, func() { out.AddMetadata("rows", n) })
}

// store writes the file of out.Key with write, atomically, and stamps it
// (see Store); done, when set, runs once it is in place.
func (m *Manager) store(out *runtime.OutputContext, write func(io.Writer) error, done func()) (err error) {
	rel, err := m.rel(out.Key, out.Partition, definition(out.Def))
	if err != nil {
		return err
	}
	if err := contextErr(out); err != nil {
		return err
	}
	if err := os.MkdirAll(m.dir, 0o755); err != nil {
		return fmt.Errorf("asset %s: %w", out.Key, err)
	}
	root, err := os.OpenRoot(m.dir)
	if err != nil {
		return fmt.Errorf("asset %s: %w", out.Key, err)
	}
	defer root.Close()
	dir, base := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	if dir != "" {
		if err := root.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("asset %s: %w", out.Key, err)
		}
	}
	m.sweep(root, dir)
	l := m.locks.Get(rel)
	l.Lock()
	defer l.Unlock()

	h := sha256.New()
	n := &counter{}
	// The data file syncs while the stamp file is written and synced:
	// a store waits for two syncs in a row (the files, then their
	// directory), not three.
	tmp, synced, err := writeTempAsync(root, dir, base, func(w io.Writer) error {
		bw := writers.Get().(*bufio.Writer)
		defer writers.Put(bw)
		bw.Reset(io.MultiWriter(w, h, n))
		defer bw.Reset(nil)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
	if err != nil {
		return fmt.Errorf("asset %s: %w", out.Key, err)
	}
	renamed := false
	defer func() {
		if !renamed {
			root.Remove(tmp)
		}
	}()
	if err := m.crash(stageWritten, tmp); err != nil {
		renamed = true // a crash leaves the temporary file behind
		return err
	}
	version := hex.EncodeToString(h.Sum(nil))
	if err := m.stamp(root, dir, base, tmp, runtime.Stamp{RunID: out.RunID, DataVersion: version, Time: time.Now()}); err != nil {
		return fmt.Errorf("asset %s: stamp: %w", out.Key, err)
	}
	if err := synced(); err != nil {
		return fmt.Errorf("asset %s: %w", out.Key, err)
	}
	if err := m.crash(stageStamped, tmp); err != nil {
		renamed = true
		return err
	}
	if err := contextErr(out); err != nil {
		return err
	}
	if err := root.Rename(tmp, rel); err != nil {
		return fmt.Errorf("asset %s: %w", out.Key, err)
	}
	renamed = true
	syncDir(root, dir) // so the rename survives a power loss
	if err := m.crash(stageRenamed, rel); err != nil {
		return err
	}
	out.AddMetadata("path", filepath.Join(m.dir, filepath.FromSlash(rel)))
	out.AddMetadata("size", n.n)
	if done != nil {
		done()
	}
	out.SetDataVersion(version)
	return nil
}

// crash runs the test hook at stage s.
func (m *Manager) crash(s stage, rel string) error {
	if hook == nil {
		return nil
	}
	return hook(s, filepath.Join(m.dir, filepath.FromSlash(rel)))
}

// writers are the buffers of the stores, reused: a store of a small
// value costs no 64 KiB buffer of its own.
var writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}

// writeTemp writes a new temporary file for base in dir with write,
// syncs and closes it, and returns its path relative to root.
func writeTemp(root *os.Root, dir, base string, write func(io.Writer) error) (string, error) {
	tmp, synced, err := writeTempAsync(root, dir, base, write)
	if err == nil {
		if err = synced(); err != nil {
			root.Remove(tmp)
		}
	}
	return tmp, err
}

// writeTempAsync is writeTemp that returns once the file is written,
// with synced, which waits for the file to be synced and closed. On an
// error of synced, the caller removes the file.
func writeTempAsync(root *os.Root, dir, base string, write func(io.Writer) error) (tmp string, synced func() error, err error) {
	tmp = path.Join(dir, tempName(base))
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", nil, err
	}
	if err := write(f); err != nil {
		f.Close()
		root.Remove(tmp)
		return "", nil, err
	}
	done := make(chan error, 1)
	go func() {
		err := f.Sync()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	return tmp, func() error { return <-done }, nil
}

// syncDir syncs directory dir of root (best effort).
func syncDir(root *os.Root, dir string) {
	if d, err := root.Open(cmpDir(dir)); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// Load reads the file of in.Upstream and decodes it into a new value of
// the parameter's type, or of the upstream's output type when the
// parameter is an interface or not assignable from it (a slice of
// structs selecting some of the upstream's columns, which runtime.Load
// then projects). A file of rows one at a time (a stream's, or a table
// stored with JSONLines) loads into a slice.
func (m *Manager) Load(in *runtime.InputContext) (any, error) {
	f, t, err := m.openInput(in)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	if m.format.rows != nil && isTable(t) {
		next, whole, err := m.format.rows.open(br, t.Elem())
		if err != nil {
			return nil, fmt.Errorf("asset %s: decode %s into %v: %w", in.Upstream, f.Name(), t, err)
		}
		if !whole {
			out := reflect.MakeSlice(t, 0, 0)
			err := readRows(next, t, batchRows, func(b reflect.Value) error {
				out = reflect.AppendSlice(out, b)
				return nil
			})
			if err != nil {
				return nil, fmt.Errorf("asset %s: decode %s into %v: %w", in.Upstream, f.Name(), t, err)
			}
			return out.Interface(), nil
		}
	}
	ptr := reflect.New(t)
	if err := m.format.Decode(br, ptr.Interface()); err != nil {
		return nil, fmt.Errorf("asset %s: decode %s into %v: %w", in.Upstream, f.Name(), t, err)
	}
	return ptr.Elem().Interface(), nil
}

// LoadStream reads the file of in.Upstream a row at a time and hands f
// batches of them, decoded into a slice of in.Type ([]T; or of the
// upstream's rows, which the runtime projects, as Load does), reused from
// batch to batch: a file of JSON lines line by line, a JSON array element
// by element, a gob stream value by value. A table stored whole with Gob
// (a slice encoded in one gob value) is read whole first.
func (m *Manager) LoadStream(in *runtime.InputContext, f func(batch reflect.Value) error) error {
	file, t, err := m.openInput(in)
	if err != nil {
		return err
	}
	defer file.Close()
	if !isTable(t) {
		return fmt.Errorf("asset %s: a stream of %v: a stream's rows are structs", in.Upstream, t)
	}
	fail := func(err error) error {
		return fmt.Errorf("asset %s: decode %s into %v: %w", in.Upstream, file.Name(), t, err)
	}
	br := bufio.NewReaderSize(file, 64<<10)
	if m.format.rows != nil {
		next, whole, err := m.format.rows.open(br, t.Elem())
		if err != nil {
			return fail(err)
		}
		if !whole {
			var ferr error // f's, returned as it is
			err := readRows(next, t, batchRows, func(b reflect.Value) error {
				if err := contextErr(in); err != nil {
					return err
				}
				ferr = f(b)
				return ferr
			})
			if ferr != nil {
				return ferr
			}
			if err != nil {
				return fail(err)
			}
			return nil
		}
	}
	ptr := reflect.New(t)
	if err := m.format.Decode(br, ptr.Interface()); err != nil {
		return fail(err)
	}
	all := ptr.Elem()
	for lo := 0; lo < all.Len(); lo += batchRows {
		if err := f(all.Slice(lo, min(lo+batchRows, all.Len()))); err != nil {
			return err
		}
	}
	return nil
}

// openInput opens the file of in.Upstream (and its partition) and returns
// it with the type to decode into: the parameter's, or the upstream's
// stored type when the parameter is an interface or cannot take it as it
// is (the runtime projects rows by column).
func (m *Manager) openInput(in *runtime.InputContext) (*os.File, reflect.Type, error) {
	var part string
	switch len(in.UpstreamPartitions) {
	case 0:
	case 1:
		part = in.UpstreamPartitions[0]
	default:
		return nil, nil, fmt.Errorf("asset %s: the fs I/O manager loads one partition per call, not %d (the runtime gathers several)", in.Upstream, len(in.UpstreamPartitions))
	}
	rel, err := m.rel(in.Upstream, part, definition(in.UpstreamDef))
	if err == errNoDims {
		rel, err = m.find(in.Upstream, part)
	}
	if err != nil {
		return nil, nil, err
	}
	t := in.Type
	if up := upstreamType(in); up != nil && (t == nil || t.Kind() == reflect.Interface || !up.AssignableTo(t)) {
		// An interface parameter needs a concrete type to decode into;
		// a parameter selecting a subset of the upstream's columns gets
		// the upstream's rows, which runtime.Load projects by column
		// name (db tags included, which JSON and gob do not know).
		t = up
	}
	if t == nil {
		return nil, nil, fmt.Errorf("asset %s: no type to decode into", in.Upstream)
	}
	root, err := os.OpenRoot(m.dir)
	if err != nil {
		if errors.Is(err, iofs.ErrNotExist) {
			return nil, nil, fmt.Errorf("asset %s has no materialization: directory %s does not exist", in.Upstream, m.dir)
		}
		return nil, nil, fmt.Errorf("asset %s: %w", in.Upstream, err)
	}
	defer root.Close()
	f, err := root.Open(rel)
	if err != nil {
		if errors.Is(err, iofs.ErrNotExist) {
			return nil, nil, fmt.Errorf("asset %s has no materialization: %s does not exist", in.Upstream, filepath.Join(m.dir, filepath.FromSlash(rel)))
		}
		return nil, nil, fmt.Errorf("asset %s: %w", in.Upstream, err)
	}
	return f, t, nil
}

// upstreamType returns the type of the values stored for in's upstream
// (see runtime.AssetDef.StoredType), or nil.
func upstreamType(in *runtime.InputContext) reflect.Type {
	if in.UpstreamDef == nil {
		return nil
	}
	return in.UpstreamDef.StoredType()
}

// definition returns the partitions definition of def, or nil.
func definition(def *runtime.AssetDef) partition.Definition {
	if def == nil {
		return nil
	}
	return def.Partitions
}

// encode encodes v with f, turning a panic of the encoder (gob panics on
// some values) into an error.
func encode(f Format, w io.Writer, v any) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("encoder panicked: %v", p)
		}
	}()
	return f.Encode(w, v)
}

// cmpDir returns dir, or "." for the base directory.
func cmpDir(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}

// contextErr returns the error of out's context, if it is done; for an
// input's context, its bare error.
func contextErr(c interface{ Err() error }) error {
	switch c := c.(type) {
	case *runtime.OutputContext:
		if c.Context == nil {
			return nil
		}
		if err := c.Context.Err(); err != nil {
			return fmt.Errorf("asset %s: not stored: %w", c.Key, err)
		}
	case *runtime.InputContext:
		if c.Context == nil {
			return nil
		}
		return c.Context.Err()
	}
	return nil
}

// counter counts the bytes written through it.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}
