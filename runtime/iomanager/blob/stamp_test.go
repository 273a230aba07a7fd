package blob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
)

// storeRun stores v as key's output in run runID.
func storeRun(m *Manager, runID string, key runtime.Key, partition string, v any) error {
	return m.Store(&runtime.OutputContext{Context: context.Background(), RunID: runID, Key: key, Partition: partition, Type: reflect.TypeOf(v)}, v)
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// TestStamp checks the stamp of a stored output: the run and data version
// of the last store; for an object written by other means (as a store
// killed between its object and its stamp leaves it), no run and the
// object's own version.
func TestStamp(t *testing.T) {
	dir := t.TempDir()
	m, err := Open(context.Background(), "file://"+dir)
	require.NoError(t, err)
	defer m.Close()
	ctx := context.Background()

	_, ok, err := m.Stamp(ctx, "sales", "")
	require.NoError(t, err)
	assert.False(t, ok, "nothing stored")

	before := time.Now()
	require.NoError(t, storeRun(m, "run-1", "sales", "", []Sale{{"a", 1}}))
	path := filepath.Join(dir, "sales.parquet")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	st, ok, err := m.Stamp(ctx, "sales", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "run-1", st.RunID)
	assert.Equal(t, sha(data), st.DataVersion)
	assert.WithinDuration(t, before, st.Time, time.Minute)

	require.NoError(t, storeRun(m, "run-2", "sales", "2024-01-02", []Sale{{"b", 2}}))
	st, ok, err = m.Stamp(ctx, "sales", "2024-01-02")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "run-2", st.RunID)

	// The same bytes written again (a new ETag): still the stamp's data.
	time.Sleep(10 * time.Millisecond)
	require.NoError(t, m.Bucket().WriteAll(ctx, "sales.parquet", data, nil))
	st, ok, err = m.Stamp(ctx, "sales", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "run-1", st.RunID)

	// Other bytes, as a store killed after committing its object and
	// before its stamp leaves them: no run, the object's own version.
	other := []Sale{{"c", 3}}
	var buf bytesWriter
	rt, err := rowTypeOf(reflect.TypeOf(other))
	require.NoError(t, err)
	_, err = writeRows(ctx, &buf, rt, func(f func(reflect.Value) error) error { return f(reflect.ValueOf(other)) })
	require.NoError(t, err)
	require.NoError(t, m.Bucket().WriteAll(ctx, "sales.parquet", buf, nil))
	st, ok, err = m.Stamp(ctx, "sales", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, runtime.Stamp{DataVersion: sha(buf), Time: st.Time}, st)
	got, err := load(m, "sales", reflect.TypeOf(other), reflect.TypeOf(other))
	require.NoError(t, err)
	assert.Equal(t, other, got)

	require.NoError(t, os.Remove(path))
	_, ok, err = m.Stamp(ctx, "sales", "")
	require.NoError(t, err)
	assert.False(t, ok, "the object is gone")

	_, _, err = m.Stamp(ctx, "../x", "")
	assert.Error(t, err)
	_, _, err = m.Stamp(ctx, "sales", "a/b")
	assert.Error(t, err)
}

// bytesWriter collects what is written to it.
type bytesWriter []byte

func (b *bytesWriter) Write(p []byte) (int, error) {
	*b = append(*b, p...)
	return len(p), nil
}
