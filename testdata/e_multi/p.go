// Package p has multi-assets with problems.
package p

import "github.com/assetgen/assetgen/runtime"

type Row struct{ ID int }

type Clash struct {
	A []Row `asset:"a"`
	B []Row `asset:"a"`
}

// asset: multi
func Clashing() Clash { return Clash{} }

// asset:
func Other() int { return 0 }

type WithOther struct {
	X int `asset:"other"`
}

// asset: multi
func ClashesOther() WithOther { return WithOther{} }

// asset: multi
func NotStruct() []Row { return nil }

// asset: multi
func Nothing() error { return nil }

type Untagged struct {
	Good    int `asset:"good"`
	Missing int
	hidden  int `asset:"hidden"`
	Bad     int `asset:"Bad-Name"`
}

// asset: multi
func Fields() Untagged { return Untagged{} }

type Options struct {
	P []Row `asset:"p ioo=x retries=2 partition_column=nope"`
	R []Row `asset:"r checks=not_null(idd)"`
	Q int   `asset:"q checks=unique(id)"`
}

// asset: multi
func Opts() Options { return Options{} }

// asset: multi name=x can_subset=maybe checks=unique(id)
func BadDirective() struct {
	S int `asset:"s"`
} {
	return struct {
		S int `asset:"s"`
	}{}
}

// asset: can_subset=true
func Plain() int { return 0 }

type Empty struct {
	N int `asset:"-"`
}

// asset: multi
func NoOutputs() Empty { return Empty{} }

// asset:
func Reader(a []Row, good int, hidden int) int { return 0 }

// asset:
func WrongType(q string) int { return 0 }

type Loop struct {
	Back int `asset:"back"`
}

// asset: multi
func Cyclic(back int) Loop { return Loop{} }

type Knobs struct {
	runtime.Config
	Limit int
}

type Configured struct {
	K int `asset:"k"`
}

// asset: multi
func WithConfig(cfg Knobs) Configured { return Configured{} }

type Halves struct {
	Halves int `asset:"halves"`
	Rest   int `asset:"rest"`
}

// asset: multi
func halves(cfg Knobs) Halves { return Halves{} }

type Held struct {
	H int `asset:"h"`
}

// asset: multi
func resources(cfg Knobs) Held { return Held{} }

type BadKnobs struct {
	runtime.Config
	Ch chan int
}

type Twice struct {
	T int `asset:"t"`
	U int `asset:"u"`
}

// asset: multi
func BadConfig(cfg BadKnobs) Twice { return Twice{} }

// check: asset=fields
func FieldsChecked() error { return nil }
