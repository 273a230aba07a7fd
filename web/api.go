package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/assetgen/assetgen/automation"
	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/defview"
	"github.com/assetgen/assetgen/internal/runview"
	"github.com/assetgen/assetgen/runtime"
)

// The JSON API the pages use, which scripts and tests may call too:
//
//	GET  /api/assets?select=EXPR      the catalog: every (selected) asset and its status
//	GET  /api/assets/KEY              one asset: definition, links, staleness, materializations
//	GET  /api/graph?select=EXPR       the lineage graph, laid out, with statuses
//	GET  /api/partitions/KEY?from=I&status=S,S&limit=N   a page of a partitioned asset's partitions
//	GET  /api/runs?status=S&limit=N   runs, newest first
//	POST /api/runs {"select": EXPR, "partitions": P, "config": C}   launch a run: {"run_id": ...}
//	GET  /api/runs/ID                 one run and its steps
//	GET  /api/runs/ID/logs?asset=KEY&after=SEQ&limit=N   its log lines
//	GET  /api/runs/ID/events          server-sent events following the run
//	POST /api/plan {"select": EXPR, "partitions": P, "config": C}   the steps a run would execute
//
// P is one partition key, a range START...END or keys separated by commas;
// C, the run config: the text of a --config file (YAML or JSON) in a
// string, or the config as an object ({"rows": {"n": 2}}).
//
// Errors are {"error": message}, with "column" for a selection error.

// assetJSON is an asset in the catalog.
type assetJSON struct {
	Key              string     `json:"key"`
	Group            string     `json:"group"`
	Kinds            []string   `json:"kinds"`
	Owners           []string   `json:"owners"`
	Description      string     `json:"description"` // its first paragraph
	Status           string     `json:"status"`      // fresh, stale, failed or never
	Why              string     `json:"why,omitempty"`
	LastMaterialized *time.Time `json:"last_materialized,omitempty"`
	LastRun          string     `json:"last_run,omitempty"`
	// Partitions is the health of a partitioned asset's partitions (the
	// counts and cells of 'status --json'); nil for an unpartitioned
	// asset.
	Partitions *runview.Partitions `json:"partitions,omitempty"`
	// Overdue is the freshness of an asset overdue now (the catalog page
	// flags it); nil when it is not, or has no freshness policy.
	Overdue *automation.FreshnessResult `json:"-"`
}

func (c *catalog) assetJSON(i int, st *assetState) assetJSON {
	a := c.static[i]
	a.Status, a.Why, a.Partitions = st.Status, why(st.Why), st.Health
	if l := st.Last; l != nil && l.Materialized() {
		t := l.Time
		a.LastMaterialized, a.LastRun = &t, l.RunID
	}
	return a
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// writeJSON writes v with status code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "encoding the response: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}

// apiError writes err as {"error": ...}; a selection error gets its
// column and status 400.
func apiError(w http.ResponseWriter, code int, err error) {
	body := map[string]any{"error": err.Error()}
	if se := selectionError(err); se != nil {
		body["column"] = se.Col()
		code = http.StatusBadRequest
	}
	writeJSON(w, code, body)
}

func (s *Server) apiAssets(w http.ResponseWriter, r *http.Request) {
	expr := r.URL.Query().Get("select")
	sel, err := s.cat.selectSet(expr)
	if err != nil {
		apiError(w, http.StatusBadRequest, err)
		return
	}
	states, gen, err := s.cat.snapshot(r.Context(), s.opts.Log)
	if err != nil {
		apiError(w, http.StatusInternalServerError, err)
		return
	}
	// The response depends only on the selection and the states: it is
	// kept while they last.
	b, err := s.cat.body(gen, expr, func() ([]byte, error) {
		out := []assetJSON{}
		for i := range s.cat.defs {
			if sel[i] {
				out = append(out, s.cat.assetJSON(i, &states[i]))
			}
		}
		return json.Marshal(map[string]any{"assets": out})
	})
	if err != nil {
		apiError(w, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(append(b, '\n'))
}

// assetDetail is one asset in full.
type assetDetail struct {
	assetJSON
	FullDescription  string            `json:"full_description"`
	Source           string            `json:"source,omitempty"`
	CodeVersion      string            `json:"code_version,omitempty"`
	IOManager        string            `json:"io_manager"`
	Tags             map[string]string `json:"tags"`
	Upstream         []link            `json:"upstream"`
	Downstream       []link            `json:"downstream"`
	Causes           []causeJSON       `json:"causes"`
	Materializations []runview.Step    `json:"materializations"` // newest first
	LastError        string            `json:"last_error,omitempty"`
	Checks           []runview.Check   `json:"checks"` // the latest outcome of each check, by partition and name
}

// link is an edge to another asset.
type link struct {
	Key    string `json:"key"`
	Deps   bool   `json:"deps"` // ordering only (deps=)
	Status string `json:"status"`
}

type causeJSON struct {
	Reason   string `json:"reason"`
	Upstream string `json:"upstream,omitempty"`
	Detail   string `json:"detail,omitempty"`
	Text     string `json:"text"`
}

// maxMaterializations bounds the steps an asset page lists and plots.
const maxMaterializations = 200

// assetDetail gathers what the asset page shows; ok is false when no
// asset has the key.
func (s *Server) assetDetail(r *http.Request, key runtime.Key) (*assetDetail, bool, error) {
	i, ok := s.cat.index[key]
	if !ok {
		return nil, false, nil
	}
	states, err := s.cat.states(r.Context(), s.opts.Log)
	if err != nil {
		return nil, true, err
	}
	steps, err := s.opts.Log.AssetSteps(r.Context(), key, maxMaterializations)
	if err != nil {
		return nil, true, err
	}
	d := s.cat.defs[i]
	st := &states[i]
	a := &assetDetail{
		assetJSON: s.cat.assetJSON(i, st), FullDescription: strings.TrimSpace(d.Description), Source: d.Source,
		CodeVersion: d.CodeVersion, IOManager: defview.IOManager(d), Tags: d.Tags,
		Upstream: []link{}, Downstream: []link{}, Causes: []causeJSON{}, Materializations: []runview.Step{},
	}
	if a.Tags == nil {
		a.Tags = map[string]string{}
	}
	for _, e := range s.cat.up[i] {
		a.Upstream = append(a.Upstream, link{Key: string(s.cat.defs[e.to].Key), Deps: e.deps, Status: states[e.to].Status})
	}
	for _, e := range s.cat.down[i] {
		a.Downstream = append(a.Downstream, link{Key: string(s.cat.defs[e.to].Key), Deps: e.deps, Status: states[e.to].Status})
	}
	for _, c := range st.Why {
		a.Causes = append(a.Causes, causeJSON{Reason: string(c.Reason), Upstream: string(c.Upstream), Detail: c.Detail, Text: c.String()})
	}
	if l := st.Last; l != nil && l.LastStatus == "failed" {
		a.LastError = l.LastError
	}
	for i := range steps {
		a.Materializations = append(a.Materializations, runview.NewStep(&steps[i]))
	}
	checks, err := history.LatestChecks(r.Context(), s.opts.Log)
	if err != nil {
		return nil, true, err
	}
	a.Checks = []runview.Check{}
	for i := range checks {
		if checks[i].Key == key {
			a.Checks = append(a.Checks, runview.NewCheck(&checks[i]))
		}
	}
	return a, true, nil
}

func (s *Server) apiAsset(w http.ResponseWriter, r *http.Request) {
	a, ok, err := s.assetDetail(r, runtime.Key(r.PathValue("key")))
	switch {
	case err != nil:
		apiError(w, http.StatusInternalServerError, err)
	case !ok:
		apiError(w, http.StatusNotFound, fmt.Errorf("no asset %q", r.PathValue("key")))
	default:
		writeJSON(w, http.StatusOK, a)
	}
}

func (s *Server) apiGraph(w http.ResponseWriter, r *http.Request) {
	l, err := s.cat.layout(r.URL.Query().Get("select"))
	if err != nil {
		apiError(w, http.StatusBadRequest, err)
		return
	}
	states, err := s.cat.states(r.Context(), s.opts.Log)
	if err != nil {
		apiError(w, http.StatusInternalServerError, err)
		return
	}
	// One letter per node: f(resh), s(tale), x (failed), n(ever).
	status := make([]byte, len(l.nodes))
	for p, nd := range l.nodes {
		status[p] = statusLetter(states[nd.asset].Status)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(l.json)
	fmt.Fprintf(w, `,"status":%q}`+"\n", status)
}

func statusLetter(s string) byte {
	switch s {
	case statusFresh:
		return 'f'
	case statusStale:
		return 's'
	case statusFailed:
		return 'x'
	}
	return 'n'
}

// runStatuses are the statuses the runs list filters by.
var runStatuses = []string{history.RunRunning, history.RunSuccess, history.RunFailed, history.RunCanceled}

// listRuns returns the newest runs of status (any when empty), at most
// limit of them: those of the pipeline, or of every pipeline when the
// request says all=1.
func (s *Server) listRuns(r *http.Request, status string, limit int) ([]history.Run, error) {
	if status != "" && !slices.Contains(runStatuses, status) {
		return nil, fmt.Errorf("unknown run status %q: want one of %s", status, strings.Join(runStatuses, ", "))
	}
	q := history.RunQuery{Limit: limit, Status: status}
	if !allPipelines(r) {
		q.Pipeline = s.opts.Pipeline
	}
	return s.opts.Log.Runs(r.Context(), q)
}

// allPipelines reports whether r asks for the runs of every pipeline.
func allPipelines(r *http.Request) bool { return r.URL.Query().Get("all") == "1" }

// intParam returns the integer query parameter name, or def.
func intParam(r *http.Request, name string, def int) (int, error) {
	return intValue(r.URL.Query(), name, def)
}

// intValue returns the integer value name of q, or def.
func intValue(q url.Values, name string, def int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s=%q: want a number, 0 or more", name, v)
	}
	return n, nil
}

func (s *Server) apiRuns(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r, "limit", 100)
	if err != nil {
		apiError(w, http.StatusBadRequest, err)
		return
	}
	runs, err := s.listRuns(r, r.URL.Query().Get("status"), limit)
	if err != nil {
		apiError(w, http.StatusBadRequest, err)
		return
	}
	out := make([]runview.Run, 0, len(runs))
	for i := range runs {
		out = append(out, runview.NewRun(&runs[i]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"runs": out})
}

// runView is a run with its steps, as the run page and its events carry
// it.
type runView struct {
	Run    runview.Run     `json:"run"`
	Steps  []runview.Step  `json:"steps"`
	Checks []runview.Check `json:"checks"` // as runs show --json's
}

func (s *Server) runView(r *http.Request, id string) (*runView, error) {
	run, err := s.opts.Log.Run(r.Context(), id)
	if err != nil {
		return nil, err
	}
	steps, err := s.opts.Log.Steps(r.Context(), id)
	if err != nil {
		return nil, err
	}
	checks, err := history.RunChecks(r.Context(), s.opts.Log, id)
	if err != nil {
		return nil, err
	}
	v := &runView{Run: runview.NewRun(run), Steps: make([]runview.Step, 0, len(steps)), Checks: make([]runview.Check, 0, len(checks))}
	for i := range steps {
		v.Steps = append(v.Steps, runview.NewStep(&steps[i]))
	}
	for i := range checks {
		v.Checks = append(v.Checks, runview.NewCheck(&checks[i]))
	}
	return v, nil
}

func (s *Server) apiRun(w http.ResponseWriter, r *http.Request) {
	v, err := s.runView(r, r.PathValue("id"))
	if err != nil {
		apiError(w, notFoundCode(err), err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// maxLines bounds the lines of one response.
const maxLines = 5000

func (s *Server) apiLogs(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	after, err := intParam(r, "after", 0)
	if err != nil {
		apiError(w, http.StatusBadRequest, err)
		return
	}
	limit, err := intParam(r, "limit", maxLines)
	if err != nil {
		apiError(w, http.StatusBadRequest, err)
		return
	}
	if _, err = s.opts.Log.Run(r.Context(), id); err != nil {
		apiError(w, notFoundCode(err), err)
		return
	}
	q := history.LogQuery{Key: runtime.Key(r.URL.Query().Get("asset")), After: int64(after), Limit: min(max(limit, 1), maxLines)}
	lines, err := s.opts.Log.Logs(r.Context(), id, q)
	if err != nil {
		apiError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"lines": runview.NewLines(lines)})
}

// notFoundCode is 404 for an error wrapping history.ErrNotFound, else 500.
func notFoundCode(err error) int {
	if errors.Is(err, history.ErrNotFound) {
		return http.StatusNotFound
	}
	return http.StatusInternalServerError
}

// readRequest decodes a Request from a JSON body.
func readRequest(r *http.Request) (Request, error) {
	var req Request
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		return req, errors.New("want a JSON body (Content-Type: application/json)")
	}
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, fmt.Errorf("reading the request: %w", err)
	}
	return req, nil
}

func (s *Server) apiPlan(w http.ResponseWriter, r *http.Request) {
	req, err := readRequest(r)
	if err != nil {
		apiError(w, http.StatusBadRequest, err)
		return
	}
	steps, err := s.plan(r, req)
	if err != nil {
		apiError(w, http.StatusUnprocessableEntity, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"steps": steps})
}

// errNoRunner is the error of launching from a server without a Runner.
var errNoRunner = errors.New("this server does not launch runs")

// plan checks the selection with the catalog's parser (so the error
// points at its column) and asks the Runner for the plan.
func (s *Server) plan(r *http.Request, req Request) ([]PlanStep, error) {
	if s.opts.Runner == nil {
		return nil, errNoRunner
	}
	if _, err := s.cat.selectSet(req.Select); err != nil {
		return nil, err
	}
	return s.opts.Runner.Plan(r.Context(), req)
}

// launch starts a run of req.
func (s *Server) launch(r *http.Request, req Request) (string, error) {
	if s.opts.Runner == nil {
		return "", errNoRunner
	}
	if _, err := s.cat.selectSet(req.Select); err != nil {
		return "", err
	}
	id, err := s.opts.Runner.Launch(r.Context(), req)
	if err != nil {
		return "", err
	}
	s.noteLaunched(id)
	return id, nil
}

func (s *Server) apiLaunch(w http.ResponseWriter, r *http.Request) {
	req, err := readRequest(r)
	if err != nil {
		apiError(w, http.StatusBadRequest, err)
		return
	}
	id, err := s.launch(r, req)
	if err != nil {
		apiError(w, http.StatusUnprocessableEntity, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"run_id": id, "url": "/runs/" + id})
}
