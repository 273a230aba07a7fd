// Package web is the web page of an assetgen pipeline, which the command
// line serves with 'pipeline serve': the asset catalog (with the health
// bars of partitioned assets), the lineage graph, each asset's
// materializations and partitions, the runs with their steps and log
// lines, and a page to launch runs of a selection and its partitions. It reads the run history and the
// definitions, and launches runs through a Runner (the command line's
// materialize path), so a run launched from the page is planned,
// validated and recorded like any other.
//
// Everything is served by one http.Handler from files embedded in the
// binary: no Node, no network access. The pages are html/template; the
// little JavaScript there is (the graph, the plots, the live run page) is
// plain, in static/, with third-party code vendored in static/vendor.
//
// Security: a Server listens where it is told, and CheckAddr refuses a
// non-loopback address without a token. With a token every request must
// carry it (Authorization: Bearer, or the cookie set by opening a page
// with ?token=). Without one, only requests whose Host is a loopback name
// are answered (against DNS rebinding). Every state-changing request is a
// POST behind http.CrossOriginProtection; every page has a
// Content-Security-Policy that allows only the server's own scripts and
// styles; html/template escapes every string from users, and the scripts
// write them with textContent only.
package web

import (
	"bytes"
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/assetgen/assetgen/automation"
	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/selection"
)

//go:embed static templates
var files embed.FS

// Request is a run to plan or launch.
type Request struct {
	// Select is a selection expression (the syntax of --select); empty
	// selects every asset.
	Select string `json:"select"`
	// Partitions names the partitions the selected partitioned assets
	// run, as the command line asks for them: one key (--partition), a
	// range START...END, both included (--partition-range), or keys
	// separated by commas (--partitions); empty for none.
	Partitions string `json:"partitions,omitempty"`
	// Config is the run's config, the text of a --config file (YAML or
	// JSON), parsed and validated as the command line does; empty for
	// none. In JSON it is that text as a string, or the config itself as
	// an object ({"rows": {"n": 2}}), which Config then holds as JSON text.
	Config string `json:"config,omitempty"`
}

// UnmarshalJSON decodes a Request, whose "config" is a string or an
// object (see Request.Config).
func (r *Request) UnmarshalJSON(b []byte) error {
	type plain Request // without this method
	var v struct {
		plain
		Config json.RawMessage `json:"config,omitempty"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields() // as readRequest's decoder, which cannot pass it on
	if err := dec.Decode(&v); err != nil {
		return err
	}
	*r = Request(v.plain)
	switch c := bytes.TrimSpace(v.Config); {
	case len(c) == 0 || string(c) == "null":
	case c[0] == '"':
		return json.Unmarshal(c, &r.Config)
	case c[0] == '{':
		r.Config = string(c)
	default:
		return errors.New(`"config": want the config as an object or as the text of a config file (YAML or JSON) in a string`)
	}
	return nil
}

// PlanStep is one step of a planned run, in execution order.
type PlanStep struct {
	Asset string `json:"asset"`
	// Partition is the step's partition key, or FIRST...LAST for a step
	// of several; empty for an unpartitioned asset. Partitions counts
	// them.
	Partition  string   `json:"partition,omitempty"`
	Partitions int      `json:"partitions,omitempty"`
	After      []string `json:"after"`  // upstream assets of the run that it waits for
	Stored     []string `json:"stored"` // upstream assets it loads from storage
}

// Runner plans and launches runs for the page.
type Runner interface {
	// Plan returns the steps a run of req would execute, in order,
	// without running anything. A selection error is a *selection.Error.
	Plan(ctx context.Context, req Request) ([]PlanStep, error)
	// Launch starts a run of req and returns its ID once it has started;
	// the run goes on in the background, recorded in the history, until
	// it ends or the server stops. An error means nothing was started.
	Launch(ctx context.Context, req Request) (string, error)
}

// Options configure a Server.
type Options struct {
	Defs *runtime.Definitions // the pipeline's assets
	Log  history.Log          // the run history the pages show
	// Runner launches runs; nil shows the pages without launching.
	Runner Runner
	// Token, when set, is required of every request (see the package
	// documentation).
	Token string
	// Name is the pipeline's name, shown in titles.
	Name string
	// Pipeline, when set, is the pipeline (history.Run.Pipeline) whose
	// runs the runs list shows unless asked for every pipeline's (all=1).
	Pipeline string
	// Poll is how often a page following a run looks for news in the
	// history; 250 ms when zero.
	Poll time.Duration
	// Automation, when set, is the pipeline's automation daemon (the
	// one serve runs): the Automation page lists its schedules, sensors
	// and conditions and pauses them, asset pages show their condition,
	// latest evaluation and freshness, and the catalog flags the
	// overdue assets.
	Automation *automation.Daemon
}

// Server is the web page of one pipeline.
type Server struct {
	opts    Options
	cat     *catalog
	pages   map[string]*template.Template
	static  http.Handler
	handler http.Handler

	mu       sync.Mutex
	launched map[string]time.Time // runs this server launched, when
}

// New returns a Server for opts; Defs and Log are required.
func New(opts Options) (*Server, error) {
	if opts.Defs == nil || opts.Log == nil {
		return nil, errors.New("web: Options.Defs and Options.Log are required")
	}
	if opts.Name == "" {
		opts.Name = "pipeline"
	}
	if opts.Poll <= 0 {
		opts.Poll = 250 * time.Millisecond
	}
	s := &Server{opts: opts, cat: newCatalog(opts.Defs), launched: map[string]time.Time{}}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	s.pages = pages
	static, err := fs.Sub(files, "static")
	if err != nil {
		return nil, err
	}
	s.static = http.StripPrefix("/static/", http.FileServerFS(static))
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP serves the pages, the API and the static files.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.catalogPage)
	mux.HandleFunc("GET /lineage", s.lineagePage)
	mux.HandleFunc("GET /assets/{key...}", s.assetPage)
	mux.HandleFunc("GET /runs", s.runsPage)
	mux.HandleFunc("GET /runs/{id}", s.runPage)
	mux.HandleFunc("GET /launch", s.launchPage)
	mux.HandleFunc("POST /launch", s.launchForm)
	mux.HandleFunc("GET /automation", s.automationPage)
	mux.HandleFunc("POST /automation", s.automationForm)
	mux.Handle("GET /static/", s.cacheStatic(s.static))

	mux.HandleFunc("GET /api/assets", s.apiAssets)
	mux.HandleFunc("GET /api/assets/{key...}", s.apiAsset)
	mux.HandleFunc("GET /api/partitions/{key...}", s.apiPartitions)
	mux.HandleFunc("GET /api/graph", s.apiGraph)
	mux.HandleFunc("GET /api/runs", s.apiRuns)
	mux.HandleFunc("POST /api/runs", s.apiLaunch)
	mux.HandleFunc("GET /api/runs/{id}", s.apiRun)
	mux.HandleFunc("GET /api/runs/{id}/logs", s.apiLogs)
	mux.HandleFunc("GET /api/runs/{id}/events", s.apiEvents)
	mux.HandleFunc("POST /api/plan", s.apiPlan)
	mux.HandleFunc("GET /api/automation", s.apiAutomation)

	cop := http.NewCrossOriginProtection()
	return s.guard(cop.Handler(mux))
}

// contentSecurityPolicy allows the server's own scripts, styles, images
// and connections, and nothing inline.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// tokenCookie holds the token in a browser that opened a page with
// ?token=.
const tokenCookie = "assetgen_token"

// guard sets the security headers and checks the token, or the Host of
// a server without one.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if s.opts.Token == "" {
			if !loopbackHost(r.Host) {
				http.Error(w, "this server answers only requests to a loopback address (127.0.0.1, [::1], localhost): restart it with --token to serve others", http.StatusMisdirectedRequest)
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		if t := r.URL.Query().Get("token"); t != "" && r.Method == http.MethodGet && s.tokenOK(t) {
			// A link with the token: keep it in a cookie, and drop it
			// from the address (and so from the history and logs).
			http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: t, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
			u := *r.URL
			q := u.Query()
			q.Del("token")
			u.RawQuery = q.Encode()
			http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
			return
		}
		if !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="assetgen"`)
			http.Error(w, "unauthorized: open the address with ?token=TOKEN once, or send Authorization: Bearer TOKEN", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) tokenOK(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.opts.Token)) == 1
}

func (s *Server) authorized(r *http.Request) bool {
	if a := r.Header.Get("Authorization"); a != "" {
		t, ok := strings.CutPrefix(a, "Bearer ")
		return ok && s.tokenOK(t)
	}
	if c, err := r.Cookie(tokenCookie); err == nil {
		return s.tokenOK(c.Value)
	}
	return false
}

// loopbackHost reports whether host (a Host header, with or without a
// port) names the loopback interface.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// CheckAddr returns an error when addr (host:port) is not a loopback
// address and token is empty: serving a pipeline that can launch runs to
// a network needs a token.
func CheckAddr(addr, token string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if token != "" {
		return nil
	}
	if host == "" || !loopbackHost(host) {
		shown := host
		if shown == "" {
			shown = "every interface"
		}
		return fmt.Errorf("address %q listens on %s, not only on this machine: give a --token that every client must send, or listen on 127.0.0.1", addr, shown)
	}
	return nil
}

// URL returns the address to open for a server listening at addr (the
// listener's address), with the token when there is one.
func URL(addr, token string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	u := url.URL{Scheme: "http", Host: net.JoinHostPort(host, port), Path: "/"}
	if token != "" {
		u.RawQuery = url.Values{"token": {token}}.Encode()
	}
	return u.String()
}

// cacheStatic lets browsers keep static files for a while: they change
// only with the binary.
func (s *Server) cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=300")
		h.ServeHTTP(w, r)
	})
}

// noteLaunched remembers that this server launched run id, so its page
// waits for the run to be recorded instead of answering 404.
func (s *Server) noteLaunched(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	for k, t := range s.launched {
		if now.Sub(t) > time.Hour {
			delete(s.launched, k)
		}
	}
	s.launched[id] = now
}

func (s *Server) wasLaunched(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.launched[id]
	return ok
}

// selectionError returns err as a *selection.Error, or nil.
func selectionError(err error) *selection.Error {
	var se *selection.Error
	if errors.As(err, &se) {
		return se
	}
	return nil
}
