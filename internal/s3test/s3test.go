// Package s3test gives tests a real S3-compatible server: versitygw
// (github.com/versity/versitygw, Apache-2.0) serving a temporary directory
// over the S3 protocol on a free loopback port, each subdirectory a bucket.
// CI installs it with
//
//	go install github.com/versity/versitygw/cmd/versitygw@v1.8.0
package s3test

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Install is the command that installs the server.
const Install = "go install github.com/versity/versitygw/cmd/versitygw@v1.8.0"

// ErrMissing is wrapped by Start's error when versitygw is not installed.
var ErrMissing = errors.New("versitygw is not installed (on $PATH or in $(go env GOPATH)/bin): run " + Install)

// Server is a running versitygw.
type Server struct {
	Endpoint  string // http://127.0.0.1:PORT
	Region    string
	AccessKey string
	SecretKey string
	Dir       string // the directory served: each subdirectory is a bucket

	cmd  *exec.Cmd
	out  *syncBuffer
	done chan struct{}
}

// Start starts versitygw on a new temporary directory. Call Stop when
// done.
func Start() (*Server, error) {
	bin, err := Bin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "assetgen-s3-")
	if err != nil {
		return nil, err
	}
	s := &Server{Region: "us-east-1", AccessKey: "assetgen-test", SecretKey: "assetgen-test-secret", Dir: dir}
	var last error
	for range 3 { // the free port may be taken between choosing and binding
		port, err := freePort()
		if err != nil {
			s.Stop()
			return nil, err
		}
		if last = s.start(bin, port); last == nil {
			return s, nil
		}
	}
	s.Stop()
	return nil, last
}

// Bin returns the path of the versitygw binary: on $PATH, or where go
// install puts it.
func Bin() (string, error) {
	if p, err := exec.LookPath("versitygw"); err == nil {
		return p, nil
	}
	var dirs []string
	if gobin := os.Getenv("GOBIN"); gobin != "" {
		dirs = append(dirs, gobin)
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		for _, p := range filepath.SplitList(strings.TrimSpace(string(out))) {
			dirs = append(dirs, filepath.Join(p, "bin"))
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, "go", "bin"))
	}
	for _, d := range dirs {
		p := filepath.Join(d, "versitygw")
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
	}
	return "", ErrMissing
}

func (s *Server) start(bin string, port int) error {
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	s.out = &syncBuffer{}
	s.cmd = exec.Command(bin, "--access", s.AccessKey, "--secret", s.SecretKey, "--region", s.Region,
		"--port", addr, "--quiet", "posix", s.Dir)
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.out
	s.cmd.SysProcAttr = sysProcAttr()
	if err := s.cmd.Start(); err != nil {
		return fmt.Errorf("start versitygw: %w", err)
	}
	s.done = make(chan struct{})
	go func() {
		s.cmd.Wait()
		close(s.done)
	}()
	deadline := time.Now().Add(30 * time.Second)
	for {
		select {
		case <-s.done:
			return fmt.Errorf("versitygw exited: %v\n%s", s.cmd.ProcessState, s.out.String())
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			s.Endpoint = "http://" + addr
			return nil
		}
		if time.Now().After(deadline) {
			s.kill()
			return fmt.Errorf("versitygw did not listen on %s within 30 s\n%s", addr, s.out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// kill stops the process and waits for it.
func (s *Server) kill() {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Kill()
		<-s.done
	}
}

// Stop stops the server and removes its directory.
func (s *Server) Stop() {
	s.kill()
	os.RemoveAll(s.Dir)
}

// CreateBucket creates a bucket: a directory of the served directory.
func (s *Server) CreateBucket(name string) error {
	return os.Mkdir(filepath.Join(s.Dir, name), 0o755)
}

// URL returns the gocloud.dev/blob URL of bucket and prefix on the server.
// Credentials are not part of it: set Env in the environment.
func (s *Server) URL(bucket, prefix string) string {
	q := url.Values{}
	q.Set("endpoint", s.Endpoint)
	q.Set("region", s.Region)
	q.Set("use_path_style", "true")
	u := url.URL{Scheme: "s3", Host: bucket, Path: "/" + prefix, RawQuery: q.Encode()}
	return u.String()
}

// Env returns the environment variables that give the S3 driver the
// server's credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
func (s *Server) Env() map[string]string {
	return map[string]string{"AWS_ACCESS_KEY_ID": s.AccessKey, "AWS_SECRET_ACCESS_KEY": s.SecretKey}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// syncBuffer is a bytes.Buffer safe for the process's writes and the
// test's reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
