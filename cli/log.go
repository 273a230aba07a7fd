package cli

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"sync"
)

// logFlags are the logging flags of commands that run assets.
type logFlags struct {
	level  slog.Level
	format string // text or json
}

// declare declares --log-level and --log-format on fs.
func (f *logFlags) declare(fs *flag.FlagSet) {
	f.format = "text"
	fs.TextVar(&f.level, "log-level", slog.LevelInfo, "log `LEVEL`: debug, info, warn or error")
	fs.Func("log-format", "log `FORMAT`: text or json (default text)", func(s string) error {
		switch s {
		case "text", "json":
			f.format = s
			return nil
		}
		return fmt.Errorf("unknown log format %q: want text or json", s)
	})
}

// logger returns a logger writing to w at the configured level and format.
func (f *logFlags) logger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: f.level}
	if f.format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// switchWriter writes to one writer at a time, and can be switched to
// another: logs go to stderr, or above the live progress bars while they
// are shown. Writes are serialized.
type switchWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *switchWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// set makes later writes go to w.
func (s *switchWriter) set(w io.Writer) {
	s.mu.Lock()
	s.w = w
	s.mu.Unlock()
}
