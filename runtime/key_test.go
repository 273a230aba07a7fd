package runtime_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/assetgen/assetgen/runtime"
)

func TestKey(t *testing.T) {
	k := runtime.Key("sales/eu/orders")
	assert.Equal(t, []string{"sales", "eu", "orders"}, k.Path())
	assert.Equal(t, "orders", k.Name())
	assert.Equal(t, []string{"sales", "eu"}, k.Prefix())
	assert.Nil(t, runtime.Key("orders").Prefix())
	assert.NoError(t, k.Validate())
	for _, bad := range []runtime.Key{"", "/a", "a/", "a//b", "../x", "A", "1a", "a-b", "a b", "a\x00"} {
		assert.Error(t, bad.Validate(), "%q", bad)
	}
	for _, good := range []runtime.Key{"a", "_a", "a1/b_2", "x/y/z"} {
		assert.NoError(t, good.Validate(), "%q", good)
	}
}

func TestDefaults(t *testing.T) {
	a := &runtime.AssetDef{Key: "a", Inputs: []runtime.Input{{Key: "b"}, {Key: "c"}, {Key: "b"}}, Deps: []runtime.Key{"c", "d"}}
	assert.Equal(t, runtime.DefaultGroup, a.GroupName())
	assert.Equal(t, runtime.DefaultIOManager, a.IOManagerKey())
	assert.Equal(t, []runtime.Key{"b", "c", "d"}, a.Upstream())
	a.Group, a.IOManager = "g", "io"
	assert.Equal(t, "g", a.GroupName())
	assert.Equal(t, "io", a.IOManagerKey())
	var names []string
	for s := runtime.StatusPending; s <= runtime.StatusCanceled; s++ {
		names = append(names, s.String())
	}
	assert.Equal(t, []string{"pending", "success", "failed", "skipped", "canceled"}, names)
}
