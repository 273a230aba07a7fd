package assettest

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/assetgen/assetgen/runtime"
)

// Golden compares v, the output of asset key (from Output, or from
// calling the asset function directly), with testdata/KEY.golden in the
// test's directory, in a stable text form: a slice or array one element a
// line (a table, one row a line), a map one key a line in key order, else
// indented JSON; each element as JSON, map keys sorted. A mismatch fails
// t with the rows that differ, numbered from 1.
//
// Under go test -update, Golden writes the file instead. Golden reads the
// test binary's -update flag: declare it in the test package, as golden
// tests do (var update = flag.Bool("update", false, "rewrite golden
// files")); assettest does not declare it, so it never clashes with a
// package's own.
func Golden(t testing.TB, key runtime.Key, v any) {
	t.Helper()
	// The key becomes a path under testdata: one that is not a key
	// ("../x", "a//b") would read or write a file elsewhere.
	if err := key.Validate(); err != nil {
		t.Fatalf("golden file of %v", err)
		return
	}
	got, err := GoldenText(v)
	if err != nil {
		t.Fatalf("asset %s: %v", key, err)
	}
	path := filepath.Join("testdata", filepath.FromSlash(string(key))+".golden")
	if updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		tmp := path + ".tmp"
		if err := os.WriteFile(tmp, got, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("asset %s: %v (%s)", key, err, howToUpdate())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("asset %s differs from %s (%s):\n%s", key, path, howToUpdate(), diffRows(string(got), string(want)))
	}
}

// GoldenOutput is Golden of the output of key in r.
func GoldenOutput(t testing.TB, r *Result, key runtime.Key) {
	t.Helper()
	v, ok := r.Value(key)
	if !ok {
		t.Fatalf("asset %s: no output stored", key)
	}
	Golden(t, key, v)
}

// updating reports whether the test binary was given -update.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func howToUpdate() string {
	if flag.Lookup("update") == nil {
		return `declare var update = flag.Bool("update", false, "rewrite golden files") in the test package and run go test -update to accept`
	}
	return "run go test -update to accept"
}

// GoldenText returns the text form Golden compares.
func GoldenText(v any) ([]byte, error) {
	var b bytes.Buffer
	rv := reflect.ValueOf(v)
	for rv.IsValid() && rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	line := func(x any) error {
		j, err := json.Marshal(x)
		if err != nil {
			return err
		}
		b.Write(j)
		b.WriteByte('\n')
		return nil
	}
	switch {
	case rv.IsValid() && (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) && rv.Type().Elem().Kind() != reflect.Uint8:
		for i := range rv.Len() {
			if err := line(rv.Index(i).Interface()); err != nil {
				return nil, fmt.Errorf("row %d: %w", i+1, err)
			}
		}
	case rv.IsValid() && rv.Kind() == reflect.Map:
		type entry struct {
			k string
			v any
		}
		var es []entry
		for it := rv.MapRange(); it.Next(); {
			k, err := json.Marshal(it.Key().Interface())
			if err != nil {
				return nil, err
			}
			es = append(es, entry{string(k), it.Value().Interface()})
		}
		sort.Slice(es, func(i, j int) bool { return es[i].k < es[j].k })
		for _, e := range es {
			b.WriteString(e.k + ": ")
			if err := line(e.v); err != nil {
				return nil, fmt.Errorf("key %s: %w", e.k, err)
			}
		}
	default:
		j, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return nil, err
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// diffRows lists the rows of got and want that differ, at most 20.
func diffRows(got, want string) string {
	g := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	w := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
	var out []string
	for i := range max(len(g), len(w)) {
		switch {
		case i >= len(g):
			out = append(out, fmt.Sprintf("row %d: missing, want %s", i+1, w[i]))
		case i >= len(w):
			out = append(out, fmt.Sprintf("row %d: extra %s", i+1, g[i]))
		case g[i] != w[i]:
			out = append(out, fmt.Sprintf("row %d:\n  got  %s\n  want %s", i+1, g[i], w[i]))
		}
		if len(out) == 20 {
			out = append(out, "...")
			break
		}
	}
	return fmt.Sprintf("%d rows, want %d\n%s", len(g), len(w), strings.Join(out, "\n"))
}
