package cli

import (
	"reflect"
	"strings"
	"testing"

	"github.com/assetgen/assetgen/runtime"
)

func TestParseConfig(t *testing.T) {
	got, err := parseConfig([]byte("report:\n  limit: 5\n  tags: [a, b]\n  on: true\nresources:\n  open_db:\n    dsn: x\nchecks:\n  sales/report:\n    ping:\n      timeout: 2s\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := runtime.RunConfig{"report": {"limit": "5", "tags": "a,b", "on": "true"}, "resources.open_db": {"dsn": "x"}, "checks.sales/report.ping": {"timeout": "2s"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// JSON is YAML.
	if got, err := parseConfig([]byte(`{"report": {"limit": 5}}`)); err != nil || got["report"]["limit"] != "5" {
		t.Errorf("JSON: %v, %v", got, err)
	}
	for _, tt := range []struct{ in, want string }{
		{"report: 5\n", `report: want a map of field values, got "5"`},
		{"report:\n  limit: {a: 1}\n", "report.limit: want a value, got a map"},
		{"resources: [a]\n", "resources: want a map from provider name to field values, got a list"},
		{"report:\n  tags: [a, 'b,c']\n", "report.tags: want a list of values without commas"},
		{"checks: 1\n", `checks: want a map from asset key to check name to field values, got "1"`},
		{"checks:\n  report: [a]\n", "checks.report: want a map from check name to field values, got a list"},
		{"checks:\n  report:\n    ping: 2\n", `checks.report.ping: want a map of field values, got "2"`},
	} {
		if _, err := parseConfig([]byte(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestParseSet(t *testing.T) {
	sec, field, value, err := parseSet("resources.open_db.dsn=a=b")
	if err != nil || sec != "resources.open_db" || field != "dsn" || value != "a=b" {
		t.Errorf("got %q %q %q %v", sec, field, value, err)
	}
	for _, bad := range []string{"limit=1", ".limit=1", "report.=1", "report.limit"} {
		if _, _, _, err := parseSet(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{"a:\n  b: 1\n", `{"a": {"b": [1, 2]}}`, "resources:\n  r:\n    x: y\n", "checks:\n  a:\n    c:\n      x: 1\n", "- 1\n", "a: &x {b: *x}\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parseConfig([]byte(s))
		parseSet(s)
	})
}
