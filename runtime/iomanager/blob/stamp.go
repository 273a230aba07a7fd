package blob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	"github.com/assetgen/assetgen/runtime"
)

// A stamp is a small JSON object saying which run wrote an output and its
// data version. It cannot be the data object's own metadata: metadata is
// fixed before the object's bytes are written (their hash is not known
// yet), and the file:// driver keeps it in a file of its own anyway. So
// Store writes the stamp after the data object is committed, naming the
// object's ETag; a store interrupted between the two leaves a stamp whose
// ETag is not the object's, and Stamp then hashes the object instead of
// believing the stamp. Stamps live apart from the data, under
// PREFIX/.stamps/ (a dot never starts an asset key's component), so that
// globs over the data (read_parquet('sales/*/*.parquet')) never meet them.
const stampDir = ".stamps"

// stampFile is the contents of a stamp object.
type stampFile struct {
	Object      string    `json:"object"` // the data object's key
	RunID       string    `json:"run_id"`
	DataVersion string    `json:"data_version"` // SHA-256 of the object's bytes, hex
	Time        time.Time `json:"stored_at"`
	Size        int64     `json:"size"`
	ETag        string    `json:"etag"` // the object's ETag once committed
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

// writeStamp writes the stamp of obj, just committed by run runID as the
// output of key and partition p.
func (m *Manager) writeStamp(ctx context.Context, key runtime.Key, p, obj, runID string, res written) error {
	sk, err := m.stampKey(key, p)
	if err != nil {
		return err
	}
	attrs, err := m.bucket.Attributes(ctx, obj)
	if err != nil {
		return err
	}
	b, err := json.Marshal(stampFile{
		Object: obj, RunID: runID, DataVersion: res.version, Time: time.Now().UTC(),
		Size: res.size, ETag: attrs.ETag,
	})
	if err != nil {
		return err
	}
	return m.bucket.WriteAll(ctx, sk, b, &blob.WriterOptions{ContentType: "application/json"})
}

// Stamp returns the stamp of the output stored for key and partition (empty
// when unpartitioned): the run that wrote it, its data version and when it
// was stored. ok is false when nothing is stored or no stamp describes it
// (an output stored before stamps were kept). When the object is not the
// one the stamp names (a store interrupted after committing its object,
// or an object written by other means) and its bytes differ too, the stamp
// has no run ID and the object's own data version, read whole to hash it.
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
	st := runtime.Stamp{RunID: f.RunID, DataVersion: f.DataVersion, Time: f.Time}
	if f.ETag != "" && attrs.ETag == f.ETag && attrs.Size == f.Size {
		return st, true, nil
	}
	version, err := m.hash(ctx, f.Object)
	if err != nil {
		return runtime.Stamp{}, false, fmt.Errorf("%s: hash %s: %w", what, m.where(f.Object), m.explain(ctx, err))
	}
	if version == f.DataVersion {
		return st, true, nil
	}
	return runtime.Stamp{DataVersion: version, Time: attrs.ModTime}, true, nil
}

// hash returns the SHA-256 of object obj's bytes, hex.
func (m *Manager) hash(ctx context.Context, obj string) (string, error) {
	r, err := m.bucket.NewReader(ctx, obj, nil)
	if err != nil {
		return "", err
	}
	defer r.Close()
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
