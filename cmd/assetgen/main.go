// Command assetgen generates the asset definitions of Go packages.
//
// Usage:
//
//	assetgen [-check] [packages]
//	assetgen init [-module PATH] [-replace DIR] [DIR]
//
// For each package (default "."), assetgen reads the top-level functions
// whose doc comment has an //asset: line and writes assets_gen.go beside
// them, with an Assets function returning their runtime.AssetDefs. Run it
// from a source file with
//
//	//go:generate go tool assetgen
//
// (after go get -tool github.com/assetgen/assetgen/cmd/assetgen), or
//
//	//go:generate go run github.com/assetgen/assetgen/cmd/assetgen
//
// Problems are printed to standard error as file:line:col: message, all
// at once, and no file is written; the exit status is 1. With -check,
// assetgen writes nothing and exits 1 naming every generated file that is
// missing or out of date, for CI. Usage errors exit 2.
//
// assetgen init creates a new module in DIR: a package of assets with its
// test and generated code, a main with the pipeline's command line, and a
// README; see assetgen init -h. (A package in a directory named init is
// ./init.)
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/assetgen/assetgen/generator"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command, for tests: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "init" {
		return runInit(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("assetgen", flag.ContinueOnError)
	check := fs.Bool("check", false, "write nothing; exit 1 naming each generated file that is missing or stale")
	usage := func(w io.Writer) {
		fmt.Fprintf(w, "usage: assetgen [-check] [packages]\n"+
			"       assetgen init [-module PATH] [-replace DIR] [DIR]\n\n"+
			"assetgen writes assets_gen.go in each package (default \".\") from its\n"+
			"functions annotated with //asset: directives.\n\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
	// The flag package prints the usage itself on -h and on a bad flag;
	// it is printed here instead, once, to the stream each case wants.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			usage(stdout)
			return 0
		}
		fmt.Fprintf(stderr, "assetgen: %v\n", err)
		usage(stderr)
		return 2
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(stderr, "assetgen:", err)
		return 1
	}
	pkgs, err := generator.Generate(wd, fs.Args()...)
	if err != nil {
		fmt.Fprintln(stderr, "assetgen:", err)
		return 1
	}
	var errs generator.Errors
	for _, p := range pkgs {
		errs = append(errs, p.Errors...)
	}
	if len(errs) > 0 {
		for _, d := range errs {
			if d.File == "" {
				fmt.Fprintln(stderr, "assetgen:", d.Msg)
				continue
			}
			fmt.Fprintln(stderr, d.Format(wd))
		}
		return 1
	}
	status := 0
	for _, p := range pkgs {
		if *check {
			if p.Stale() {
				what := "stale"
				if _, err := os.Stat(p.File); err != nil {
					what = "missing"
				}
				fmt.Fprintf(stderr, "assetgen: %s is %s; run go generate\n", rel(wd, p.File), what)
				status = 1
			}
			continue
		}
		if err := p.Write(); err != nil {
			fmt.Fprintln(stderr, "assetgen:", err)
			status = 1
		}
	}
	return status
}

// rel returns file relative to dir when it lies below dir.
func rel(dir, file string) string {
	if r, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return file
}
