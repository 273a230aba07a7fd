package history

import "testing"

func TestNameOf(t *testing.T) {
	for _, c := range []struct{ path, exe, want string }{
		// go build, go install, go run .: the main package's import path,
		// whatever the binary is called or where it is.
		{"example.com/birds/cmd/pipeline", "./pipeline", "example.com/birds/cmd/pipeline"},
		{"example.com/birds/cmd/pipeline", "/tmp/go-build1234/b001/exe/pipeline", "example.com/birds/cmd/pipeline"},
		{"example.com/birds/cmd/pipeline", `C:\bin\renamed.exe`, "example.com/birds/cmd/pipeline"},
		// go run main.go: no import path; the binary is named after the file.
		{"command-line-arguments", "/tmp/go-build1234/b001/exe/main", "command-line-arguments/main"},
		{"command-line-arguments", "/tmp/go-build99/b001/exe/other", "command-line-arguments/other"},
		{"", "", "command-line-arguments"},
	} {
		if got := nameOf(c.path, c.exe); got != c.want {
			t.Errorf("nameOf(%q, %q) = %q, want %q", c.path, c.exe, got, c.want)
		}
	}
}

// The go command names a test binary's main package after the package
// under test.
func TestPipelineName(t *testing.T) {
	if got, want := PipelineName(), "github.com/assetgen/assetgen/history.test"; got != want {
		t.Errorf("PipelineName() = %q, want %q", got, want)
	}
}
