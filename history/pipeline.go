package history

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
)

// PipelineName returns the name of the pipeline this process runs: the
// one a Recorder records with every run (Run.Pipeline), and the one whose
// runs a pipeline's `runs` command lists. Pipelines that share a history
// (one working directory's .assetgen, one PostgreSQL database) are told
// apart by it.
//
// It is the import path of the process's main package, from the build
// information the go command embeds (runtime/debug.ReadBuildInfo):
// "example.com/birds/cmd/pipeline". It names the pipeline whatever the
// binary is called and wherever it runs, and go build, go install and
// go run . give the same one (go run's binary lives in a temporary
// directory). A main package given as files (go run main.go) has no import
// path, only "command-line-arguments": the binary's name stands for it,
// that of the first file ("main" for go run main.go), which tells apart
// the files of one directory but not two directories' main.go.
func PipelineName() string { return pipelineName() }

var pipelineName = sync.OnceValue(func() string {
	var path string
	if bi, ok := debug.ReadBuildInfo(); ok {
		path = bi.Path
	}
	exe := ""
	if len(os.Args) > 0 {
		exe = os.Args[0]
	}
	return nameOf(path, exe)
})

// nameOf returns the pipeline name of a main package with import path
// path (empty when unknown) built as the binary exe.
func nameOf(path, exe string) string {
	if path != "" && path != "command-line-arguments" {
		return path
	}
	name := strings.TrimSuffix(filepath.Base(exe), ".exe")
	if name == "" || name == "." || name == string(filepath.Separator) {
		return "command-line-arguments"
	}
	return "command-line-arguments/" + name
}
