//go:build unix

package generator

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestResourcesEndToEnd runs the resources case's pipeline: each
// resource is built once, only when a selected step needs it, after the
// resources it needs, and cleaned up in the reverse order when the run
// ends, whether it succeeded, failed or was interrupted.
func TestResourcesEndToEnd(t *testing.T) {
	bin := buildCase(t, "resources_main", "resources")
	configFile := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(configFile, []byte("report:\n  limit: 2\n  sep: \";\"\nresources:\n  open_db:\n    dsn: mem://file\n    password: hunter2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	checkConfigFile := filepath.Join(t.TempDir(), "checks.yaml")
	if err := os.WriteFile(checkConfigFile, []byte("report:\n  limit: 1\nchecks:\n  report:\n    client_ping:\n      fail: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	command := func(t *testing.T, env []string, args ...string) (*exec.Cmd, string) {
		journal := filepath.Join(t.TempDir(), "journal")
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "ASSETGEN_HOME="+t.TempDir(), "TERM=dumb", "RESOURCES_JOURNAL="+journal)
		cmd.Env = append(cmd.Env, env...)
		return cmd, journal
	}
	for _, tt := range []struct {
		name    string
		env     []string
		args    []string
		code    int
		journal string
		out     string
	}{
		{"all", nil, []string{"materialize", "--select", "users+", "--set", "report.limit=1"}, 0,
			"open db mem://test\nopen client\nping mem://test\nclose client\nclose db\n", "steps: 2 succeeded"},
		{"only what the selection needs", nil, []string{"materialize", "--select", "users"}, 0,
			"open db mem://test\nclose db\n", "1 step: 1 succeeded"},
		{"a failed step", []string{"RESOURCES_FAIL=users"}, []string{"materialize", "--select", "users+", "--set", "report.limit=1"}, 1,
			"open db mem://test\nclose db\n", "users: query failed"},
		{"a failed provider", []string{"RESOURCES_FAIL=open"}, []string{"materialize", "--select", "users"}, 1,
			"", "resource *resources.DB (provider at testdata/resources/resources.go:65): database unreachable"},
		{"config from the environment", []string{"RESOURCES_DSN=mem://env"}, []string{"materialize", "--select", "users"}, 0,
			"open db mem://env\nclose db\n", "1 step: 1 succeeded"},
		{"a flag wins over the environment", []string{"RESOURCES_DSN=mem://env"}, []string{"materialize", "--select", "users", "--set", "resources.open_db.dsn=mem://flag"}, 0,
			"open db mem://flag\nclose db\n", "1 step: 1 succeeded"},
		{"a config file", nil, []string{"materialize", "--select", "users+", "--config", configFile}, 0,
			"open db mem://file\nopen client\nping mem://file\nclose client\nclose db\n", "steps: 2 succeeded"},
		{"a flag wins over the file", nil, []string{"materialize", "--select", "users", "--config", configFile, "--set", "resources.open_db.dsn=mem://flag"}, 0,
			"open db mem://flag\nclose db\n", "1 step: 1 succeeded"},
		{"an unknown field", nil, []string{"materialize", "--select", "users+", "--set", "report.limt=1"}, 1,
			"", `invalid config, nothing ran:
    asset report: config field "limit" (int) is required: it has no default; give it in the config file or with --set
    asset report: unknown config field "limt" (did you mean "limit"?)`},
		{"a wrong type", nil, []string{"materialize", "--select", "users+", "--set", "report.limit=many"}, 1,
			"", `asset report: config field "limit" (int): want an integer of 64 bits, got "many"`},
		{"an unknown section", nil, []string{"materialize", "--select", "users", "--set", "resources.open_bd.dsn=x"}, 1,
			"", `config for resource "open_bd": it takes no config or does not exist (did you mean "resources.open_db"?)`},
		{"no checks, no check resources", nil, []string{"materialize", "--select", "users+", "--set", "report.limit=1", "--no-checks"}, 0,
			"open db mem://test\nopen client\nclose client\nclose db\n", "steps: 2 succeeded"},
		{"a check's config", nil, []string{"materialize", "--select", "users+", "--set", "report.limit=1", "--set", "checks.report.client_ping.fail=true"}, 0,
			"open db mem://test\nopen client\nping mem://test\nclose client\nclose db\n", "client_ping FAILED (error): the client did not answer"},
		{"a check's config from the file", nil, []string{"materialize", "--select", "users+", "--config", checkConfigFile}, 0,
			"open db mem://test\nopen client\nping mem://test\nclose client\nclose db\n", "client_ping FAILED (error): the client did not answer"},
		{"a check's unknown config field", nil, []string{"materialize", "--select", "users+", "--set", "report.limit=1", "--set", "checks.report.client_ping.fial=true"}, 1,
			"", `check client_ping of report: unknown config field "fial" (did you mean "fail"?)`},
		{"an unknown check's config", nil, []string{"materialize", "--select", "users+", "--set", "report.limit=1", "--set", "checks.report.client_pong.fail=true"}, 1,
			"", `config for check "report.client_pong": it takes no config or does not exist (did you mean "checks.report.client_ping"?)`},
		{"the check command builds the check's resources", nil, []string{"check", "--select", "report"}, 0,
			"open db mem://test\nopen client\nping mem://test\nclose client\nclose db\n", "client_ping  passed"},
		{"the check command takes the check's config", []string{"RESOURCES_DSN=mem://env"}, []string{"check", "--select", "report", "--set", "checks.report.client_ping.fail=true"}, 1,
			"open db mem://env\nopen client\nping mem://env\nclose client\nclose db\n", "the client did not answer"},
		{"the check command validates the config first", nil, []string{"check", "--select", "report", "--set", "checks.report.client_ping.fail=maybe"}, 1,
			"", `check client_ping of report: config field "fail" (bool): `},
		{"a missing value in an unselected asset is fine", nil, []string{"materialize", "--select", "users"}, 0,
			"open db mem://test\nclose db\n", "1 step: 1 succeeded"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cmd, journal := command(t, tt.env, tt.args...)
			out, code := runCmd(t, cmd)
			if code != tt.code || !strings.Contains(out, tt.out) {
				t.Errorf("exit status %d, want %d and %q in:\n%s", code, tt.code, tt.out, out)
			}
			if got := readFile(t, journal); got != tt.journal {
				t.Errorf("journal:\n%s\nwant:\n%s", got, tt.journal)
			}
			if strings.Contains(out, "hunter2") {
				t.Errorf("a secret was printed:\n%s", out)
			}
		})
	}
	t.Run("config counts in staleness", func(t *testing.T) {
		home := "ASSETGEN_HOME=" + t.TempDir()
		step := func(want string, args ...string) {
			t.Helper()
			cmd, _ := command(t, []string{home}, args...)
			out, err := cmd.CombinedOutput()
			if err != nil || !strings.Contains(string(out), want) {
				t.Fatalf("%v: %v, want %q in:\n%s", args, err, want, out)
			}
		}
		step("steps: 2 succeeded", "materialize", "--select", "users+", "--set", "report.limit=1")
		// The required value counts as given again; the default is used.
		step("3 assets: 2 fresh, 1 stale", "status")
		step("steps: 2 succeeded", "materialize", "--select", "users+", "--set", "report.limit=1", "--set", "report.sep=;")
		step(`config differs from the defaults ({"limit":"1","sep":";"} -> {"limit":"1","sep":","})`, "status")
	})
	t.Run("dry run shows the schema", func(t *testing.T) {
		cmd, _ := command(t, nil, "materialize", "--dry-run", "--select", "users+", "--set", "report.limit=3")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		for _, want := range []string{`
CONFIG                          TYPE    DEFAULT                    DOC
checks.report.client_ping.fail  bool    false                      fail the check
report.sep                      string  ,                          between users
report.limit                    int     (required)                 how many users; required
resources.open_db.dsn           string  mem://test $RESOURCES_DSN  DSN says where the database is.
resources.open_db.password      string  -                          never printed
`,
		} {
			if !strings.Contains(string(out), want) {
				t.Errorf("no line %q in:\n%s", want, out)
			}
		}
	})
	t.Run("interrupt", func(t *testing.T) {
		cmd, journal := command(t, nil, "materialize", "--select", "wait")
		var stdout bytes.Buffer
		cmd.Stdout = &stdout
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer cmd.Process.Kill()
		sc := bufio.NewScanner(stderr)
		var seen strings.Builder
		waiting := false
		for !waiting && sc.Scan() {
			seen.WriteString(sc.Text() + "\n")
			waiting = strings.Contains(sc.Text(), "waiting with mem://test")
		}
		if !waiting {
			t.Fatalf("wait never started:\n%s", seen.String())
		}
		if got := readFile(t, journal); got != "open db mem://test\n" {
			t.Errorf("journal while waiting: %q", got)
		}
		if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
			t.Fatal(err)
		}
		for sc.Scan() {
			seen.WriteString(sc.Text() + "\n")
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-time.After(2 * time.Minute): // a hang, not a speed check
			t.Fatalf("no exit after the interrupt:\n%s", seen.String())
		}
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
			t.Errorf("exit: %v, want status 130\n%s%s", err, stdout.String(), seen.String())
		}
		if got := readFile(t, journal); got != "open db mem://test\nclose db\n" {
			t.Errorf("journal after the interrupt:\n%s", got)
		}
	})
}
