package runtime_test

import (
	"context"
	"fmt"
	"reflect"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// Hand-written definitions of two assets: numbers, and total, which
// receives numbers as its input. The generator writes the same from
// annotated functions.
func ExampleMaterialize() {
	numbers := &runtime.AssetDef{
		Key:        "numbers",
		OutputType: reflect.TypeFor[[]int](),
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			return []int{1, 2, 3}, nil
		},
	}
	total := &runtime.AssetDef{
		Key:        "total",
		OutputType: reflect.TypeFor[int](),
		Inputs:     []runtime.Input{{Name: "numbers", Key: "numbers", Type: reflect.TypeFor[[]int]()}},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			numbers, err := runtime.Load[[]int](ctx, in, 0)
			if err != nil {
				return nil, err
			}
			sum := 0
			for _, n := range numbers {
				sum += n
			}
			ctx.AddMetadata("count", len(numbers))
			return sum, nil
		},
	}
	mem := memory.New()
	defs := &runtime.Definitions{
		Assets:     []*runtime.AssetDef{total, numbers},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: mem},
	}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range res.Steps {
		fmt.Println(s.Key, s.Status, s.Metadata)
	}
	v, _ := mem.Value("total", "")
	fmt.Println("total =", v)
	// Output:
	// numbers success map[]
	// total success map[count:3]
	// total = 6
}
