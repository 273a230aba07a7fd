//go:build unix

package blob

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"reflect"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
)

// envKillURL, when set, makes the test binary a child that stores asset
// "killed" into the bucket of that URL again and again until it is killed.
const envKillURL = "ASSETGEN_BLOB_KILL_URL"

// killedValue is what the child stores: the run that stored it.
type killedValue struct {
	Run string `json:"run"`
}

// storeUntilKilled is the child: each store is a run of its own.
func storeUntilKilled(url string) {
	m, err := Open(context.Background(), url)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		run := fmt.Sprintf("run-%d-%d", os.Getpid(), i)
		v := killedValue{Run: run}
		out := &runtime.OutputContext{Context: context.Background(), RunID: run, Key: "killed", Type: reflect.TypeOf(v)}
		if err := m.Store(out, v); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(1)
		}
	}
}

// TestKilledStores kills, with SIGKILL, a process storing one object
// again and again, at random points, and checks after each kill that the
// stamp describes the object in place: its data version is that of the
// object's bytes, and its run the run that wrote them.
func TestKilledStores(t *testing.T) {
	s, bucket := s3Server(t)
	for _, tt := range []struct {
		name, url string
	}{
		{"s3", s.URL(bucket, "kill")},
		{"file", "file://" + t.TempDir()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Open(context.Background(), tt.url)
			require.NoError(t, err)
			defer m.Close()
			obj, err := m.Object(&runtime.AssetDef{Key: "killed", OutputType: reflect.TypeFor[killedValue]()}, "")
			require.NoError(t, err)
			stores := 0
			for range 12 {
				cmd := exec.Command(os.Args[0], "-test.run=^$")
				cmd.Env = append(os.Environ(), envKillURL+"="+tt.url)
				cmd.Stderr = os.Stderr
				require.NoError(t, cmd.Start())
				time.Sleep(time.Duration(150+rand.IntN(250)) * time.Millisecond)
				require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
				err := cmd.Wait()
				exit, ok := err.(*exec.ExitError)
				require.True(t, ok, "the child must be killed, got %v", err)
				require.True(t, exit.Sys().(syscall.WaitStatus).Signaled(), "the child must die by SIGKILL, got %v", err)

				st, ok, err := m.Stamp(context.Background(), "killed", "")
				require.NoError(t, err)
				data, rerr := m.Bucket().ReadAll(context.Background(), obj)
				if !ok {
					assert.Error(t, rerr, "an object without a stamp")
					continue
				}
				require.NoError(t, rerr)
				stores++
				var v killedValue
				require.NoError(t, json.Unmarshal(data, &v))
				assert.Equal(t, sha(data), st.DataVersion, "the stamp's data version is the object's")
				assert.Equal(t, v.Run, st.RunID, "the stamp's run wrote the object")
			}
			assert.NotZero(t, stores, "no store was ever committed")
		})
	}
}
