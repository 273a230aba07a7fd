package runtime_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

func TestMaterializeSmoke(t *testing.T) {
	mem := memory.New()
	defs := &runtime.Definitions{
		Assets: []*runtime.AssetDef{
			intAsset("c", sum(1), "a", "b"),
			intAsset("a", sum(1)),
			intAsset("b", sum(10), "a"),
		},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: mem},
	}
	var events []runtime.Event
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{OnEvent: func(e runtime.Event) { events = append(events, e) }})
	require.NoError(t, err)
	require.True(t, res.OK(), "%+v", res.Steps)
	v, ok := mem.Value("c", "")
	require.True(t, ok)
	assert.Equal(t, 1+11+1, v)
	assert.Equal(t, []runtime.Key{"a", "b", "c"}, events[0].Keys)
}
