// Package pgtest gives tests a real PostgreSQL server: the one
// $ASSETGEN_TEST_POSTGRES names, or a throwaway cluster started from the
// PostgreSQL binaries installed on the machine (Debian's postgresql
// package), on a free loopback port, in a temporary directory.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Env names the variable holding the DSN of an existing server to use
// (a postgres:// URL whose user may create databases).
const Env = "ASSETGEN_TEST_POSTGRES"

// ErrMissing is wrapped by Start's error when no server is configured and
// no PostgreSQL binaries are installed.
var ErrMissing = errors.New("PostgreSQL is not installed: set " + Env + " to the postgres:// DSN of a server, " +
	"or install the server binaries (Debian/Ubuntu: apt-get install postgresql; tests start a throwaway cluster from /usr/lib/postgresql/*/bin)")

// Server is a PostgreSQL server for tests.
type Server struct {
	DSN  string // postgres:// URL of its "postgres" database
	dir  string // the cluster's directory when Start created it
	bin  string
	asPG bool
	n    int
}

// Start returns the server of $ASSETGEN_TEST_POSTGRES, or starts a
// throwaway cluster. Call Stop when done.
func Start() (*Server, error) {
	if dsn := os.Getenv(Env); dsn != "" {
		if !strings.HasPrefix(dsn, "postgres://") && !strings.HasPrefix(dsn, "postgresql://") {
			return nil, fmt.Errorf("%s must be a postgres:// URL, got %q", Env, dsn)
		}
		return &Server{DSN: dsn}, nil
	}
	bin := findBin()
	if bin == "" {
		return nil, ErrMissing
	}
	s := &Server{bin: bin}
	u, err := user.Current()
	if err != nil {
		return nil, err
	}
	s.asPG = u.Uid == "0" // initdb refuses to run as root
	base := ""
	if s.asPG {
		// The postgres user must reach the directory: $TMPDIR may be
		// under root's home.
		if fi, err := os.Stat("/tmp"); err == nil && fi.IsDir() {
			base = "/tmp"
		}
	}
	dir, err := os.MkdirTemp(base, "assetgen-pg-")
	if err != nil {
		return nil, err
	}
	s.dir = dir
	if err := s.init(); err != nil {
		s.Stop()
		return nil, err
	}
	var last error
	for range 3 { // the free port may be taken between choosing and binding
		port, err := freePort()
		if err != nil {
			s.Stop()
			return nil, err
		}
		if last = s.start(port); last == nil {
			s.DSN = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
			return s, nil
		}
	}
	s.Stop()
	return nil, last
}

func findBin() string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p)
	}
	return ""
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (s *Server) cmd(name string, args ...string) *exec.Cmd {
	path := filepath.Join(s.bin, name)
	if s.asPG {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	}
	return exec.Command(path, args...)
}

func (s *Server) run(name string, args ...string) error {
	out, err := s.cmd(name, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

func (s *Server) data() string { return filepath.Join(s.dir, "data") }
func (s *Server) sock() string { return filepath.Join(s.dir, "run") }

func (s *Server) init() error {
	if err := os.Chmod(s.dir, 0o755); err != nil {
		return err
	}
	for _, d := range []string{s.data(), s.sock()} {
		if err := os.Mkdir(d, 0o700); err != nil {
			return err
		}
		if s.asPG {
			if out, err := exec.Command("chown", "postgres:", d).CombinedOutput(); err != nil {
				return fmt.Errorf("chown %s: %w\n%s", d, err, out)
			}
		}
	}
	return s.run("initdb", "-D", s.data(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")
}

func (s *Server) start(port int) error {
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200", port, s.sock())
	return s.run("pg_ctl", "-D", s.data(), "-l", filepath.Join(s.sock(), "log"), "-o", opts, "-w", "-t", "60", "start")
}

// Stop stops a cluster Start created and removes its directory; it does
// nothing for a server given by $ASSETGEN_TEST_POSTGRES.
func (s *Server) Stop() {
	if s.dir == "" {
		return
	}
	if _, err := os.Stat(filepath.Join(s.data(), "postmaster.pid")); err == nil {
		s.run("pg_ctl", "-D", s.data(), "-m", "immediate", "-w", "stop")
	}
	os.RemoveAll(s.dir)
}

// NewDatabase creates a new, empty database named after prefix and
// returns its DSN and a function that drops it.
func (s *Server) NewDatabase(ctx context.Context, prefix string) (dsn string, drop func() error, err error) {
	s.n++
	name := pgx.Identifier{fmt.Sprintf("%s_%d_%d", sanitize(prefix), os.Getpid(), s.n)}
	if err := s.exec(ctx, "CREATE DATABASE "+name.Sanitize()); err != nil {
		return "", nil, err
	}
	u, err := url.Parse(s.DSN)
	if err != nil {
		return "", nil, err
	}
	u.Path = "/" + name[0]
	drop = func() error {
		return s.exec(context.Background(), "DROP DATABASE IF EXISTS "+name.Sanitize()+" WITH (FORCE)")
	}
	return u.String(), drop, nil
}

func (s *Server) exec(ctx context.Context, sql string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.DSN)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

func sanitize(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		} else {
			b.WriteByte('_')
		}
	}
	if b.Len() > 30 {
		return b.String()[:30]
	}
	return b.String()
}

// Pause stops the server (fast shutdown: connections are cut), keeping
// its data and port, until Resume; a server of $ASSETGEN_TEST_POSTGRES
// cannot be paused.
func (s *Server) Pause() error {
	if s.dir == "" {
		return errors.New("pgtest: cannot pause a server this package did not start")
	}
	return s.run("pg_ctl", "-D", s.data(), "-m", "fast", "-w", "stop")
}

// Resume starts a paused server again on its port.
func (s *Server) Resume() error {
	u, err := url.Parse(s.DSN)
	if err != nil {
		return err
	}
	port, err := strconv.Atoi(u.Port())
	if err != nil {
		return err
	}
	return s.start(port)
}

// Database starts a server for test t (Start) and returns the DSN of a
// new database named after prefix; both go at the end of the test. When
// PostgreSQL is missing, the test is skipped, except on CI ($CI=true),
// where it fails, as on any other error.
func Database(t testing.TB, prefix string) string {
	t.Helper()
	s, err := Start()
	if err != nil {
		if !errors.Is(err, ErrMissing) || os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	t.Cleanup(s.Stop)
	dsn, drop, err := s.NewDatabase(context.Background(), prefix)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := drop(); err != nil {
			t.Error(err)
		}
	})
	return dsn
}
