package generator

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestImportsBuildTags checks that the assets of an imported package are
// read from the files the load compiles: here, with GOFLAGS=-tags=alt,
// the file that declares People with prefix alt, not its !alt twin. (With
// go/build's default context, which ignores GOFLAGS, the key was
// plain/people while the types came from the alt file.)
func TestImportsBuildTags(t *testing.T) {
	mod := tempTree(t, map[string]string{
		"go.mod":       "module example.com/tags\n\ngo 1.26.0\n",
		"up/plain.go":  "//go:build !alt\n\npackage up\n\n// asset: prefix=plain\nfunc People() []string { return nil }\n",
		"up/alt.go":    "//go:build alt\n\npackage up\n\n// asset: prefix=alt\nfunc People() []string { return nil }\n",
		"down/down.go": "package down\n\nimport _ \"example.com/tags/up\"\n\n// asset:\nfunc Count(people []string) int { return len(people) }\n",
	})
	for _, tc := range []struct{ goflags, key string }{{"", "plain/people"}, {"-tags=alt", "alt/people"}} {
		t.Run(tc.key, func(t *testing.T) {
			t.Setenv("GOFLAGS", tc.goflags)
			pkgs, err := Generate(filepath.Join(mod, "down"), ".")
			require.NoError(t, err)
			require.Len(t, pkgs, 1)
			require.Empty(t, pkgs[0].Errors)
			assert.Contains(t, string(pkgs[0].Src), `{Name: "people", Key: "`+tc.key+`", Type: reflect.TypeFor[[]string]()},`)
		})
	}
}

// tempTree writes files (by slash-separated name, their content) into a
// new temporary directory and returns it.
func tempTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		f := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(f), 0o755))
		require.NoError(t, os.WriteFile(f, []byte(src), 0o644))
	}
	return dir
}
