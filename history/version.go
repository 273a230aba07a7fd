package history

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"

	"github.com/assetgen/assetgen/runtime"
)

// LogicalVersion is the version a materialization of an asset would have
// from its inputs alone, as Dagster computes it: a hash of the asset's code
// version and the data versions of its inputs. Two materializations with
// the same logical version were computed by the same code from the same
// data with the same run config. An empty codeVersion hashes as no code
// version, so it only matches another empty one; an empty config (an
// asset that takes none) adds nothing, so versions recorded before config
// existed still match.
func LogicalVersion(codeVersion, config string, inputs map[runtime.Key]string) string {
	h := sha256.New()
	h.Write([]byte("code\x00"))
	h.Write([]byte(codeVersion))
	if config != "" {
		h.Write([]byte("\x00config\x00"))
		h.Write([]byte(config))
	}
	keys := make([]runtime.Key, 0, len(inputs))
	for k := range inputs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		h.Write([]byte("\x00input\x00"))
		h.Write([]byte(k))
		h.Write([]byte{0})
		h.Write([]byte(inputs[k]))
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// DefaultDataVersion is the data version recorded for a materialization
// when neither the asset nor its I/O manager set one: a hash of the run ID,
// the key and the partition. Every materialization thus gets a version of
// its own, so its downstream assets see their upstream data as changed.
// (Versions an I/O manager derives from the stored bytes are better: equal
// outputs keep the downstream fresh.)
func DefaultDataVersion(runID string, key runtime.Key, partition string) string {
	h := sha256.New()
	h.Write([]byte(runID))
	h.Write([]byte{0})
	h.Write([]byte(key))
	h.Write([]byte{0})
	h.Write([]byte(partition))
	return "run:" + hex.EncodeToString(h.Sum(nil)[:12])
}

// DataVersions returns a lookup of the latest data version of each
// unpartitioned asset in assets (from Log.Assets), for
// runtime.Options.DataVersion. Unknown assets give "".
func DataVersions(assets []Asset) func(runtime.Key) string {
	m := make(map[runtime.Key]string, len(assets))
	for _, a := range assets {
		if a.Partition == "" && a.Materialized() {
			m[a.Key] = a.DataVersion
		}
	}
	return func(k runtime.Key) string { return m[k] }
}
