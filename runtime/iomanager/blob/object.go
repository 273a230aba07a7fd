package blob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"gocloud.dev/blob"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// Object returns the key of the object (within the bucket, prefix
// included) that holds def's output (Parquet when def.OutputType is a
// slice of structs, else JSON) for partition p (empty when unpartitioned),
// or an error when def.Key or p is not valid. A partition of a
// multi-dimensional definition takes one path segment per dimension, in
// name order; any other partition one "partition=" segment.
func (m *Manager) Object(def *runtime.AssetDef, p string) (string, error) {
	key := def.Key
	if err := key.Validate(); err != nil {
		return "", err
	}
	ext := "json"
	if isRows(def.OutputType) {
		ext = "parquet"
	}
	obj := m.prefix + string(key) + "." + ext
	if p != "" {
		var dims []string
		if md, ok := def.Partitions.(*partition.Multi); ok {
			dims = md.Names()
		}
		dir, err := partitionPath(p, dims)
		if err != nil {
			return "", fmt.Errorf("asset %s: %w", key, err)
		}
		obj = m.prefix + string(key) + "/" + dir + "/data." + ext
	}
	if len(obj) > maxObjectKey {
		return "", fmt.Errorf("%s: object key %.40q... is longer than %d bytes", describe(key, p), obj, maxObjectKey)
	}
	return obj, nil
}

// maxObjectKey is the longest object key S3 and Google Cloud Storage
// take, in bytes.
const maxObjectKey = 1024

// partitionPath returns the path of partition key p below its asset's
// prefix: "partition=" and the key, or for a key of a multi-dimensional
// definition, whose dimensions are named by dims, one "name=key" segment
// per dimension ("date=2024-01-01/region=eu", Hive's layout). Each
// dimension's key must pass partition.CheckKey, and its bytes other than
// letters, digits and "-_.~:" are percent-encoded, so that no key makes
// another segment ("/"), a key of another store's syntax ("?", "#", "%")
// or control characters.
func partitionPath(p string, dims []string) (string, error) {
	keys, err := checkPartition(p)
	if err != nil {
		return "", err
	}
	switch {
	case len(keys) == 1 && dims == nil:
		return "partition=" + escapeKey(p), nil
	case dims == nil:
		return "", fmt.Errorf("partition key %q has %d dimensions, but the asset's definition is unknown: the names of the dimensions name its directories", p, len(keys))
	case len(keys) != len(dims):
		return "", fmt.Errorf("partition key %q has %d dimensions, the definition %d (%s)", p, len(keys), len(dims), strings.Join(dims, ", "))
	}
	segs := make([]string, len(keys))
	for i, k := range keys {
		segs[i] = dims[i] + "=" + escapeKey(k)
	}
	return strings.Join(segs, "/"), nil
}

// checkPartition returns the keys of the dimensions of partition key p,
// one for a one-dimensional key, each checked by partition.CheckKey.
func checkPartition(p string) ([]string, error) {
	if p == "" {
		return nil, errors.New("empty partition key")
	}
	keys := strings.Split(p, partition.Sep)
	for _, k := range keys {
		if err := partition.CheckKey(k); err != nil && k == p {
			return nil, fmt.Errorf("invalid partition: %w", err) // it names the key
		} else if err != nil {
			return nil, fmt.Errorf("invalid partition %q: %w", p, err)
		}
	}
	return keys, nil
}

// escapeKey percent-encodes the bytes of k other than letters, digits and
// "-_.~:".
func escapeKey(k string) string {
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		c := k[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.~:", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// unescapeKey returns the key of a value made by escapeKey.
func unescapeKey(v string) (string, error) { return url.PathUnescape(v) }

// tailSize is how much of the end of an object is read first, to hold its
// Parquet footer in one request; an object of at most wholeSize bytes is
// read whole in one request.
const (
	tailSize  = 256 << 10
	wholeSize = 1 << 20
)

// objectReader reads an object by ranges, serving reads that fall in the
// last prefetched range from memory.
type objectReader struct {
	ctx    context.Context
	bucket *blob.Bucket
	key    string
	size   int64
	win    []byte // the prefetched range
	winOff int64
}

// open returns a reader of object key, with its footer (or the whole
// object, when small) already read.
func (m *Manager) open(ctx context.Context, key string) (*objectReader, error) {
	attrs, err := m.bucket.Attributes(ctx, key)
	if err != nil {
		return nil, err
	}
	r := &objectReader{ctx: ctx, bucket: m.bucket, key: key, size: attrs.Size}
	n := min(r.size, tailSize)
	if r.size <= wholeSize {
		n = r.size
	}
	if err := r.prefetch(r.size-n, n); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *objectReader) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, fmt.Errorf("read at negative offset %d", off)
	}
	if off >= r.winOff && off+int64(len(p)) <= r.winOff+int64(len(r.win)) {
		return copy(p, r.win[off-r.winOff:]), nil
	}
	if off >= r.size {
		return 0, io.EOF
	}
	n, err := r.read(p[:min(int64(len(p)), r.size-off)], off)
	if err == nil && n < len(p) {
		err = io.EOF
	}
	return n, err
}

func (r *objectReader) prefetch(off, n int64) error {
	if off >= r.winOff && off+n <= r.winOff+int64(len(r.win)) {
		return nil
	}
	if n < 0 || off < 0 || off+n > r.size {
		return fmt.Errorf("range [%d, %d) is outside the object of %d bytes", off, off+n, r.size)
	}
	if int64(cap(r.win)) < n {
		r.win = make([]byte, n)
	}
	r.win, r.winOff = r.win[:0], 0 // invalid until read
	got, err := r.read(r.win[:n], off)
	if err != nil {
		return err
	}
	r.win, r.winOff = r.win[:got], off
	return nil
}

// read reads len(p) bytes at off with one range request.
func (r *objectReader) read(p []byte, off int64) (int, error) {
	rr, err := r.bucket.NewRangeReader(r.ctx, r.key, off, int64(len(p)), nil)
	if err != nil {
		return 0, err
	}
	defer rr.Close()
	n, err := io.ReadFull(rr, p)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = fmt.Errorf("the object is shorter than %d bytes: %w", off+int64(len(p)), err)
	}
	return n, err
}
