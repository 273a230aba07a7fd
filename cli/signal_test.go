//go:build unix

package cli

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// started is a pipeline started in the background, whose stderr is read
// line by line.
type started struct {
	cmd    *exec.Cmd
	stdout bytes.Buffer
	lines  chan string // stderr, closed at its end
	seen   strings.Builder
}

func start(t *testing.T, env []string, args ...string) *started {
	t.Helper()
	s := &started{cmd: pipeline(t, env, args...), lines: make(chan string, 1000)}
	s.cmd.Stdout = &s.stdout
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(s.lines)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
		io.Copy(io.Discard, stderr)
	}()
	t.Cleanup(func() { s.cmd.Process.Kill() })
	return s
}

// waitFor reads stderr until a line contains text. The deadline only
// keeps a broken build from hanging the tests; it asserts nothing about
// speed.
func (s *started) waitFor(t *testing.T, text string) {
	t.Helper()
	deadline := time.After(2 * time.Minute)
	for {
		select {
		case line, ok := <-s.lines:
			if !ok {
				t.Fatalf("stderr ended before a line with %q:\n%s", text, s.seen.String())
			}
			s.seen.WriteString(line + "\n")
			if strings.Contains(line, text) {
				return
			}
		case <-deadline:
			s.cmd.Process.Kill()
			t.Fatalf("no line with %q on stderr:\n%s", text, s.seen.String())
		}
	}
}

// wait waits for the process to exit and returns what it printed.
func (s *started) wait(t *testing.T) result {
	t.Helper()
	for line := range s.lines {
		s.seen.WriteString(line + "\n")
	}
	err := s.cmd.Wait()
	code := 0
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{s.stdout.String(), s.seen.String(), code}
}

func TestInterrupt(t *testing.T) {
	for _, tt := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			s := start(t, []string{"PIPELINE_BLOCK=1"}, "materialize", "--select", "sleepy+ or +combined_data", "-j", "1")
			s.waitFor(t, "sleeping until cancelled")
			if err := s.cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			r := s.wait(t)
			r.want(t, tt.code,
				`err:canceling the run; interrupt again to exit at once`,
				`err:(?m)^cancel +sleepy +.*context canceled`,
				summaryRow("sleepy", "canceled", "1"),
				`(?m)^sleepy: .*context canceled`,
				`steps: \d succeeded, \d canceled`,
			)
			// With one worker, sleepy ran first or after the others: every
			// other step either finished or never started.
			for _, line := range strings.Split(r.stdout, "\n") {
				if strings.Contains(line, " failed ") {
					t.Errorf("a step failed instead of being canceled: %s", line)
				}
			}
		})
	}
}

func TestSecondInterruptExitsAtOnce(t *testing.T) {
	s := start(t, []string{"PIPELINE_BLOCK=ignore"}, "materialize", "--select", "sleepy")
	s.waitFor(t, "sleeping until cancelled")
	s.cmd.Process.Signal(os.Interrupt)
	s.waitFor(t, "canceling the run")
	// sleepy ignores its context: only a second interrupt ends the process.
	s.cmd.Process.Signal(os.Interrupt)
	r := s.wait(t)
	r.want(t, 130, "err:interrupt again: exiting at once, without waiting for the running steps")
	if strings.Contains(r.stdout, "ASSET") {
		t.Errorf("summary printed after the second interrupt:\n%s", r.stdout)
	}
}

// TestLiveView runs materialize on a terminal, made by util-linux's
// script, and checks that the live view was drawn and cleared.
func TestLiveView(t *testing.T) {
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("util-linux's script is not installed: no terminal to test the live view on")
	}
	state := t.TempDir() + "/flaky"
	// script -q -e -c CMD /dev/null, with the pipeline's environment.
	cmd := pipeline(t, []string{"TERM=xterm", "PIPELINE_FAIL=1", "PIPELINE_FLAKY_STATE=" + state})
	cmd.Path = script
	cmd.Args = []string{"script", "-q", "-e", "-c", "stty cols 120 rows 40; exec '" + pipelineBin + "' materialize -j 2", "/dev/null"}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	code := 0
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	r := result{stdout: out.String(), code: code}
	r.want(t, 1,
		"\x1b\\[", // the view redraws itself with escape sequences
		`10/10 done  0 running  1 failed  1 skipped`,
		`(?m)^FAIL +broken `,
		`(?m)^retry +flaky `,
		`msg="loading people"`,
		summaryRow("broken", "failed", "1"),
	)
}
