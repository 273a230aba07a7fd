package main

import (
	"encoding/json"
	"go/format"
	"go/version"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/mod/modfile"
)

// listDir returns the paths of every file and directory below dir.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	require.NoError(t, filepath.WalkDir(dir, func(path string, _ os.DirEntry, err error) error {
		if err == nil && path != dir {
			rel, _ := filepath.Rel(dir, path)
			names = append(names, filepath.ToSlash(rel))
		}
		return err
	}))
	return names
}

func TestInitRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "assets"), nil, 0o644)) // a file where init wants a directory
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine\n"), 0o644))
	before := listDir(t, dir)

	status, stdout, stderr := assetgen("init", dir)
	assert.Equal(t, 1, status)
	assert.Empty(t, stdout)
	assert.Equal(t, "assetgen init: "+dir+" already has assets, main.go; init overwrites nothing and wrote nothing\n", stderr)
	assert.Equal(t, before, listDir(t, dir))
	got, err := os.ReadFile(filepath.Join(dir, "main.go"))
	require.NoError(t, err)
	assert.Equal(t, "package main\n", string(got))
}

func TestInitUsage(t *testing.T) {
	tmp := t.TempDir()
	aFile := filepath.Join(tmp, "file")
	require.NoError(t, os.WriteFile(aFile, nil, 0o644))
	for _, tc := range []struct {
		args []string
		want string // in stderr
	}{
		{[]string{aFile}, aFile + " is a file, not a directory"},
		{[]string{"-module", "bad path", filepath.Join(tmp, "p")}, `invalid module path: malformed import path "bad path": invalid char ' '`},
		{[]string{filepath.Join(tmp, "My Project")}, `(the name of directory ` + filepath.Join(tmp, "My Project") + `); choose one with -module`},
		{[]string{"-module", "github.com/assetgen/assetgen/mine", filepath.Join(tmp, "p")}, "it is assetgen's own"},
		{[]string{filepath.Join(tmp, "p"), filepath.Join(tmp, "q")}, "want one directory, have 2"},
		{[]string{"-replace", tmp, filepath.Join(tmp, "p")}, "-replace " + tmp + ": " + tmp + " is not a clone of github.com/assetgen/assetgen"},
		{[]string{"-nope"}, "flag provided but not defined: -nope"},
	} {
		status, stdout, stderr := assetgen(append([]string{"init"}, tc.args...)...)
		assert.Equal(t, 2, status, "%q", tc.args)
		assert.Empty(t, stdout, "%q", tc.args)
		assert.Contains(t, stderr, tc.want, "%q", tc.args)
	}
	assert.Equal(t, []string{"file"}, listDir(t, tmp), "nothing written")

	status, stdout, stderr := assetgen("init", "-h")
	assert.Equal(t, 0, status)
	assert.Empty(t, stderr)
	assert.Equal(t, 1, strings.Count(stdout, "usage: assetgen init [-module PATH] [-replace DIR] [DIR]"), stdout)
	assert.Contains(t, stdout, "-replace DIR")
}

// TestInitUndo makes the generation fail (no go command to load the new
// package with) and checks that init removes every file and directory it
// had created, and only those.
func TestInitUndo(t *testing.T) {
	tmp := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(tmp, "notes.txt"), []byte("mine\n"), 0o644))
	t.Setenv("PATH", "")

	status, stdout, stderr := assetgen("init", filepath.Join(tmp, "new", "proj"))
	assert.Equal(t, 1, status)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "assetgen init: removed the files it had written\n")

	status, _, stderr = assetgen("init", "-module", "example.com/proj", tmp)
	assert.Equal(t, 1, status)
	assert.Contains(t, stderr, "assetgen init: removed the files it had written\n")
	assert.Equal(t, []string{"notes.txt"}, listDir(t, tmp))
}

// TestInitReplace creates a project from the clone named by -replace,
// relative to the working directory, not to DIR.
func TestInitReplace(t *testing.T) {
	top, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	proj := filepath.Join(t.TempDir(), "proj")
	status, stdout, stderr := assetgen("init", "-replace", filepath.Join("..", ".."), proj)
	require.Equal(t, 0, status, stderr)
	assert.Contains(t, stdout, "\tassets/assets_gen.go\n")
	gomod, err := os.ReadFile(filepath.Join(proj, "go.mod"))
	require.NoError(t, err)
	mod, err := modfile.Parse("go.mod", gomod, nil)
	require.NoError(t, err)
	assert.Equal(t, "proj", mod.Module.Mod.Path, "the directory's name")
	require.Len(t, mod.Replace, 1)
	target := mod.Replace[0].New.Path
	if !filepath.IsAbs(target) {
		target = filepath.Join(proj, target)
	}
	assert.Equal(t, top, target)
	gen, err := os.ReadFile(filepath.Join(proj, "assets", "assets_gen.go"))
	require.NoError(t, err)
	assert.Contains(t, string(gen), `Key:         "word_counts",`)
}

func TestReplacePath(t *testing.T) {
	for _, tc := range []struct{ root, src, want string }{
		{"/tmp/x/proj", "/tmp/x/assetgen", "../assetgen"},
		{"/home/me/src/proj", "/home/me/assetgen", "../../assetgen"},
		{"/home/me/proj", "/home/me/proj/third_party/assetgen", "./third_party/assetgen"},
		{"/tmp/proj", "/work/assetgen", "/work/assetgen"}, // nothing in common but the root
		{"/proj", "/assetgen", "/assetgen"},
	} {
		if goruntime.GOOS == "windows" {
			t.Skip("unix paths")
		}
		assert.Equal(t, tc.want, replacePath(tc.root, tc.src), "%s -> %s", tc.root, tc.src)
	}
}

// offlineEnv is the environment of the end-to-end test's go commands:
// nothing from the network (only the module cache), go.mod and go.sum
// read-only, no workspace, and no run history but the project's own.
func offlineEnv() []string {
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		for _, k := range []string{"GOPROXY=", "GOFLAGS=", "GOWORK=", "GOTOOLCHAIN=", "ASSETGEN_HOME=", "ASSETGEN_HISTORY="} {
			if strings.HasPrefix(kv, k) {
				return true
			}
		}
		return false
	})
	return append(env, "GOPROXY=off", "GOFLAGS=-mod=readonly", "GOWORK=off", "GOTOOLCHAIN=local")
}

// command runs name with args in dir and returns what it printed, on
// standard output and error; it fails the test when the command fails.
func command(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s %s in %s:\n%s", name, strings.Join(args, " "), dir, out)
	return string(out)
}

// TestInitEndToEnd does what the README tells a new user: clone this
// repository (what HEAD has committed), run assetgen init from the clone,
// then materialize, test, vet and check the new project at once, offline
// and without go mod tidy.
func TestInitEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("clones the repository and builds a new module")
	}
	env := offlineEnv()
	top := strings.TrimSpace(command(t, ".", env, "git", "rev-parse", "--show-toplevel"))
	tmp := t.TempDir()
	clone, proj := filepath.Join(tmp, "assetgen"), filepath.Join(tmp, "proj")
	command(t, tmp, env, "git", "clone", "--quiet", top, clone)
	// An unrelated file in the directory is fine.
	require.NoError(t, os.Mkdir(proj, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(proj, "notes.txt"), []byte("mine\n"), 0o644))

	out := command(t, clone, env, "go", "run", "./cmd/assetgen", "init", "../proj", "-module", "example.com/proj")
	assert.Contains(t, out, "Created module example.com/proj in ../proj, with assetgen from ../assetgen")
	want := []string{"README.md", "assets", "assets/assets.go", "assets/assets_gen.go", "assets/assets_test.go", "go.mod", "go.sum", "main.go", "notes.txt"}
	assert.Equal(t, want, listDir(t, proj))
	for _, name := range want {
		if strings.HasSuffix(name, ".go") {
			assert.Contains(t, out, "\t"+name+"\n")
			src, err := os.ReadFile(filepath.Join(proj, name))
			require.NoError(t, err)
			formatted, err := format.Source(src)
			require.NoError(t, err, name)
			assert.Equal(t, string(formatted), string(src), "%s is not gofmt'd", name)
		}
	}

	gomod, err := os.ReadFile(filepath.Join(proj, "go.mod"))
	require.NoError(t, err)
	mod, err := modfile.Parse("go.mod", gomod, nil)
	require.NoError(t, err)
	assert.Equal(t, "example.com/proj", mod.Module.Mod.Path)
	assert.Equal(t, strings.TrimPrefix(version.Lang(goruntime.Version()), "go")+".0", mod.Go.Version, "the running Go's language version")
	require.Len(t, mod.Replace, 1)
	assert.Equal(t, "../assetgen", mod.Replace[0].New.Path)
	require.Len(t, mod.Tool, 1)
	assert.Equal(t, "github.com/assetgen/assetgen/cmd/assetgen", mod.Tool[0].Path)
	gosum, err := os.ReadFile(filepath.Join(proj, "go.sum"))
	require.NoError(t, err)

	out = command(t, proj, env, "go", "run", ".", "materialize")
	assert.Contains(t, out, "2 steps: 2 succeeded")
	data, err := os.ReadFile(filepath.Join(proj, "data", "word_counts.json"))
	require.NoError(t, err)
	var counts map[string]int
	require.NoError(t, json.Unmarshal(data, &counts))
	assert.Equal(t, 3, counts["the"])
	assert.Len(t, counts, 10, "the distinct words of the sample text")
	out = command(t, proj, env, "go", "run", ".", "status")
	assert.Contains(t, out, "2 assets: 2 fresh, 0 stale")

	out = command(t, proj, env, "go", "test", "-count=1", "./...")
	assert.Contains(t, out, "ok  \texample.com/proj/assets")
	command(t, proj, env, "go", "vet", "./...")
	out = command(t, proj, env, "go", "tool", "assetgen", "-check", "./...")
	assert.Empty(t, out)

	now, err := os.ReadFile(filepath.Join(proj, "go.mod"))
	require.NoError(t, err)
	assert.Equal(t, string(gomod), string(now), "go.mod needed no change")
	now, err = os.ReadFile(filepath.Join(proj, "go.sum"))
	require.NoError(t, err)
	assert.Equal(t, string(gosum), string(now), "go.sum needed no change")
}
