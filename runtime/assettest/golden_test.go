package assettest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps its failures.
type recorder struct {
	testing.TB
	msgs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, strings.TrimSpace(fmt.Sprintf(format, args...)))
}
func (r *recorder) Fatalf(format string, args ...any) { r.Errorf(format, args...) }

func TestGoldenText(t *testing.T) {
	type row struct {
		ID   int
		Name string
	}
	got, err := GoldenText([]row{{1, "a"}, {2, "b"}})
	if err != nil || string(got) != "{\"ID\":1,\"Name\":\"a\"}\n{\"ID\":2,\"Name\":\"b\"}\n" {
		t.Errorf("rows: %q, %v", got, err)
	}
	got, err = GoldenText(map[string]any{"b": map[string]int{"y": 2, "x": 1}, "a": 1})
	if err != nil || string(got) != "\"a\": 1\n\"b\": {\"x\":1,\"y\":2}\n" {
		t.Errorf("map: %q, %v", got, err)
	}
}

func TestGoldenMismatchAndUpdate(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	if err := os.MkdirAll(filepath.Join("testdata", "sales"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join("testdata", "sales", "orders.golden"), []byte("1\n2\n3\n"), 0o644)

	r := &recorder{TB: t}
	Golden(r, "sales/orders", []int{1, 5, 3, 4})
	if len(r.msgs) != 1 {
		t.Fatalf("failures: %q", r.msgs)
	}
	for _, want := range []string{"asset sales/orders differs from testdata/sales/orders.golden", "4 rows, want 3", "row 2:\n  got  5\n  want 2", "row 4: extra 4"} {
		if !strings.Contains(r.msgs[0], want) {
			t.Errorf("message lacks %q:\n%s", want, r.msgs[0])
		}
	}

	flag.Bool("update", false, "rewrite golden files") // as a test package declares it
	flag.Set("update", "true")
	defer flag.Set("update", "false")
	r = &recorder{TB: t}
	Golden(r, "sales/orders", []int{1, 5, 3, 4})
	b, _ := os.ReadFile(filepath.Join("testdata", "sales", "orders.golden"))
	if len(r.msgs) != 0 || string(b) != "1\n5\n3\n4\n" {
		t.Errorf("update: %q, file %q", r.msgs, b)
	}
	flag.Set("update", "false")
	r = &recorder{TB: t}
	Golden(r, "sales/orders", []int{1, 5, 3, 4})
	if len(r.msgs) != 0 {
		t.Errorf("after the update: %q", r.msgs)
	}
}

// A key that is not a valid asset key names no golden file: "../x" would
// read (and, under -update, write) a file outside testdata.
func TestGoldenInvalidKey(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	os.WriteFile("escape.golden", []byte("1\n"), 0o644) // testdata/../escape.golden
	r := &recorder{TB: t}
	Golden(r, "../escape", []int{1})
	if len(r.msgs) != 1 || !strings.Contains(r.msgs[0], `invalid asset key "../escape"`) {
		t.Errorf("failures: %q", r.msgs)
	}
}
