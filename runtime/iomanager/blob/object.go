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
)

// partitionSegment returns the path segment of partition key p:
// "partition=" and p with every byte other than letters, digits and
// "-_.~:" percent-encoded, so that no key makes another segment ("/"),
// a key of another store's syntax ("?", "#", "%") or control characters.
// Each dimension of a multi-dimensional key (joined by "|") must pass
// partition.CheckKey.
func partitionSegment(p string) (string, error) {
	if p == "" {
		return "", errors.New("empty partition key")
	}
	for _, dim := range strings.Split(p, partition.Sep) {
		if err := partition.CheckKey(dim); err != nil {
			return "", fmt.Errorf("invalid partition key %q: %w", p, err)
		}
	}
	var b strings.Builder
	b.WriteString("partition=")
	for i := 0; i < len(p); i++ {
		c := p[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.~:", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String(), nil
}

// unescapePartition returns the partition key of a segment made by
// partitionSegment.
func unescapePartition(seg string) (string, error) {
	v, ok := strings.CutPrefix(seg, "partition=")
	if !ok {
		return "", fmt.Errorf("segment %q is not a partition", seg)
	}
	return url.PathUnescape(v)
}

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
