package generator

import (
	"bytes"
	"encoding/json"
	"flag"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the want files of ../testdata, only after the generated code builds")

// testdataDir is the top-level testdata directory of golden cases.
func testdataDir(t testing.TB) string {
	t.Helper()
	d, err := filepath.Abs("../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// goldenCases returns the names of the case directories: those with a want
// folder. Other directories are helper packages imported by cases.
func goldenCases(t testing.TB, root string) []string {
	ents, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, e := range ents {
		if st, err := os.Stat(filepath.Join(root, e.Name(), "want")); err == nil && st.IsDir() {
			cases = append(cases, e.Name())
		}
	}
	return cases
}

// generateCases loads every case in one go/packages call and returns the
// outcome by case name.
func generateCases(t testing.TB, root string, cases []string) map[string]*Package {
	t.Helper()
	patterns := make([]string, len(cases))
	for i, c := range cases {
		patterns[i] = "./" + c
	}
	pkgs, err := Generate(root, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	byDir := map[string]*Package{}
	for _, p := range pkgs {
		byDir[p.Dir] = p
	}
	out := map[string]*Package{}
	for _, c := range cases {
		p := byDir[filepath.Join(root, c)]
		if p == nil {
			t.Fatalf("case %s: no package loaded", c)
		}
		out[c] = p
	}
	return out
}

// TestGolden generates every case of ../testdata and compares the result
// byte for byte with want/assets_gen.go or want/errors.txt. The generated
// code of all good cases is built and vetted in one go command each.
func TestGolden(t *testing.T) {
	root := testdataDir(t)
	cases := goldenCases(t, root)
	if len(cases) == 0 {
		t.Fatal("no golden cases")
	}
	got := generateCases(t, root, cases)

	// Build and vet the good cases with their new generated files laid
	// over the sources.
	overlay := map[string]string{}
	var good []string
	tmp := t.TempDir()
	for _, c := range cases {
		p := got[c]
		if len(p.Errors) > 0 || p.Src == nil {
			continue
		}
		f := filepath.Join(tmp, c+".go")
		if err := os.WriteFile(f, p.Src, 0o644); err != nil {
			t.Fatal(err)
		}
		overlay[p.File] = f
		good = append(good, "./testdata/"+c)
	}
	built := true
	if len(good) > 0 {
		built = goTool(t, overlay, tmp, append([]string{"build"}, good...)...) &&
			goTool(t, overlay, tmp, append([]string{"vet"}, good...)...)
	}

	for _, c := range cases {
		t.Run(c, func(t *testing.T) {
			p := got[c]
			wantDir := filepath.Join(root, c, "want")
			var name string
			var data []byte
			if len(p.Errors) > 0 {
				name, data = "errors.txt", []byte(p.Errors.Format(filepath.Join(root, c))+"\n")
			} else {
				name, data = OutputName, p.Src
			}
			other := map[string]string{"errors.txt": OutputName, OutputName: "errors.txt"}[name]
			if *update {
				if !built && name == OutputName {
					t.Fatalf("not updating: the generated code does not build")
				}
				if err := os.WriteFile(filepath.Join(wantDir, name), data, 0o644); err != nil {
					t.Fatal(err)
				}
				os.Remove(filepath.Join(wantDir, other))
				return
			}
			if _, err := os.Stat(filepath.Join(wantDir, other)); err == nil {
				t.Fatalf("want/%s exists, but generation produced %s:\n%s", other, name, data)
			}
			want, err := os.ReadFile(filepath.Join(wantDir, name))
			if err != nil {
				t.Fatalf("%v; got:\n%s", err, data)
			}
			if !bytes.Equal(want, data) {
				t.Errorf("want/%s differs (run go test ./generator -update to accept):\n--- got\n%s\n--- want\n%s", name, data, want)
			}
		})
	}
	if !built {
		t.Error("generated code of the good cases does not build or vet (see above)")
	}
	for _, c := range cases {
		if src := got[c].Src; src != nil {
			if formatted, err := format.Source(src); err != nil || !bytes.Equal(formatted, src) {
				t.Errorf("%s: generated code is not gofmt-clean (%v)", c, err)
			}
		}
	}
}

// goTool runs a go command in the module root with an overlay; it reports
// whether it succeeded.
func goTool(t testing.TB, overlay map[string]string, tmp string, args ...string) bool {
	t.Helper()
	js, err := json.Marshal(map[string]any{"Replace": overlay})
	if err != nil {
		t.Fatal(err)
	}
	o := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(o, js, 0o644); err != nil {
		t.Fatal(err)
	}
	full := append([]string{args[0], "-overlay=" + o}, args[1:]...)
	cmd := exec.Command("go", full...)
	cmd.Dir = ".."
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		return false
	}
	return true
}

// TestDeterministic generates the same packages twice and compares.
func TestDeterministic(t *testing.T) {
	root := testdataDir(t)
	cases := []string{"birds", "shapes", "options"}
	a := generateCases(t, root, cases)
	b := generateCases(t, root, cases)
	for _, c := range cases {
		if a[c].Src == nil {
			t.Fatalf("%s: nothing generated: %v", c, a[c].Errors)
		}
		if !bytes.Equal(a[c].Src, b[c].Src) {
			t.Errorf("%s: two runs differ", c)
		}
	}
}
