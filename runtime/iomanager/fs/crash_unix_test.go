//go:build unix

package fs

import (
	"context"
	"os"
	"os/exec"
	"reflect"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
)

// TestKilledDuringStore kills a real process (SIGKILL, as kill -9 or a
// power cut would) after it wrote the new output to its temporary file and
// before the rename, and checks that the previous output survives and the
// leftover does not count as output.
func TestKilledDuringStore(t *testing.T) {
	if dir := os.Getenv("ASSETGEN_FS_CRASH_DIR"); dir != "" {
		// The child: store, and die before the rename.
		beforeRename = func(string) error {
			return syscall.Kill(os.Getpid(), syscall.SIGKILL)
		}
		m := New(dir)
		_ = m.Store(&runtime.OutputContext{Context: context.Background(), Key: "sales/orders"}, "new")
		t.Fatal("the child was not killed")
	}

	dir := t.TempDir()
	m := New(dir)
	require.NoError(t, store(t, m, "sales/orders", "", "old"))
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledDuringStore$")
	cmd.Env = append(os.Environ(), "ASSETGEN_FS_CRASH_DIR="+dir)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "output: %s", out)
	status, ok := exit.Sys().(syscall.WaitStatus)
	require.True(t, ok)
	require.True(t, status.Signaled(), "the child must die by signal, got %v: %s", err, out)
	assert.Equal(t, syscall.SIGKILL, status.Signal())

	assert.Len(t, tempFiles(t, dir), 1, "the killed store left its temporary file")
	got, err := load(m, "sales/orders", "", reflect.TypeFor[string]())
	require.NoError(t, err)
	assert.Equal(t, "old", got)
	require.NoError(t, store(t, m, "sales/orders", "", "newer"))
	got, err = load(m, "sales/orders", "", reflect.TypeFor[string]())
	require.NoError(t, err)
	assert.Equal(t, "newer", got)
}
