package runtime_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/assettest"
)

type reportConfig struct {
	runtime.Config
	Limit int           // required
	Sep   string        `default:","`
	Wait  time.Duration `default:"1s"`
	Tags  []string      `config:"labels" default:""`
}

// configured returns an asset that prints its config.
func configured() *runtime.AssetDef {
	return &runtime.AssetDef{
		Key: "report", OutputType: reflect.TypeFor[string](),
		Config: &runtime.ConfigDef{Type: reflect.TypeFor[reportConfig]()},
		Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
			c, err := runtime.AssetConfig[reportConfig](ctx)
			if err != nil {
				return nil, err
			}
			return strings.Join([]string{c.Sep, c.Wait.String(), strings.Join(c.Tags, "+")}, " ") + " " + strings.Repeat("x", c.Limit), nil
		},
	}
}

func TestAssetConfig(t *testing.T) {
	res, err := assettest.Materialize(context.Background(), []*runtime.AssetDef{configured()},
		assettest.Config(runtime.RunConfig{"report": {"limit": "3", "labels": "a,b"}}))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := assettest.Output[string](res, "report")
	if want := ", 1s a+b xxx"; got != want {
		t.Errorf("report = %q, want %q", got, want)
	}
}

func TestConfigRefusedBeforeTheRun(t *testing.T) {
	for _, tt := range []struct {
		cfg  runtime.RunConfig
		want []string
	}{
		{nil, []string{`asset report: config field "limit" (int) is required`}},
		{runtime.RunConfig{"report": {"limit": "1", "sepp": ";"}}, []string{`asset report: unknown config field "sepp" (did you mean "sep"?)`}},
		{runtime.RunConfig{"report": {"limit": "1", "wait": "soon"}}, []string{`asset report: config field "wait" (time.Duration): want a duration such as 1m30s, got "soon"`}},
		{runtime.RunConfig{"report": {"limit": "1"}, "reprt": {"x": "1"}}, []string{`config for asset "reprt": it takes no config or does not exist (did you mean "report"?)`}},
	} {
		ran := false
		a := configured()
		compute := a.Compute
		a.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) { ran = true; return compute(ctx, in) }
		_, err := assettest.Materialize(context.Background(), []*runtime.AssetDef{a}, assettest.Config(tt.cfg))
		if _, ok := errors.AsType[*runtime.ConfigError](err); !ok {
			t.Errorf("%v: error %v, want a *ConfigError", tt.cfg, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%v: error %q lacks %q", tt.cfg, err, w)
			}
		}
		if ran {
			t.Errorf("%v: the asset ran", tt.cfg)
		}
	}
}
