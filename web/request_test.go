package web_test

import (
	"encoding/json"
	"testing"

	"github.com/assetgen/assetgen/web"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// TestRequestConfig: a request's config is the text of a config file in
// a string, or the config itself as an object.
func TestRequestConfig(t *testing.T) {
	for body, want := range map[string]string{
		`{"select": "rows", "config": "rows: {n: 2}"}`:     "rows: {n: 2}",
		`{"select": "rows", "config": {"rows": {"n": 2}}}`: `{"rows": {"n": 2}}`,
		`{"select": "rows", "config": null}`:               "",
		`{"select": "rows"}`:                               "",
	} {
		var req web.Request
		require.NoError(t, json.Unmarshal([]byte(body), &req), body)
		assert.Equal(t, web.Request{Select: "rows", Config: want}, req, body)
	}
	var req web.Request
	require.NoError(t, json.Unmarshal([]byte(`{"config": {"rows": {"n": 2}}}`), &req))
	var cfg map[string]map[string]int
	require.NoError(t, yaml.Unmarshal([]byte(req.Config), &cfg), "the object is config file text")
	assert.Equal(t, map[string]map[string]int{"rows": {"n": 2}}, cfg)
	for _, body := range []string{`{"config": 2}`, `{"config": ["rows"]}`, `{"selection": "x"}`} {
		assert.Error(t, json.Unmarshal([]byte(body), &req), body)
	}
}
