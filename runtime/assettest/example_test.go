package assettest_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/assettest"
)

// Greeting is a plain asset function.
func Greeting() string { return "hello" }

// Shout takes greeting as its input.
func Shout(greeting string) string { return strings.ToUpper(greeting) + "!" }

func ExampleMaterialize() {
	str := reflect.TypeFor[string]()
	defs := []*runtime.AssetDef{
		{Key: "greeting", OutputType: str, Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return Greeting(), nil }},
		{
			Key: "shout", OutputType: str,
			Inputs: []runtime.Input{{Name: "greeting", Key: "greeting", Type: str}},
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				g, err := runtime.Load[string](ctx, in, 0)
				return Shout(g), err
			},
		},
	}
	res, err := assettest.Materialize(context.Background(), defs)
	if err != nil {
		fmt.Println(err)
		return
	}
	shout, err := assettest.Output[string](res, "shout")
	fmt.Println(shout, err)
	// Output: HELLO! <nil>
}
