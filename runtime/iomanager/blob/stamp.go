package blob

import (
	"bytes"
	"context"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	"github.com/assetgen/assetgen/internal/fileid"
	"github.com/assetgen/assetgen/runtime"
)

// A stamp is a small JSON object saying which run wrote an output and its
// data version (the SHA-256 of the object's bytes). It cannot be in the
// data object's own metadata, which is fixed before the object's bytes are
// written (their hash is not known yet). So a store names itself by a
// random token, which the object carries in its metadata (written in the
// same PUT) with the run's ID; with the file:// driver, which keeps no
// metadata, by the ID of the file it renames into place. Once the bytes
// are written and hashed, and before the object is committed, it writes
// the stamp: the token, the file's ID, the size, and the stamp before
// (of the object in place until the commit). Stamp believes the entry
// that names the object's token (or file): a store killed between its
// stamp and its commit leaves the entry before to describe the object,
// one killed during its commit leaves either object whole, and no point
// leaves a stamp that lies. When neither entry names the object (one
// written by other means), Stamp hashes it and takes the run from its
// metadata (when the metadata is of these bytes). Stamps live apart from the data,
// under PREFIX/.stamps/ (a dot never starts an asset key's component), so
// that globs over the data (read_parquet('sales/*/*.parquet')) never meet
// them.
const stampDir = ".stamps"

// The metadata keys of a data object: the run that wrote it and its
// store's token.
const (
	metaRun   = "assetgen-run"
	metaStore = "assetgen-store"
)

// newStoreToken returns a random token naming one store.
func newStoreToken() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// stampFile is the contents of a stamp object.
type stampFile struct {
	Object      string    `json:"object"` // the data object's key
	RunID       string    `json:"run_id"`
	DataVersion string    `json:"data_version"` // SHA-256 of the object's bytes, hex
	Time        time.Time `json:"stored_at"`
	Size        int64     `json:"size"`
	Store       string    `json:"store,omitempty"` // the store's token, in the object's metadata
	File        uint64    `json:"file,omitempty"`  // the file:// driver's: the object file's ID
	ETag        string    `json:"etag,omitempty"`  // stamps of earlier versions: the object's ETag once committed
	// The stamp of the store before, of the same object: the object's
	// until this store commits.
	Previous *stampFile `json:"previous,omitempty"`
}

// stampKey returns the key of the stamp object of key and partition p.
func (m *Manager) stampKey(key runtime.Key, p string) (string, error) {
	if err := key.Validate(); err != nil {
		return "", err
	}
	k := m.prefix + stampDir + "/" + string(key)
	if p != "" {
		// One name for any partition key, whatever the layout of its
		// data: Stamp does not know the asset's definition.
		if _, err := checkPartition(p); err != nil {
			return "", fmt.Errorf("asset %s: %w", key, err)
		}
		k += "/partition=" + escapeKey(p)
	}
	return k + ".json", nil
}

// writeStamp writes the stamp of the store of obj by run runID, whose
// token is token, about to be committed: res was written, to the file of
// ID file with the file:// driver (else 0).
func (m *Manager) writeStamp(ctx context.Context, key runtime.Key, p, obj, runID, token string, file uint64, res written) error {
	sk, err := m.stampKey(key, p)
	if err != nil {
		return err
	}
	f := stampFile{
		Object: obj, RunID: runID, DataVersion: res.version, Time: time.Now().UTC(),
		Size: res.size, Store: token, File: file,
	}
	// The stamp before stays in it, for the object in place until this
	// store commits (a store killed before it commits leaves that).
	if b, err := m.bucket.ReadAll(ctx, sk); err == nil {
		var prev stampFile
		if json.Unmarshal(b, &prev) == nil && prev.Object == obj {
			prev.Previous = nil
			f.Previous = &prev
		}
	} else if gcerrors.Code(err) != gcerrors.NotFound {
		return err
	}
	b, err := json.Marshal(f)
	if err != nil {
		return err
	}
	return m.bucket.WriteAll(ctx, sk, b, &blob.WriterOptions{ContentType: "application/json"})
}

// Stamp returns the stamp of the output stored for key and partition (empty
// when unpartitioned): the run that wrote it, its data version and when it
// was stored. ok is false when nothing is stored or no stamp describes it
// (an output stored before stamps were kept). When the stamp is not of
// the object in place (a store killed after its stamp, or an object
// written by other means), Stamp reads the object whole to hash it, and
// takes its run from the object's metadata; the same bytes as the
// stamp's written by other means keep the stamp's run; other bytes with
// no run of their own have none.
func (m *Manager) Stamp(ctx context.Context, key runtime.Key, partition string) (runtime.Stamp, bool, error) {
	sk, err := m.stampKey(key, partition)
	if err != nil {
		return runtime.Stamp{}, false, err
	}
	what := describe(key, partition)
	b, err := m.bucket.ReadAll(ctx, sk)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return runtime.Stamp{}, false, nil
	}
	if err != nil {
		return runtime.Stamp{}, false, fmt.Errorf("%s: read stamp %s: %w", what, m.where(sk), m.explain(ctx, err))
	}
	var f stampFile
	if err := json.Unmarshal(b, &f); err != nil {
		return runtime.Stamp{}, false, fmt.Errorf("%s: stamp %s: %w", what, m.where(sk), err)
	}
	attrs, err := m.bucket.Attributes(ctx, f.Object)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return runtime.Stamp{}, false, nil
	}
	if err != nil {
		return runtime.Stamp{}, false, fmt.Errorf("%s: %s: %w", what, m.where(f.Object), m.explain(ctx, err))
	}
	for c := &f; c != nil; c = c.Previous {
		if describes(c, attrs) {
			return runtime.Stamp{RunID: c.RunID, DataVersion: c.DataVersion, Time: c.Time}, true, nil
		}
	}
	st := runtime.Stamp{RunID: f.RunID, DataVersion: f.DataVersion, Time: f.Time}
	version, md5sum, err := m.hash(ctx, f.Object)
	if err != nil {
		return runtime.Stamp{}, false, fmt.Errorf("%s: hash %s: %w", what, m.where(f.Object), m.explain(ctx, err))
	}
	run := attrs.Metadata[metaRun]
	if len(attrs.MD5) > 0 && !bytes.Equal(attrs.MD5, md5sum) {
		run = "" // metadata of other bytes (file://: a store killed before its rename)
	}
	if run == "" && version == f.DataVersion {
		return st, true, nil
	}
	return runtime.Stamp{RunID: run, DataVersion: version, Time: attrs.ModTime}, true, nil
}

// describes reports whether stamp f is of the object whose attributes are
// attrs: the object of its store (its file, with the file:// driver,
// which keeps no metadata; else its token), or, for a stamp of an earlier
// version, of its ETag.
func describes(f *stampFile, attrs *blob.Attributes) bool {
	if attrs.Size != f.Size {
		return false
	}
	if f.Store == "" {
		return f.ETag != "" && attrs.ETag == f.ETag
	}
	var fi os.FileInfo
	if f.File != 0 && attrs.As(&fi) {
		return fileid.Of(fi) == f.File
	}
	return attrs.Metadata[metaStore] == f.Store
}

// hash returns the SHA-256 of object obj's bytes, hex, and their MD5.
func (m *Manager) hash(ctx context.Context, obj string) (string, []byte, error) {
	r, err := m.bucket.NewReader(ctx, obj, nil)
	if err != nil {
		return "", nil, err
	}
	defer r.Close()
	h, h5 := sha256.New(), md5.New()
	if _, err := io.Copy(io.MultiWriter(h, h5), r); err != nil {
		return "", nil, err
	}
	return hex.EncodeToString(h.Sum(nil)), h5.Sum(nil), nil
}
