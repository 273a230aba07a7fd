package defview

import (
	"reflect"
	"testing"

	"github.com/assetgen/assetgen/runtime"
)

func TestIOManager(t *testing.T) {
	stores := &runtime.AssetDef{Key: "a", OutputType: reflect.TypeFor[int]()}
	routed := &runtime.AssetDef{Key: "b", OutputType: reflect.TypeFor[int](), IOManager: "warehouse"}
	nothing := &runtime.AssetDef{Key: "c"} // it returns only an error: nothing to store
	for _, c := range []struct {
		d    *runtime.AssetDef
		want string
	}{{stores, "io_manager"}, {routed, "warehouse"}, {nothing, ""}} {
		if got := IOManager(c.d); got != c.want {
			t.Errorf("IOManager(%s) = %q, want %q", c.d.Key, got, c.want)
		}
	}
}

func TestSynopsis(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"People is everyone we know.", "People is everyone we know."},
		// The defect: a sentence over two lines was cut at the first.
		{"CombinedData joins people and\nbirds into one table. It is big.", "CombinedData joins people and birds into one table."},
		{"\n\n  First paragraph\n  goes on.\n\nSecond paragraph.", "First paragraph goes on."},
		{"No period here\nat all\n\nNext.", "No period here at all"},
		{"Written by J. Smith in 2024. More.", "Written by J. Smith in 2024."},
		{"Rows per region: 3.5 on average (v1.2). More.", "Rows per region: 3.5 on average (v1.2)."},
		{"Is it fresh? Yes.", "Is it fresh?"},
		{"Tabs\tand  spaces\tfold.", "Tabs and spaces fold."},
		{"Ends at a period.\r\nWindows lines.", "Ends at a period."},
	} {
		if got := Synopsis(c.in); got != c.want {
			t.Errorf("Synopsis(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzSynopsis(f *testing.F) {
	f.Add("One. Two.")
	f.Add("A. B.\n\nC")
	f.Fuzz(func(t *testing.T, s string) {
		got := Synopsis(s)
		if len(got) > len(s) {
			t.Errorf("Synopsis(%q) = %q, longer than its input", s, got)
		}
	})
}
