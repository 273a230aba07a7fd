// Package blob is an I/O manager that stores each asset's output as one
// object in a bucket of object storage, through gocloud.dev/blob: Amazon S3
// and S3-compatible servers (MinIO, versitygw, Ceph, R2), Google Cloud
// Storage, Azure Blob Storage, or a local directory. One URL picks the
// place:
//
//	s3://bucket/prefix?region=eu-west-1
//	s3://bucket/prefix?endpoint=http://127.0.0.1:7070&use_path_style=true&region=us-east-1
//	gs://bucket/prefix
//	azblob://container/prefix
//	file:///var/data/assets
//
// # Drivers
//
// The package registers the file:// driver only. Import the driver of any
// other store in the main package, so that binaries carry only the cloud
// SDKs they use (the S3 driver adds about 14 MB to a binary, Google
// Cloud's more):
//
//	import _ "gocloud.dev/blob/s3blob"    // s3://
//	import _ "gocloud.dev/blob/gcsblob"   // gs://
//	import _ "gocloud.dev/blob/azureblob" // azblob://
//
// Credentials come from each driver's usual sources (for S3: the
// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables, a profile, an
// instance role), never from the URL.
//
// # Formats and layout
//
// A slice of structs ([]T or []*T) is stored as Parquet: one column per
// column of T, named by the rule DuckDB's I/O manager uses (the db tag,
// else the field name in snake_case; see package internal/columns). Any
// other value is stored as JSON. Asset a/b/c is the object
// PREFIX/a/b/c.parquet (or .json); partition p of it is
// PREFIX/a/b/c/partition=p/data.parquet, and a partition of a
// multi-dimensional definition PREFIX/a/b/c/date=2024-01-01/region=eu/data.parquet:
// the Hive layout, which DuckDB's read_parquet(..., hive_partitioning =
// true) reads back with a column per dimension. Bytes of a partition key
// other than letters, digits and "-_.~:" are percent-encoded, so that no
// key can leave its asset's prefix.
//
// A stream of rows (an asset returning an iter.Seq2[T, error]; see
// runtime.StreamStorer) is stored as Parquet too, encoded one row group at
// a time as the rows come and written to the object being uploaded (in
// parts, on S3), which is committed only once the stream has ended; a
// stream and a slice of the same rows make the same bytes. LoadStream (a
// stream parameter) reads an object back one row group at a time.
//
// A parameter whose struct has a subset of the stored columns loads only
// those columns: the other column chunks are never read. Loading several
// partitions into a slice (Load, or LoadRange) reads one object per
// partition and concatenates their rows in order.
//
// # Atomicity, versions and stamps
//
// An object is written whole or not at all: object stores make a PUT (or
// a multipart upload) visible only when it completes, and the file://
// driver writes a temporary file next to the object, which the manager
// syncs, and renames it over the old one. A failed or cancelled store
// leaves the previous object in place. The data version of a store is the
// SHA-256 of the object's bytes, computed while they are written. The
// object's metadata names the run that wrote it, in the same PUT; a stamp
// under PREFIX/.stamps/, written before the object is committed and
// naming the store by a token in that metadata, records the run and the
// data version for runtime.Stamped (see Stamp).
package blob

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"strings"
	"unsafe"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/fileblob" // file://
	"gocloud.dev/gcerrors"

	"github.com/assetgen/assetgen/internal/fileid"
	"github.com/assetgen/assetgen/internal/keylock"
	"github.com/assetgen/assetgen/internal/storable"
	"github.com/assetgen/assetgen/runtime"
)

// CheckShared returns nil, unless the bucket lives in one process
// (mem://) or one machine's directory (file://): steps on other machines
// cannot load what those hold. A bucket given to New is taken as shared.
func (m *Manager) CheckShared() error {
	switch m.scheme {
	case "mem":
		return fmt.Errorf("bucket %s lives in one process's memory, which steps on other machines cannot load: use an s3://, gs:// or azblob:// bucket", m.url)
	case "file":
		return fmt.Errorf("bucket %s is a directory of one machine: use an s3://, gs:// or azblob:// bucket (or the fs I/O manager with fs.Shared() on a directory every worker mounts)", m.url)
	}
	return nil
}

var (
	_ runtime.ShareChecker = (*Manager)(nil)
	_ runtime.IOManager    = (*Manager)(nil)
	_ runtime.RangeLoader  = (*Manager)(nil)
	_ runtime.Stamped      = (*Manager)(nil)
	_ runtime.TypeChecker  = (*Manager)(nil)
	_ runtime.StreamStorer = (*Manager)(nil)
	_ runtime.StreamLoader = (*Manager)(nil)
)

// Manager is the object storage I/O manager. It is safe for concurrent
// use.
type Manager struct {
	bucket  *blob.Bucket
	prefix  string      // ends with "/" unless empty
	url     string      // the bucket's URL without secrets, for messages
	secrets []string    // the URL's secrets, scrubbed from messages
	owned   bool        // Close closes the bucket
	scheme  string      // the URL's scheme, when Open opened it
	locks   keylock.Map // per object: stores of one object (and its stamp) run one at a time
}

// Open opens the bucket of url and returns a manager storing objects
// under the URL's path: s3://bucket/a/b stores asset x at a/b/x.parquet.
// For file:// URLs the path is the directory, which must exist (add
// create_dir=true to create it). Open does not reach the store: a missing
// bucket or bad credentials show in the first Store or Load, naming the
// URL without its secrets. Close the manager when done.
func Open(ctx context.Context, rawURL string, opts ...Option) (*Manager, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("blob I/O manager: invalid URL %s: %w", Redact(rawURL), scrub(err, secrets(rawURL)))
	}
	prefix := ""
	if u.Scheme == "file" {
		// Temporary files next to the objects (a rename across file
		// systems fails), and no .attrs file beside each object.
		q := u.Query()
		if !q.Has("no_tmp_dir") {
			q.Set("no_tmp_dir", "true")
		}
		if !q.Has("metadata") {
			q.Set("metadata", "skip")
		}
		u.RawQuery = q.Encode()
	} else if p := strings.Trim(u.Path, "/"); p != "" {
		prefix = p
		u.Path, u.RawPath = "", ""
	}
	if !blob.DefaultURLMux().ValidBucketScheme(u.Scheme) {
		hint := ""
		if pkg, ok := drivers[u.Scheme]; ok {
			hint = fmt.Sprintf(": add import _ %q to the main package", pkg)
		}
		return nil, fmt.Errorf("blob I/O manager: no driver for %s URLs (%s)%s", u.Scheme, Redact(rawURL), hint)
	}
	b, err := blob.OpenBucket(ctx, u.String())
	if err != nil {
		return nil, openError(rawURL, u.Scheme, err)
	}
	m := New(b, prefix)
	m.url, m.secrets, m.owned, m.scheme = Redact(rawURL), secrets(rawURL), true, u.Scheme
	for _, o := range opts {
		o(m)
	}
	return m, nil
}

// openError explains why a bucket URL could not be opened.
func openError(rawURL, scheme string, err error) error {
	if scheme == "file" && errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("blob I/O manager: open %s: the directory does not exist (create it, or add create_dir=true to the URL)", Redact(rawURL))
	}
	return fmt.Errorf("blob I/O manager: open %s: %w", Redact(rawURL), scrub(err, secrets(rawURL)))
}

// drivers maps URL schemes to the packages that register them.
var drivers = map[string]string{
	"s3":     "gocloud.dev/blob/s3blob",
	"gs":     "gocloud.dev/blob/gcsblob",
	"azblob": "gocloud.dev/blob/azureblob",
	"mem":    "gocloud.dev/blob/memblob",
}

// Option configures a Manager.
type Option func(*Manager)

// New returns a manager storing objects in bucket under prefix (a path
// such as "pipelines/prod"; empty for the bucket's root). The caller
// keeps ownership of bucket: Close does not close it.
func New(bucket *blob.Bucket, prefix string, opts ...Option) *Manager {
	prefix = strings.Trim(prefix, "/")
	if prefix != "" {
		prefix += "/"
	}
	m := &Manager{bucket: bucket, prefix: prefix, url: "bucket"}
	for _, o := range opts {
		o(m)
	}
	return m
}

// WithName names the bucket in messages and metadata, such as its URL,
// when the manager was made with New (Open uses the URL without its
// secrets).
func WithName(name string) Option {
	return func(m *Manager) { m.url, m.secrets = Redact(name), secrets(name) }
}

// Close closes the bucket if Open opened it.
func (m *Manager) Close() error {
	if m.owned {
		return m.bucket.Close()
	}
	return nil
}

// Bucket returns the manager's bucket.
func (m *Manager) Bucket() *blob.Bucket { return m.bucket }

// where names an object in messages: its key and the bucket's URL.
func (m *Manager) where(obj string) string {
	return "object " + obj + " in " + m.url
}

// CheckType reports whether values of type t can be stored: a slice of
// structs whose fields Parquet can hold (the error names the first field
// it cannot), or a value encoding/json can store and load back.
func (m *Manager) CheckType(t reflect.Type) error {
	if isRows(t) {
		_, err := rowTypeOf(t)
		return err
	}
	return storable.JSON(t)
}

// Store writes value, the output of out.Key (and out.Partition), to its
// object: as Parquet when out.Type is a slice of structs, else as JSON
// (an interface type too, whatever the value holds). It
// adds the object's URL, size and row count to the output metadata and
// sets the data version to the SHA-256 of the bytes written.
func (m *Manager) Store(out *runtime.OutputContext, value any) error {
	return m.store(out, reflect.TypeOf(value), func(ctx context.Context, w io.Writer, rt *rowType) (int, error) {
		if rt == nil {
			if err := json.NewEncoder(w).Encode(value); err != nil {
				return 0, fmt.Errorf("encode %T as JSON: %w", value, err)
			}
			return 0, nil
		}
		rv := reflect.ValueOf(value)
		if !rv.IsValid() {
			rv = reflect.Zero(rt.slice)
		}
		if rv.Type() != rt.slice {
			return 0, fmt.Errorf("value of type %v, want %v", rv.Type(), rt.slice)
		}
		return writeRows(ctx, w, rt, func(f func(reflect.Value) error) error { return f(rv) })
	})
}

// StoreStream writes the rows of rows to the object of out.Key (and
// out.Partition) as Store writes a slice: Parquet, one row group of
// 131,072 rows at a time, encoded as the rows come and written out, so
// that the manager holds one row group however long the stream; the
// object is committed only once the stream has ended (a stream that fails
// leaves the previous object). A stream and a slice of the same rows make
// the same bytes, and the same data version.
func (m *Manager) StoreStream(out *runtime.OutputContext, rows *runtime.Rows) error {
	return m.store(out, rows.Type(), func(ctx context.Context, w io.Writer, rt *rowType) (int, error) {
		if rt == nil {
			return 0, fmt.Errorf("a stream of %v: Parquet stores rows of structs", rows.Type().Elem())
		}
		return writeRows(ctx, w, rt, func(f func(reflect.Value) error) error {
			return rows.Batches(runtime.DefaultBatch, f)
		})
	})
}

// store writes the object of out.Key (and out.Partition) with write,
// which writes Parquet rows of rt or, when rt is nil, JSON; out.Type, or
// else t, the type of the value, picks the format.
func (m *Manager) store(out *runtime.OutputContext, t reflect.Type, write func(ctx context.Context, w io.Writer, rt *rowType) (int, error)) error {
	// The static type picks the format (an interface type stores JSON,
	// whatever it holds: Load knows only the static type).
	def := runtime.AssetDef{Key: out.Key, OutputType: out.Type}
	if out.Def != nil && out.Def.Key == out.Key {
		def.Partitions = out.Def.Partitions
	}
	if def.OutputType == nil {
		def.OutputType = t
	}
	t = def.OutputType
	obj, err := m.Object(&def, out.Partition)
	if err != nil {
		return err
	}
	ctx := out.Context
	if ctx == nil {
		ctx = context.Background()
	}
	what := describe(out.Key, out.Partition)
	var rt *rowType
	if isRows(t) {
		if rt, err = rowTypeOf(t); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: not stored: %w", what, err)
	}
	l := m.locks.Get(obj)
	l.Lock()
	defer l.Unlock()
	// The stamp goes before the object is committed, naming the store by
	// a random token that the object carries in its metadata (see
	// stamp.go): a stamp that fails only makes Stamp hash the object, so
	// it is a warning.
	token := newStoreToken()
	stamp := func(res written, file uint64) {
		if err := m.writeStamp(ctx, out.Key, out.Partition, obj, out.RunID, token, file, res); err != nil && out.Log != nil {
			out.Log.Warn("blob: the output is stored, its stamp is not", "object", m.where(obj), "error", m.explain(ctx, err))
		}
	}
	res, err := m.write(ctx, obj, rt, write, map[string]string{metaRun: out.RunID, metaStore: token}, stamp)
	if err != nil {
		return m.storeError(ctx, what, obj, err)
	}
	out.AddMetadata("uri", m.where(obj))
	out.AddMetadata("size", res.size)
	if rt != nil {
		out.AddMetadata("rows", res.rows)
	}
	out.SetDataVersion(res.version)
	return nil
}

// written is what a store wrote.
type written struct {
	size    int64
	rows    int
	version string // hex SHA-256 of the object's bytes
}

// write writes object obj with body, Parquet rows of rt (nil: JSON), and
// metadata, and commits it only when it is complete; before the commit,
// it calls before with what was written and, with the file:// driver, the
// ID of the file that becomes the object (else 0).
func (m *Manager) write(ctx context.Context, obj string, rt *rowType, body func(ctx context.Context, w io.Writer, rt *rowType) (int, error),
	metadata map[string]string, before func(res written, file uint64)) (res written, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var file *os.File // the temporary file, with the file:// driver
	opts := &blob.WriterOptions{
		ContentType: "application/json",
		Metadata:    metadata,
		BeforeWrite: func(as func(any) bool) error {
			as(&file)
			return nil
		},
	}
	if rt != nil {
		opts.ContentType = "application/vnd.apache.parquet"
	}
	w, err := m.bucket.NewWriter(ctx, obj, opts)
	if err != nil {
		return res, err
	}
	defer func() {
		if err != nil {
			cancel() // abort: the object is not committed
			_ = w.Close()
		}
	}()
	h := sha256.New()
	c := &counter{}
	bw := bufio.NewWriterSize(io.MultiWriter(w, h, c), 256<<10)
	if res.rows, err = body(ctx, bw, rt); err != nil {
		return res, err
	}
	if err := bw.Flush(); err != nil {
		return res, err
	}
	var id uint64
	if file != nil {
		// The driver renames the file without syncing it: sync it first,
		// so that a power loss cannot leave a renamed, empty object.
		if err := file.Sync(); err != nil {
			return res, err
		}
		fi, err := file.Stat()
		if err != nil {
			return res, err
		}
		id = fileid.Of(fi)
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	res.size, res.version = c.n, hex.EncodeToString(h.Sum(nil))
	before(res, id)
	err = w.Close()
	if err != nil {
		return res, err
	}
	return res, nil
}

// Load reads the object of in.Upstream and decodes it into a new value of
// the parameter's type: Parquet rows into a slice of structs (a struct
// with a subset of the stored columns reads only those), JSON into the
// parameter's type, or the upstream's output type when the parameter is
// an interface. Several upstream partitions load into one slice, in
// order.
func (m *Manager) Load(in *runtime.InputContext) (any, error) {
	def := upstreamDef(in)
	up := def.OutputType
	if up == nil {
		return nil, fmt.Errorf("asset %s: no type to decode into", in.Upstream)
	}
	ctx := in.Context
	if ctx == nil {
		ctx = context.Background()
	}
	parts := in.UpstreamPartitions
	if len(parts) == 0 {
		parts = []string{""}
	}
	objs := make([]string, len(parts))
	for i, p := range parts {
		obj, err := m.Object(&def, p)
		if err != nil {
			return nil, err
		}
		objs[i] = obj
	}
	if isRows(up) {
		t := in.Type
		if !isRows(t) {
			t = up // an interface parameter
		}
		return m.loadRows(ctx, in.Upstream, parts, objs, t)
	}
	// JSON decodes into the parameter's type, or into the upstream's
	// output type when the parameter is an interface or cannot be
	// assigned the upstream's value.
	t := in.Type
	if t == nil || t.Kind() == reflect.Interface || up.Kind() != reflect.Interface && !up.AssignableTo(t) {
		t = up
	}
	return m.loadJSON(ctx, in.Upstream, parts, objs, t)
}

// upstreamDef returns what the manager needs of the definition of
// in.Upstream: its key, partitions and stored type (a stream's rows are a
// slice), which name its objects; the parameter's type when unknown.
func upstreamDef(in *runtime.InputContext) runtime.AssetDef {
	def := runtime.AssetDef{Key: in.Upstream, OutputType: in.Type}
	if d := in.UpstreamDef; d != nil && d.Key == in.Upstream {
		def.Partitions = d.Partitions
		if d.OutputType != nil {
			def.OutputType = d.StoredType()
		}
	}
	return def
}

// LoadStream hands f the rows of in.Upstream (of its partitions
// in.UpstreamPartitions, one after the other in key order) one row group
// at a time, decoded into a slice of in.Type ([]T or []*T) reused from
// group to group: it holds one row group of rows, however large the
// object. A parameter's struct with a subset of the columns reads only
// those column chunks, as Load does.
func (m *Manager) LoadStream(in *runtime.InputContext, f func(batch reflect.Value) error) (err error) {
	def := upstreamDef(in)
	if !isRows(def.OutputType) {
		return fmt.Errorf("asset %s: its output, a %v, is no table of rows for a stream", in.Upstream, def.OutputType)
	}
	t := in.Type
	if !isRows(t) {
		t = def.OutputType
	}
	rt, err := rowTypeOf(t)
	if err != nil {
		return fmt.Errorf("asset %s: load into %w", in.Upstream, err)
	}
	ctx := in.Context
	if ctx == nil {
		ctx = context.Background()
	}
	parts := in.UpstreamPartitions
	if len(parts) == 0 {
		parts = []string{""}
	}
	var ferr error // f's, returned as it is
	g := func(b reflect.Value) error {
		ferr = f(b)
		return ferr
	}
	for _, p := range parts {
		obj, err := m.Object(&def, p)
		if err != nil {
			return err
		}
		if err := m.streamRows(ctx, in.Upstream, p, obj, rt, g); err != nil {
			if ferr != nil {
				return ferr
			}
			return err
		}
	}
	return nil
}

// streamRows reads the Parquet object obj, partition p of key, one row
// group at a time into a slice of rt, and hands each to f.
func (m *Manager) streamRows(ctx context.Context, key runtime.Key, p, obj string, rt *rowType, f func(batch reflect.Value) error) (err error) {
	consumer := false // a panic of f is f's, not a corrupt object
	defer func() {
		if v := recover(); v != nil {
			if consumer {
				panic(v)
			}
			err = fmt.Errorf("%s: load %s: corrupt Parquet object: %v", describe(key, p), m.where(obj), v)
		}
	}()
	r, err := m.open(ctx, obj)
	if err != nil {
		return m.loadError(ctx, key, p, obj, err)
	}
	pf, err := openParquet(r, r.size, rt)
	if err != nil {
		return fmt.Errorf("%s: %s: %w", describe(key, p), m.where(obj), err)
	}
	var values, batch reflect.Value // the structs decoded into; the batch, of pointers to them for []*T
	a := pf.assembler(rt)
	for g, rg := range pf.f.RowGroups() {
		n := int(rg.NumRows())
		if !values.IsValid() || values.Len() < n || rt.ptr {
			values = reflect.MakeSlice(reflect.SliceOf(rt.elem), n, n)
		} else {
			values = values.Slice(0, n)
			values.Clear()
		}
		if n > 0 {
			if err := pf.readGroup(ctx, a, rt, g, values.UnsafePointer(), 0); err != nil {
				return m.loadError(ctx, key, p, obj, err)
			}
		}
		batch = values
		if rt.ptr {
			batch = reflect.MakeSlice(rt.slice, n, n)
			for i := range n {
				batch.Index(i).Set(values.Index(i).Addr())
			}
		}
		consumer = true
		if err := f(batch); err != nil {
			return err
		}
		consumer = false
	}
	return nil
}

// LoadRange loads the partitions in.UpstreamPartitions of in.Upstream into
// one value, as Load does: the rows of every partition, concatenated in
// the order of in.UpstreamPartitions.
func (m *Manager) LoadRange(in *runtime.InputContext) (any, error) { return m.Load(in) }

// loadRows reads the Parquet objects objs, the partitions parts of key,
// into one slice of type t.
func (m *Manager) loadRows(ctx context.Context, key runtime.Key, parts, objs []string, t reflect.Type) (_ any, err error) {
	defer func() {
		// parquet-go may panic on a corrupt object: fail the load instead.
		if p := recover(); p != nil {
			err = fmt.Errorf("asset %s: load %s: corrupt Parquet object: %v", key, m.where(strings.Join(objs, ", ")), p)
		}
	}()
	rt, err := rowTypeOf(t)
	if err != nil {
		return nil, fmt.Errorf("asset %s: load into %w", key, err)
	}
	files := make([]*parquetFile, len(objs))
	total := 0
	for i, obj := range objs {
		r, err := m.open(ctx, obj)
		if err != nil {
			return nil, m.loadError(ctx, key, parts[i], obj, err)
		}
		pf, err := openParquet(r, r.size, rt)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", describe(key, parts[i]), m.where(obj), err)
		}
		files[i] = pf
		if total += pf.numRows(); total > math.MaxInt32 {
			return nil, fmt.Errorf("asset %s: %d rows are more than one slice takes", key, total)
		}
	}
	if total == 0 {
		return reflect.Zero(t).Interface(), nil
	}
	rows := reflect.MakeSlice(reflect.SliceOf(rt.elem), total, total)
	base := rows.UnsafePointer()
	at := 0
	for i, pf := range files {
		if err := pf.read(ctx, rt, base, at); err != nil {
			return nil, m.loadError(ctx, key, parts[i], objs[i], err)
		}
		at += pf.numRows()
	}
	if !rt.ptr {
		return rows.Interface(), nil
	}
	out := reflect.MakeSlice(t, total, total)
	ptrs := unsafe.Slice((*unsafe.Pointer)(out.UnsafePointer()), total)
	size := rt.elem.Size()
	for i := range ptrs {
		ptrs[i] = unsafe.Add(base, uintptr(i)*size)
	}
	return out.Interface(), nil
}

// loadJSON decodes the JSON objects objs, the partitions parts of key,
// into a value of type t; several objects need a slice type, whose
// elements they concatenate.
func (m *Manager) loadJSON(ctx context.Context, key runtime.Key, parts, objs []string, t reflect.Type) (any, error) {
	if len(objs) > 1 && t.Kind() != reflect.Slice {
		return nil, fmt.Errorf("asset %s: %d partitions cannot load into one %v (a slice concatenates them)", key, len(objs), t)
	}
	var out reflect.Value
	for i, obj := range objs {
		ptr := reflect.New(t)
		if err := m.decodeJSON(ctx, obj, ptr.Interface()); err != nil {
			return nil, m.loadError(ctx, key, parts[i], obj, err)
		}
		if i == 0 {
			out = ptr.Elem()
		} else {
			out = reflect.AppendSlice(out, ptr.Elem())
		}
	}
	return out.Interface(), nil
}

func (m *Manager) decodeJSON(ctx context.Context, obj string, ptr any) error {
	r, err := m.bucket.NewReader(ctx, obj, nil)
	if err != nil {
		return err
	}
	defer r.Close()
	if err := json.NewDecoder(bufio.NewReaderSize(r, 64<<10)).Decode(ptr); err != nil {
		return fmt.Errorf("decode JSON into %T: %w", ptr, err)
	}
	return nil
}

// describe names an asset and its partition in messages.
func describe(key runtime.Key, partition string) string {
	if partition == "" {
		return "asset " + string(key)
	}
	return fmt.Sprintf("asset %s partition %s", key, partition)
}

// storeError explains why a store failed.
func (m *Manager) storeError(ctx context.Context, what, obj string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%s: not stored: %w", what, ctx.Err())
	}
	return fmt.Errorf("%s: store %s: %w", what, m.where(obj), m.explain(ctx, err))
}

// loadError explains why a load failed.
func (m *Manager) loadError(ctx context.Context, key runtime.Key, part, obj string, err error) error {
	what := describe(key, part)
	if gcerrors.Code(err) == gcerrors.NotFound {
		if ok, aerr := m.bucket.IsAccessible(ctx); aerr == nil && ok {
			return fmt.Errorf("%s has no materialization: %s does not exist", what, m.where(obj))
		}
	}
	return fmt.Errorf("%s: load %s: %w", what, m.where(obj), m.explain(ctx, err))
}

// explain adds to a store error what it says about the bucket: a missing
// bucket, or credentials the store refused.
func (m *Manager) explain(ctx context.Context, err error) error {
	err = scrub(err, m.secrets)
	if denied(err) {
		return fmt.Errorf("access denied (check the credentials): %w", err)
	}
	if gcerrors.Code(err) == gcerrors.NotFound {
		if ok, aerr := m.bucket.IsAccessible(ctx); aerr == nil && !ok {
			return fmt.Errorf("the bucket does not exist: %w", err)
		}
	}
	return err
}

// denied reports whether err is the store refusing the credentials:
// gcerrors' PermissionDenied, or an HTTP status 401 or 403 that the driver
// left unclassified (S3's SignatureDoesNotMatch, InvalidAccessKeyId).
func denied(err error) bool {
	if gcerrors.Code(err) == gcerrors.PermissionDenied {
		return true
	}
	var hs interface{ HTTPStatusCode() int }
	if errors.As(err, &hs) {
		c := hs.HTTPStatusCode()
		return c == http.StatusUnauthorized || c == http.StatusForbidden
	}
	return false
}

// counter counts the bytes written through it.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}
