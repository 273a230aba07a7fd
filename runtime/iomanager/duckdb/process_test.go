package duckdb

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
)

// Tests that need a second process re-execute the test binary with
// childEnv set; TestMain then runs the child's part instead of the tests.
const childEnv = "ASSETGEN_DUCKDB_CHILD"

type bigRow struct {
	ID   int64
	Name string
	Gen  int // which store wrote the row
}

func TestMain(m *testing.M) {
	switch mode := os.Getenv(childEnv); mode {
	case "":
		code := m.Run()
		for _, f := range cleanups {
			f()
		}
		os.Exit(code)
	case "hold", "store":
		os.Exit(child(mode, os.Getenv(childEnv+"_PATH")))
	case "partcrash", "partstore":
		if err := partChild(mode, os.Getenv(childEnv+"_PATH")); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
	case "chain":
		os.Exit(chainChild(os.Getenv(childEnv + "_PATH")))
	case "crash":
		if err := crashChild(os.Getenv(childEnv + "_PATH")); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
	default:
		fmt.Fprintln(os.Stderr, "unknown child mode", mode)
		os.Exit(2)
	}
}

// crashChild runs the child's part of the kill tests, on systems that
// have them (crash_unix_test.go).
var crashChild = func(string) error { return errors.New("no kill tests on this system") }

// partChild runs the child's part of the kill tests of partition stores,
// on systems that have them (partkill_unix_test.go).
var partChild = func(string, string) error { return errors.New("no kill tests on this system") }

// child opens the database and says "ready". In hold mode it then waits
// for its stdin to close; in store mode it replaces table t with large
// contents forever, until killed.
func child(mode, path string) int {
	m, err := New(path, "s", LockWait(0))
	if err == nil {
		_, err = m.DB() // open the file now, taking its lock
	}
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	defer m.Close()
	if mode == "hold" {
		fmt.Println("ready")
		bufio.NewReader(os.Stdin).ReadString('\n')
		return 0
	}
	rows := make([]bigRow, 500_000)
	for i := range rows {
		rows[i] = bigRow{int64(i), fmt.Sprint("new row ", i), 0}
	}
	for i := 0; ; i++ {
		for j := range rows {
			rows[j].Gen = i
		}
		if i == 1 {
			fmt.Println("ready") // one full store done: the next ones are killed midway
		}
		if err := m.Store(&runtime.OutputContext{Context: context.Background(), Key: "t"}, rows); err != nil {
			fmt.Println("error:", err)
			return 1
		}
	}
}

// startChild starts the test binary in mode on path and waits for "ready".
func startChild(t *testing.T, mode, path string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, childEnv+"_PATH="+path)
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		stdin.Close()
		cmd.Process.Kill()
		cmd.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "ready\n", line)
	return cmd
}

func TestLockedByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locked.duckdb")
	startChild(t, "hold", path)

	// New does not open the file: the commands of a pipeline that do not
	// touch the data run while another process writes it.
	m, err := New(path, "s", LockWait(300*time.Millisecond))
	require.NoError(t, err)
	defer m.Close()

	start := time.Now()
	err = store(t, m, "people", []bigRow{{1, "x", 0}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), path)
	assert.Contains(t, err.Error(), "store people")
	assert.Contains(t, err.Error(), "locked by another process")
	t.Log(err)
	assert.Less(t, time.Since(start), time.Minute, "opening must give up, not hang")
	_, err = m.DB()
	assert.ErrorContains(t, err, "locked by another process")
}

func TestKilledStoreKeepsOldTable(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a large table repeatedly")
	}
	path := filepath.Join(t.TempDir(), "killed.duckdb")
	cmd := startChild(t, "store", path)
	time.Sleep(100 * time.Millisecond) // well into the next store
	require.NoError(t, cmd.Process.Kill())
	cmd.Wait()

	m, err := New(path, "s")
	require.NoError(t, err)
	defer m.Close()
	out, err := load[[]bigRow](t, m, "t")
	require.NoError(t, err)
	// One whole store's rows, never a mix or a prefix.
	require.Len(t, out, 500_000)
	for i, r := range out {
		if r.Gen != out[0].Gen || r.ID != int64(i) {
			t.Fatalf("row %d = %+v, row 0 = %+v: a torn table", i, r, out[0])
		}
	}
	t.Logf("the table holds store %d; tables %v", out[0].Gen, tables(t, m))

	// The next store replaces the table and drops what the killed one left.
	require.NoError(t, store(t, m, "t", []bigRow{{1, "after", -1}}))
	assert.Equal(t, []string{"t"}, tables(t, m))
}
