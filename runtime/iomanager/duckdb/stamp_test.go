package duckdb

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
)

// setHook sets the store hook for the test.
func setHook(t *testing.T, f func(stage) error) {
	t.Cleanup(func() { hook = nil })
	hook = f
}

func storeAs(m *Manager, runID string, key runtime.Key, v any) error {
	return m.Store(&runtime.OutputContext{Context: context.Background(), RunID: runID, Key: key}, v)
}

type stampRow struct {
	ID   int64
	Name string
}

func TestStamp(t *testing.T) {
	ctx := context.Background()
	m, path := open(t, "s")
	_, ok, err := m.Stamp(ctx, "t", "")
	require.NoError(t, err)
	assert.False(t, ok, "nothing stored")
	_, err = New(path, "s") // Stamp did not create the file
	require.NoError(t, err)

	before := time.Now()
	require.NoError(t, storeAs(m, "r1", "t", []stampRow{{1, "a"}}))
	st, ok, err := m.Stamp(ctx, "t", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "r1", st.RunID)
	assert.Equal(t, version(t, m, "t", []stampRow{{1, "a"}}), st.DataVersion, "the version Store reports")
	assert.False(t, st.Time.Before(before.Truncate(time.Microsecond)))

	// Stamps are in the database: another process (a new manager) reads them.
	require.NoError(t, storeAs(m, "r2", "t", []stampRow{{2, "b"}}))
	require.NoError(t, m.Close())
	m2, err := New(path, "s")
	require.NoError(t, err)
	defer m2.Close()
	st, ok, err = m2.Stamp(ctx, "t", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "r2", st.RunID)

	// A failed store leaves the old table and its stamp.
	require.Error(t, storeAs(m2, "r3", "t", []stampRow{{3, string([]byte{0xff})}}))
	st, _, _ = m2.Stamp(ctx, "t", "")
	assert.Equal(t, "r2", st.RunID)

	// A table dropped behind the manager's back has no stamp.
	db, err := m2.DB()
	require.NoError(t, err)
	_, err = db.Exec(`DROP TABLE s.t`)
	require.NoError(t, err)
	m3 := reopen(t, m2, path)
	_, ok, err = m3.Stamp(ctx, "t", "")
	require.NoError(t, err)
	assert.False(t, ok)
	_, ok, err = m3.Stamp(ctx, "t", "p")
	require.NoError(t, err)
	assert.False(t, ok, "partitions are not stored yet")
}

// reopen closes m and opens the file again.
func reopen(t *testing.T, m *Manager, path string) *Manager {
	t.Helper()
	require.NoError(t, m.Close())
	m2, err := New(path, "s")
	require.NoError(t, err)
	t.Cleanup(func() { m2.Close() })
	return m2
}

// TestStampAtomic checks that a store that dies after building its side
// table and before the swap leaves table and stamp as they were, and that
// the next open drops the side table.
func TestStampAtomic(t *testing.T) {
	ctx := context.Background()
	m, path := open(t, "s")
	require.NoError(t, storeAs(m, "r1", "t", []stampRow{{1, "a"}}))
	setHook(t, func(s stage) error {
		if s == stageBuilt {
			return errors.New("crash")
		}
		return nil
	})
	require.Error(t, storeAs(m, "r2", "t", []stampRow{{2, "b"}}))
	hook = nil
	assert.Equal(t, []string{"t", "t.new"}, tables(t, m), "the crash left its side table")

	m2 := reopen(t, m, path)
	assert.Equal(t, []string{"t"}, tables(t, m2), "opening the file drops the side table")
	st, ok, err := m2.Stamp(ctx, "t", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "r1", st.RunID)
	got, err := load[[]stampRow](t, m2, "t")
	require.NoError(t, err)
	assert.Equal(t, []stampRow{{1, "a"}}, got)
}
